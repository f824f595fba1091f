// /api/questions/:id: upvotes (participants), moderation and bans (moderators).
import type { HttpHandlers } from "./http-call.js";

export const QUESTION_HANDLERS = {
  "POST /api/questions/:id/upvote": async (c) => c.tribune.questions.upvote(c.params.id, c.body, true, undefined, c.caller),
  "DELETE /api/questions/:id/upvote": async (c) => c.tribune.questions.upvote(c.params.id, c.body, false, undefined, c.caller),
  "POST /api/questions/:id/moderate": async (c) => c.tribune.questions.moderate(await c.actor(), c.params.id, c.body),
  "POST /api/questions/:id/reply": async (c) => c.tribune.questions.reply(await c.actor(), c.params.id, c.body),
  "PATCH /api/questions/:id": async (c) => c.tribune.questions.setLabels(await c.actor(), c.params.id, c.body),
  "POST /api/questions/:id/ban": async (c) => c.tribune.questions.ban(await c.actor(), c.params.id, true, c.body),
  "DELETE /api/questions/:id/ban": async (c) => c.tribune.questions.ban(await c.actor(), c.params.id, false, c.body),
} satisfies Partial<HttpHandlers>;
