// A room's keys and its backstage messages to the speaker.
import type { HttpHandlers } from "./http-call.js";

export const BACKSTAGE_HANDLERS = {
  "POST /api/rooms/:code/keys": async (c) => c.tribune.backstage.createKey(await c.actor(), c.params.code, c.body),
  "GET /api/rooms/:code/keys": async (c) => c.tribune.backstage.listKeys(await c.actor(), c.params.code),
  "DELETE /api/keys/:id": async (c) => {
    await c.tribune.backstage.revokeKey(await c.actor(), c.params.id, c.body);
    return null;
  },
  "POST /api/rooms/:code/messages": async (c) => c.tribune.backstage.message(await c.actor(), c.params.code, c.body),
} satisfies Partial<HttpHandlers>;
