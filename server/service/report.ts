// A room's report ("compte rendu"): per session, who took part, the minute-by-minute timeline,
// every poll with its results and what the Q&A amounted to. Pure: built from the room's data and
// the activity recorded as the day went (service/activity-recorder.ts). Nothing in it names a
// participant: questions go through toPublicQuestion, results through publicResults.
import type { Leaderboard, Question, RoomReport, SessionReport } from "../../shared/model.js";
import { compareQuestions } from "../../shared/question-order.js";
import { isPublicStatus } from "../../shared/visibility.js";
import { buildResults, publicResults } from "../core/polls.js";
import { toPublicQuestion } from "../core/questions.js";
import { toSession } from "../core/sessions.js";
import type { RoomData, SessionActivity } from "../store/store.js";

/** Questions listed in a session's top. */
export const TOP_QUESTIONS = 10;

const EMPTY: SessionActivity = { sessionId: null, timeline: [], distinct: 0, reactions: {} };

/**
 * One entry per session of the room that has anything (programme order), and one for the items
 * of no session when there are any, first. `boards`: the quiz leaderboard of each session that
 * closed quizzes, by session id ("" for none).
 */
export function buildRoomReport(
  data: RoomData,
  activity: SessionActivity[],
  generatedAt: string,
  boards: Map<string, Leaderboard> = new Map(),
): RoomReport {
  const byId = byKnownSession(data, activity);
  const ids: (string | null)[] = [null, ...data.sessions.map((s) => s.id)];
  const sessions: SessionReport[] = [];
  for (const id of ids) {
    const record = id === null ? null : (data.sessions.find((s) => s.id === id) ?? null);
    const polls = data.polls.filter((p) => p.sessionId === id && p.status !== "draft");
    const questions = data.questions.filter((q) => q.sessionId === id);
    const recorded = byId.get(id ?? "") ?? { ...EMPTY, sessionId: id };
    const happened = polls.length > 0 || questions.length > 0 || recorded.timeline.length > 0 || recorded.distinct > 0;
    // A session of the programme is always listed; "no session" only when something happened in it.
    if (id === null && !happened) continue;
    sessions.push({
      session: record ? toSession(record) : null,
      participants: {
        peak: recorded.timeline.reduce((peak, p) => Math.max(peak, p.participants), 0),
        distinct: recorded.distinct,
      },
      timeline: recorded.timeline,
      polls: polls.map((poll) => {
        const tally = data.tallies[poll.id] ?? { tally: {}, voters: 0, seq: 0 };
        return { ...poll, results: publicResults(buildResults(poll, tally)) };
      }),
      questions: questionFigures(questions),
      reactions: recorded.reactions,
      leaderboard: boards.get(id ?? "") ?? null,
    });
  }
  const { code, name, eventTitle } = data.room;
  return { room: { code, name, eventTitle }, generatedAt, sessions };
}

/**
 * Activity by session id ("" for none). A deleted session's items went to "no session", so its
 * activity joins that entry too, minute by minute.
 */
function byKnownSession(data: RoomData, activity: SessionActivity[]): Map<string, SessionActivity> {
  const known = new Set(data.sessions.map((s) => s.id));
  const byId = new Map<string, SessionActivity>();
  for (const a of activity) {
    const id = a.sessionId !== null && known.has(a.sessionId) ? a.sessionId : "";
    const into = byId.get(id);
    byId.set(id, into ? mergeActivity(into, a) : { ...a, sessionId: id === "" ? null : id });
  }
  return byId;
}

function mergeActivity(a: SessionActivity, b: SessionActivity): SessionActivity {
  const minutes = new Map(a.timeline.map((p) => [p.at, { ...p }]));
  for (const p of b.timeline) {
    const m = minutes.get(p.at);
    if (!m) minutes.set(p.at, { ...p });
    else {
      m.participants = Math.max(m.participants, p.participants);
      m.votes += p.votes;
      m.questions += p.questions;
      m.reactions += p.reactions;
    }
  }
  const reactions = { ...a.reactions };
  for (const [emoji, n] of Object.entries(b.reactions)) reactions[emoji] = (reactions[emoji] ?? 0) + n;
  return {
    sessionId: a.sessionId,
    timeline: [...minutes.values()].sort((x, y) => x.at.localeCompare(y.at)),
    distinct: a.distinct + b.distinct,
    reactions,
  };
}

function questionFigures(questions: Question[]): SessionReport["questions"] {
  const count = (status: Question["status"]) => questions.filter((q) => q.status === status).length;
  const top = questions
    .filter((q) => isPublicStatus(q.status))
    .map(toPublicQuestion)
    .sort(compareQuestions)
    .slice(0, TOP_QUESTIONS);
  return { asked: questions.length, answered: count("answered"), merged: count("merged"), top };
}
