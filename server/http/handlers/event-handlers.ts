// /api/events and /api/session: the organizer's and moderators' entry points; health checks.
import { requireMetricsAccess } from "../../metrics/routes.js";
import type { HttpHandlers } from "./http-call.js";

export const EVENT_HANDLERS = {
  "GET /healthz": async () => ({ status: "ok" }),
  "GET /metrics": async (c) => {
    requireMetricsAccess(c.reply.request, c.metricsToken);
    c.reply.type(c.metrics.contentType);
    return c.metrics.text();
  },
  "GET /readyz": async (c) => {
    const readiness = c.readiness();
    c.reply.code(readiness.status === "ready" ? 200 : 503);
    return readiness;
  },
  /** An endpoint rather than values written into the HTML: the pages stay static, precompressed files under the strict CSP. */
  "GET /api/site": async (c) => {
    c.reply.header("cache-control", "no-cache");
    return c.site;
  },
  /** Tells a console what its key opens: the organizer, the moderators of one event, or one room (a room key). */
  "GET /api/session": async (c) => {
    const actor = await c.actor();
    if (actor.role === "speaker") return { role: "speaker", eventId: actor.eventId, roomCode: actor.room.code };
    if (actor.role !== "moderator") return { role: "organizer" };
    return actor.room
      ? { role: "moderator", eventId: actor.eventId, roomCode: actor.room.code }
      : { role: "moderator", eventId: actor.eventId };
  },
  "POST /api/events": async (c) => c.tribune.events.create(await c.actor(), c.body),
  "GET /api/events/:id": async (c) => c.tribune.events.get(await c.actor(), c.params.id),
  "PATCH /api/events/:id": async (c) => c.tribune.events.update(await c.actor(), c.params.id, c.body),
  "GET /api/events/:id/report": async (c) => c.tribune.reports.event(await c.actor(), c.params.id),
  "DELETE /api/events/:id": async (c) => {
    await c.tribune.events.remove(await c.actor(), c.params.id);
    return null;
  },
  "POST /api/events/:id/rooms": async (c) => c.tribune.events.addRoom(await c.actor(), c.params.id, c.body),
  "POST /api/events/:id/programme": async (c) => c.tribune.programmeImport.import(await c.actor(), c.params.id, c.body),
  "GET /api/programme/:code": async (c) => c.tribune.events.programme(c.params.code),
  "POST /api/events/:id/moderator-key": async (c) => c.tribune.events.rotateKey(await c.actor(), c.params.id),
} satisfies Partial<HttpHandlers>;
