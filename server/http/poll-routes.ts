// /api/polls/:id and /api/questions/:id: moderation of a poll or question, votes and upvotes.
import type { FastifyInstance } from "fastify";
import type { Tribune } from "../service/tribune.js";
import { actorOf } from "./auth.js";

type IdParams = { Params: { id: string } };

export function pollRoutes(app: FastifyInstance, tribune: Tribune): void {
  app.patch<IdParams>("/api/polls/:id", async (req) =>
    tribune.polls.update(await actorOf(tribune, req), req.params.id, req.body),
  );

  app.delete<IdParams>("/api/polls/:id", async (req, reply) => {
    await tribune.polls.remove(await actorOf(tribune, req), req.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams>("/api/polls/:id/open", async (req) =>
    tribune.polls.move(await actorOf(tribune, req), req.params.id, "open"),
  );
  app.post<IdParams>("/api/polls/:id/close", async (req) =>
    tribune.polls.move(await actorOf(tribune, req), req.params.id, "close"),
  );
  app.post<IdParams>("/api/polls/:id/reset", async (req) => tribune.polls.reset(await actorOf(tribune, req), req.params.id));
  app.post<IdParams>("/api/polls/:id/votes", async (req) => tribune.polls.vote(req.params.id, req.body));
  app.get<IdParams>("/api/polls/:id/results", async (req) => tribune.polls.results(await actorOf(tribune, req), req.params.id));
}

export function questionRoutes(app: FastifyInstance, tribune: Tribune): void {
  app.post<IdParams>("/api/questions/:id/upvote", async (req) => tribune.questions.upvote(req.params.id, req.body, true));
  app.delete<IdParams>("/api/questions/:id/upvote", async (req) => tribune.questions.upvote(req.params.id, req.body, false));
  app.post<IdParams>("/api/questions/:id/moderate", async (req) =>
    tribune.questions.moderate(await actorOf(tribune, req), req.params.id, req.body),
  );
}
