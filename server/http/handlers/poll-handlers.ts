// /api/polls/:id: a moderator's poll actions, votes and results.
import type { HttpHandlers } from "./http-call.js";

export const POLL_HANDLERS = {
  "PATCH /api/polls/:id": async (c) => c.tribune.polls.update(await c.actor(), c.params.id, c.body),
  "DELETE /api/polls/:id": async (c) => {
    await c.tribune.polls.remove(await c.actor(), c.params.id, c.body);
    return null;
  },
  "POST /api/polls/:id/open": async (c) => c.tribune.polls.move(await c.actor(), c.params.id, "open", c.body),
  "POST /api/polls/:id/close": async (c) => c.tribune.polls.move(await c.actor(), c.params.id, "close", c.body),
  "POST /api/polls/:id/reset": async (c) => c.tribune.polls.reset(await c.actor(), c.params.id, c.body),
  "POST /api/polls/:id/votes": async (c) => c.tribune.polls.vote(c.params.id, c.body, undefined, c.caller),
  "POST /api/polls/:id/answers/:answerId/hide": async (c) =>
    c.tribune.polls.setAnswerHidden(await c.actor(), c.params.id, c.params.answerId, true, c.body),
  "POST /api/polls/:id/answers/:answerId/show": async (c) =>
    c.tribune.polls.setAnswerHidden(await c.actor(), c.params.id, c.params.answerId, false, c.body),
  "GET /api/polls/:id/results": async (c) => c.tribune.polls.results(await c.actor(), c.params.id),
} satisfies Partial<HttpHandlers>;
