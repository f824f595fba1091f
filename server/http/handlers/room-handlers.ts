// /api/rooms/:code: public state, settings, moderation view, polls, questions, exports, audit.
import { exportCsv, exportJson } from "./export-files.js";
import { type HttpHandlers, Serialised } from "./http-call.js";

export const ROOM_HANDLERS = {
  "GET /api/rooms/:code": async (c) => new Serialised(await c.tribune.publicStateJson(c.params.code)),
  "PATCH /api/rooms/:code": async (c) => c.tribune.events.updateRoom(await c.actor(), c.params.code, c.body),
  "GET /api/rooms/:code/moderation": async (c) => {
    const { session } = c.reply.request.query as { session?: unknown };
    return c.tribune.events.moderation(await c.actor(), c.params.code, typeof session === "string" ? session : undefined);
  },
  "POST /api/rooms/:code/polls": async (c) => c.tribune.polls.create(await c.actor(), c.params.code, c.body),
  "POST /api/rooms/:code/questions": async (c) => {
    const { question, created } = await c.tribune.questions.ask(c.params.code, c.body, c.caller);
    if (!created) c.reply.code(200); // a retried ask answers the original question
    return question;
  },
  "GET /api/rooms/:code/similar": async (c) => c.tribune.questions.similar(c.params.code, c.query),
  "POST /api/rooms/:code/reactions": async (c) => {
    await c.tribune.reactions.react(c.params.code, c.body);
    return { ok: true } as const;
  },
  "POST /api/rooms/:code/nickname": async (c) => c.tribune.quiz.nickname(c.params.code, c.body, false, c.caller),
  "GET /api/rooms/:code/leaderboard": async (c) => c.tribune.quiz.leaderboard(c.params.code),
  "GET /api/rooms/:code/export.json": async (c) => exportJson(c.reply, await c.tribune.export(await c.actor(), c.params.code)),
  "GET /api/rooms/:code/export.csv": async (c) => exportCsv(c.reply, await c.tribune.export(await c.actor(), c.params.code)),
  "GET /api/rooms/:code/report": async (c) => c.tribune.reports.room(await c.actor(), c.params.code),
  "GET /api/rooms/:code/audit": async (c) => c.tribune.events.audit(await c.actor(), c.params.code),
} satisfies Partial<HttpHandlers>;
