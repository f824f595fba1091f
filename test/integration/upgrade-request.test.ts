// io.ts lets go of each WebSocket upgrade request once the 101 is on its way (engine.io 6.6's
// WebSocketResponse would keep it for the connection's life). If an engine.io upgrade changes how
// the response is made, this says so: the response must no longer hold the request, for a new
// WebSocket connection and for a polling one upgrading, and must still tell its `close`.
import { createServer, type IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connectClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdmissionWindow } from "../../server/core/admission.js";
import { createIoServer } from "../../server/realtime/io.js";

type Seen = { req: IncomingMessage | null; on(event: "close", listener: () => void): unknown };

const http = createServer();
const io = createIoServer(
  http,
  ["http://localhost:3000"],
  { full: () => false, addressOf: (peer) => peer },
  new AdmissionWindow(256),
);
const upgrades: Seen[] = [];
io.engine.use((_req: IncomingMessage, res: ServerResponse | Seen, next: () => void) => {
  if (!(res instanceof ServerResponse)) upgrades.push(res);
  next();
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  io.close();
});

describe("the upgrade request", () => {
  for (const [name, transports] of [
    ["a WebSocket connection", ["websocket"]],
    ["a polling connection upgraded to WebSocket", ["polling", "websocket"]],
  ] as const) {
    it(`is not kept by the upgrade's response: ${name}`, async () => {
      upgrades.length = 0;
      const client = connectClient(url, {
        transports: [...transports],
        forceNew: true,
        reconnection: false,
        extraHeaders: { origin: "http://localhost:3000" },
      });
      await new Promise<void>((resolve, reject) => {
        client.once("connect", resolve);
        client.once("connect_error", reject);
      });
      await expect.poll(() => client.io.engine.transport.name).toBe("websocket");
      expect(upgrades).toHaveLength(1);
      const res = upgrades[0]!;
      expect(res.req).toBeNull();
      const closed = new Promise<void>((resolve) => res.on("close", resolve));
      client.close();
      await closed;
    });
  }
});
