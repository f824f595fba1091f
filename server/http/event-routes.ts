// /api/events and /api/session: the organizer's and moderators' entry points.
import type { FastifyInstance } from "fastify";
import { fail } from "../../shared/errors.js";
import type { Tribune } from "../service/tribune.js";
import { actorOf } from "./auth.js";

type IdParams = { Params: { id: string } };

export function eventRoutes(app: FastifyInstance, tribune: Tribune): void {
  app.post("/api/events", async (req, reply) => {
    const created = await tribune.events.create(await actorOf(tribune, req, "organizer"), req.body);
    return reply.code(201).send(created);
  });

  app.get<IdParams>("/api/events/:id", async (req) => tribune.events.get(await actorOf(tribune, req), req.params.id));

  app.patch<IdParams>("/api/events/:id", async (req) =>
    tribune.events.update(await actorOf(tribune, req), req.params.id, req.body),
  );

  app.post<IdParams>("/api/events/:id/rooms", async (req, reply) => {
    const room = await tribune.events.addRoom(await actorOf(tribune, req), req.params.id, req.body);
    return reply.code(201).send(room);
  });

  app.delete<IdParams>("/api/events/:id", async (req, reply) => {
    await tribune.events.remove(await actorOf(tribune, req, "organizer"), req.params.id);
    return reply.code(204).send();
  });

  /** Tells a console what its key opens: the organizer, or the moderators of one event. */
  app.get("/api/session", async (req) => {
    const actor = await actorOf(tribune, req);
    if (actor.role === "public") {
      throw fail(
        "unauthorized",
        "A moderator key or the admin token is required.",
        "Une clé de modération ou le jeton d'administration est requis.",
      );
    }
    return actor;
  });
}
