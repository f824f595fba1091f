// The HTTP baselines: Fastify 5's hello-world at GET /, and GET /payload answering a JSON body
// held in memory (set over IPC), to tell the cost of the payload from the cost of the app.
import Fastify from "fastify";
import { serveIpc } from "./ipc.js";

let payload = "{}";
const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
app.get("/payload", async (_req, reply) => reply.type("application/json; charset=utf-8").send(payload));
await app.listen({ port: 0, host: "127.0.0.1" });
serveIpc(
  app.server,
  () => app.close(),
  (message) => {
    if (message.type === "payload") payload = String(message.body);
    return { bytes: payload.length };
  },
);
