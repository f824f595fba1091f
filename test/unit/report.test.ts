// The report built from a room's data and its recorded activity (server/service/report.ts): one
// entry per session, "no session" only when something happened outside sessions, a deleted
// session's activity folded into "no session", drafts left out, the top questions public only.
import { describe, expect, it } from "vitest";
import type { QuestionRecord } from "../../server/core/questions.js";
import { buildRoomReport, TOP_QUESTIONS } from "../../server/service/report.js";
import type { RoomData, SessionActivity } from "../../server/store/store.js";
import type { Poll, QuestionStatus } from "../../shared/model.js";

const AT = "2026-06-28T09:00:00.000Z";
const room: RoomData["room"] = {
  id: "room-1",
  eventId: "event-1",
  code: "ABCDEF",
  name: "Hall",
  eventTitle: "Congress",
  premoderation: false,
  qaOpen: true,
  screen: { mode: "auto" },
  createdAt: AT,
  sessionId: "s1",
};
const session = { id: "s1", roomCode: "ABCDEF", title: "Keynote", speakers: [], startsAt: null, endsAt: null };

function poll(id: string, status: Poll["status"], sessionId: string | null): Poll {
  return {
    id,
    roomCode: "ABCDEF",
    sessionId,
    title: id,
    kind: "single",
    options: ["A", "B"],
    status,
    resultsVisible: false,
    createdAt: AT,
  };
}

function question(i: number, status: QuestionStatus, upvotes: number, sessionId: string | null): QuestionRecord {
  const base = { id: `q${i}`, roomCode: "ABCDEF", text: `Q${i}`, author: "", status, upvotes, highlighted: false, createdAt: AT };
  return { ...base, sessionId, reply: null, repliedAt: null, labels: [], participantId: `participant-${i}`, clientId: `c${i}` };
}

const minute = (at: string, participants: number, votes: number) => ({ at, participants, votes, questions: 0, reactions: 0 });

describe("buildRoomReport", () => {
  it("lists sessions, folds a deleted session's activity into no session, and shows no participant id", () => {
    const data: RoomData = {
      room,
      polls: [poll("draft", "draft", "s1"), poll("open", "closed", "s1"), poll("before", "closed", null)],
      tallies: { open: { tally: { "0": 2, "1": 1 }, voters: 3, seq: 3 } },
      questions: [
        ...Array.from({ length: 12 }, (_, i) => question(i, "live", i, "s1")),
        question(20, "pending", 99, "s1"),
        question(21, "merged", 50, "s1"),
        question(22, "answered", 1, null),
      ],
      sessions: [{ ...session, status: "live", createdAt: AT, statusAt: AT }],
    };
    const activity: SessionActivity[] = [
      { sessionId: "s1", timeline: [minute(AT, 5, 3)], distinct: 4, reactions: { "👏": 2 } },
      { sessionId: null, timeline: [minute(AT, 2, 1)], distinct: 2, reactions: {} },
      {
        sessionId: "deleted",
        timeline: [minute(AT, 3, 1), minute("2026-06-28T09:05:00.000Z", 1, 0)],
        distinct: 1,
        reactions: { "🎉": 1 },
      },
    ];
    const report = buildRoomReport(data, activity, AT);
    expect(report.room).toEqual({ code: "ABCDEF", name: "Hall", eventTitle: "Congress" });
    const [none, keynote] = report.sessions;
    expect(none?.session).toBeNull();
    expect(none?.participants).toEqual({ peak: 3, distinct: 3 });
    expect(none?.timeline).toEqual([minute(AT, 3, 2), minute("2026-06-28T09:05:00.000Z", 1, 0)]);
    expect(none?.reactions).toEqual({ "🎉": 1 });
    expect(none?.polls.map((p) => p.id)).toEqual(["before"]);
    expect(none?.questions).toMatchObject({ asked: 1, answered: 1, merged: 0 });
    expect(keynote?.session?.title).toBe("Keynote");
    expect(keynote?.participants).toEqual({ peak: 5, distinct: 4 });
    // Drafts are left out; results are given whatever resultsVisible says (an empty tally too).
    expect(keynote?.polls.map((p) => [p.id, p.results.counts])).toEqual([["open", [2, 1]]]);
    expect(keynote?.questions.asked).toBe(14);
    expect(keynote?.questions.merged).toBe(1);
    expect(keynote?.questions.top).toHaveLength(TOP_QUESTIONS);
    expect(keynote?.questions.top.map((q) => q.upvotes)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(JSON.stringify(report)).not.toMatch(/participant-|participantId|clientId/);
  });

  it("lists every session of the programme, and no entry for no session when nothing happened outside one", () => {
    const data: RoomData = {
      room,
      polls: [],
      tallies: {},
      questions: [],
      sessions: [{ ...session, status: "upcoming", createdAt: AT, statusAt: null }],
    };
    const report = buildRoomReport(data, [], AT);
    expect(report.sessions).toEqual([
      {
        session: { ...session, status: "upcoming" },
        participants: { peak: 0, distinct: 0 },
        timeline: [],
        polls: [],
        questions: { asked: 0, answered: 0, merged: 0, top: [] },
        reactions: {},
        leaderboard: null,
      },
    ]);
  });

  it("gives each session the quiz leaderboard computed for it, and none to the others", () => {
    const data: RoomData = {
      room,
      polls: [],
      tallies: {},
      questions: [],
      sessions: [
        { ...session, status: "ended", createdAt: AT, statusAt: AT },
        { ...session, id: "s2", title: "Closing", status: "upcoming", createdAt: AT, statusAt: null },
      ],
    };
    const board = { entries: [{ rank: 1, nickname: "Ann", score: 900 }], players: 1 };
    const report = buildRoomReport(data, [], AT, new Map([["s1", board]]));
    expect(report.sessions.map((s) => [s.session?.id, s.leaderboard])).toEqual([
      ["s1", board],
      ["s2", null],
    ]);
  });
});
