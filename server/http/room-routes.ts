// /api/rooms/:code: public state, settings, moderation view, exports, polls and questions of a room.
import type { FastifyInstance } from "fastify";
import { normalizeCode } from "../../shared/limits.js";
import { toCsv } from "../service/export.js";
import type { Tribune } from "../service/tribune.js";
import { actorOf } from "./auth.js";

type CodeParams = { Params: { code: string } };

export function roomRoutes(app: FastifyInstance, tribune: Tribune): void {
  app.get<CodeParams>("/api/rooms/:code", async (req, reply) =>
    reply.type("application/json; charset=utf-8").send(await tribune.publicStateJson(normalizeCode(req.params.code))),
  );

  app.patch<CodeParams>("/api/rooms/:code", async (req) =>
    tribune.events.updateRoom(await actorOf(tribune, req), normalizeCode(req.params.code), req.body),
  );

  app.get<CodeParams>("/api/rooms/:code/moderation", async (req) =>
    tribune.events.moderation(await actorOf(tribune, req), normalizeCode(req.params.code)),
  );

  app.post<CodeParams>("/api/rooms/:code/polls", async (req, reply) => {
    const poll = await tribune.polls.create(await actorOf(tribune, req), normalizeCode(req.params.code), req.body);
    return reply.code(201).send(poll);
  });

  app.post<CodeParams>("/api/rooms/:code/questions", async (req, reply) => {
    const { question, created } = await tribune.questions.ask(normalizeCode(req.params.code), req.body);
    return reply.code(created ? 201 : 200).send(question);
  });

  app.get<CodeParams>("/api/rooms/:code/export.json", async (req, reply) => {
    const data = await tribune.export(await actorOf(tribune, req), normalizeCode(req.params.code));
    return reply.header("content-disposition", `attachment; filename="tribune-${data.room.code}.json"`).send(data);
  });

  app.get<CodeParams>("/api/rooms/:code/export.csv", async (req, reply) => {
    const data = await tribune.export(await actorOf(tribune, req), normalizeCode(req.params.code));
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="tribune-${data.room.code}.csv"`)
      .send(`\uFEFF${toCsv(data)}`);
  });
}
