// /api/rooms/:code/sessions and /api/sessions/:id: a room's programme, for moderators.
import { exportCsv, exportJson } from "./export-files.js";
import type { HttpHandlers } from "./http-call.js";

export const SESSION_HANDLERS = {
  "POST /api/rooms/:code/sessions": async (c) => c.tribune.sessions.create(await c.actor(), c.params.code, c.body),
  "PATCH /api/sessions/:id": async (c) => c.tribune.sessions.update(await c.actor(), c.params.id, c.body),
  "DELETE /api/sessions/:id": async (c) => {
    await c.tribune.sessions.remove(await c.actor(), c.params.id, c.body);
    return null;
  },
  "POST /api/sessions/:id/start": async (c) => c.tribune.sessions.move(await c.actor(), c.params.id, "start", c.body),
  "POST /api/sessions/:id/end": async (c) => c.tribune.sessions.move(await c.actor(), c.params.id, "end", c.body),
  "GET /api/sessions/:id/export.json": async (c) =>
    exportJson(c.reply, await c.tribune.sessions.export(await c.actor(), c.params.id), c.params.id),
  "GET /api/sessions/:id/export.csv": async (c) =>
    exportCsv(c.reply, await c.tribune.sessions.export(await c.actor(), c.params.id), c.params.id),
} satisfies Partial<HttpHandlers>;
