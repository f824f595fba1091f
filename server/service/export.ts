// A room's polls, results and questions for the organizer's records, without participant ids.
import type { RoomExport } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { compareQuestions } from "../../shared/question-order.js";
import { toPublicQuestion } from "../core/questions.js";
import type { RoomData } from "../store/store.js";
import type { Deps } from "./deps.js";
import { snapshot } from "./views.js";

export async function exportRoom(deps: Deps, data: RoomData): Promise<RoomExport> {
  const snap = snapshot(deps, data);
  return {
    exportedAt: deps.now().toISOString(),
    room: snap.room,
    polls: data.polls.map((poll) => ({ ...poll, results: snap.results[poll.id] ?? null })),
    questions: data.questions.map(toPublicQuestion).sort(compareQuestions),
    audit: await deps.store.auditLog(data.room.code),
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
