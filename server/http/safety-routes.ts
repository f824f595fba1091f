// Routes of the hardening issue (additive to contract v1): moderator-key rotation, bans of a
// question's author, and a room's audit log.
import type { FastifyInstance } from "fastify";
import { normalizeCode } from "../../shared/limits.js";
import type { AuditLog } from "../service/audit.js";
import { banAuthor } from "../service/question-service.js";
import type { Tribune } from "../service/tribune.js";
import { actorOf } from "./auth.js";

type IdParams = { Params: { id: string } };
type CodeParams = { Params: { code: string } };

export function safetyRoutes(app: FastifyInstance, tribune: Tribune): void {
  app.post<IdParams>("/api/events/:id/moderator-key", async (req) =>
    tribune.events.rotateKey(await actorOf(tribune, req, "organizer"), req.params.id),
  );
  app.post<IdParams>("/api/questions/:id/ban", async (req) =>
    banAuthor(tribune.deps, await actorOf(tribune, req), req.params.id, true),
  );
  app.delete<IdParams>("/api/questions/:id/ban", async (req) =>
    banAuthor(tribune.deps, await actorOf(tribune, req), req.params.id, false),
  );
  app.get<CodeParams>("/api/rooms/:code/audit", async (req): Promise<AuditLog> => {
    const room = await tribune.events.staffRoom(await actorOf(tribune, req), normalizeCode(req.params.code));
    return { code: room.code, entries: await tribune.deps.store.auditLog(room.code) };
  });
}
