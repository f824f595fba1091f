// A room's polls, results and questions for the organizer's records, without participant ids.
import type { RoomExport, SessionReport } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { compareQuestions } from "../../shared/question-order.js";
import { toPublicQuestion } from "../core/questions.js";
import type { Scope } from "../core/sessions.js";
import type { RoomData } from "../store/store.js";
import type { Deps } from "./deps.js";
import { snapshot } from "./views.js";

/**
 * The room's records, or one session's (`scope`): its polls and questions, the audit entries
 * about them or about the session itself, and the report's entries of the same sessions.
 */
export async function exportRoom(
  deps: Deps,
  data: RoomData,
  report: SessionReport[],
  scope: Scope = { all: true },
): Promise<RoomExport> {
  const snap = snapshot(deps, data, scope);
  const audit = await deps.store.auditLog(data.room.code);
  const about =
    "all" in scope ? null : new Set([scope.sessionId, ...snap.polls.map((p) => p.id), ...snap.questions.map((q) => q.id)]);
  return {
    exportedAt: deps.now().toISOString(),
    room: snap.room,
    polls: snap.polls.map((poll) => ({ ...poll, results: snap.results[poll.id] ?? null })),
    questions: snap.questions.map(toPublicQuestion).sort(compareQuestions),
    audit: about ? audit.filter((e) => about.has(e.targetId)) : audit,
    report: "all" in scope ? report : report.filter((r) => (r.session?.id ?? null) === scope.sessionId),
  };
}

const HEADER = [
  "type",
  "id",
  "status",
  "title_or_text",
  "author",
  "option_or_answer",
  "count",
  "voters_or_upvotes",
  "created_at",
  "session_id",
];

/**
 * One CSV table, one line per poll answer (its kind's export rows: option, value or word), per question and per audit entry
 * (type "audit": id is the target, status the action, author who did it, created_at when).
 */
export function toCsv(data: RoomExport): string {
  const rows: (string | number)[][] = [HEADER];
  for (const poll of data.polls) {
    const r = poll.results;
    const voters = r?.voters ?? 0;
    const answers = POLL_KINDS[poll.kind].csvRows(poll, r);
    const session = poll.sessionId ?? "";
    if (answers.length === 0) rows.push(["poll", poll.id, poll.status, poll.title, "", "", "", voters, poll.createdAt, session]);
    for (const [label, count] of answers)
      rows.push(["poll", poll.id, poll.status, poll.title, "", label, count, voters, poll.createdAt, session]);
  }
  for (const q of data.questions)
    rows.push(["question", q.id, q.status, q.text, q.author, "", "", q.upvotes, q.createdAt, q.sessionId ?? ""]);
  for (const e of data.audit) rows.push(["audit", e.targetId, e.action, "", e.actor, "", "", "", e.at, ""]);
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Quotes every cell, and defuses cells a spreadsheet would run as a formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}
