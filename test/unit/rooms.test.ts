import { describe, expect, it } from "vitest";
import type { QuestionRecord } from "../../server/core/questions.js";
import { newId, newRoomCode, type RoomSnapshot, resultsFor, viewRoom } from "../../server/core/rooms.js";
import { CODE_ALPHABET, CODE_LENGTH, normalizeCode, ROOM_CODE } from "../../shared/limits.js";
import type { Me, Poll, PublicRoomInfo, Results } from "../../shared/model.js";

describe("room codes and ids", () => {
  it("use an alphabet without look-alikes", () => {
    expect(CODE_LENGTH).toBe(6);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    for (const lookAlike of ["I", "L", "O", "0", "1"]) expect(CODE_ALPHABET).not.toContain(lookAlike);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
  });

  it("new codes are 6 characters of the alphabet, and vary", () => {
    const codes = Array.from({ length: 2000 }, newRoomCode);
    for (const code of codes) expect(code).toMatch(ROOM_CODE);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    // Every letter of the alphabet shows up: the draw covers the whole alphabet.
    expect(new Set(codes.join(""))).toEqual(new Set(CODE_ALPHABET));
  });

  it("ROOM_CODE accepts exactly the alphabet, case-sensitively after normalizing", () => {
    expect(ROOM_CODE.test("ABC234")).toBe(true);
    for (const bad of ["ABC23", "ABC2345", "ABCI23", "ABC0L1", "abc234", "ABC 23"]) expect(ROOM_CODE.test(bad)).toBe(false);
    expect(ROOM_CODE.test(normalizeCode("  abc234 "))).toBe(true);
  });

  it("new ids are opaque url-safe strings, all different", () => {
    const ids = Array.from({ length: 1000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(1000);
  });
});

const room: PublicRoomInfo = {
  code: "ABCDEF",
  joinUrl: "http://localhost:3000/ABCDEF",
  name: "Plenary",
  eventTitle: "Congress",
  premoderation: true,
  qaOpen: true,
  screen: { mode: "auto" },
  session: null,
};
const base = {
  sessionId: null,
  roomCode: "ABCDEF",
  options: ["Yes", "No"],
  kind: "single" as const,
  createdAt: "2026-06-28T09:00:00.000Z",
};
const polls: Poll[] = [
  { ...base, id: "draft", title: "D", status: "draft", resultsVisible: true },
  { ...base, id: "open", title: "O", status: "open", resultsVisible: true },
  { ...base, id: "hidden", title: "H", status: "closed", resultsVisible: false },
  { ...base, id: "fresh", title: "F", status: "open", resultsVisible: true },
];
const results: Record<string, Results> = {
  draft: { pollId: "draft", voters: 0, counts: [0, 0], seq: 0 },
  open: { pollId: "open", voters: 3, counts: [2, 1], seq: 5 },
  hidden: { pollId: "hidden", voters: 4, counts: [4, 0], seq: 8 },
};
const q = (id: string, status: QuestionRecord["status"], upvotes: number, createdAt: string): QuestionRecord => ({
  sessionId: null,
  reply: null,
  repliedAt: null,
  labels: [],
  id,
  roomCode: "ABCDEF",
  text: `text ${id}`,
  author: "",
  status,
  upvotes,
  highlighted: false,
  createdAt,
  participantId: `secret-participant-${id}`,
  clientId: `client-${id}`,
});
const questions = [
  q("pending", "pending", 9, "2026-06-28T09:00:00.000Z"),
  q("live-old", "live", 2, "2026-06-28T09:01:00.000Z"),
  q("rejected", "rejected", 9, "2026-06-28T09:02:00.000Z"),
  q("answered", "answered", 5, "2026-06-28T09:03:00.000Z"),
  q("archived", "archived", 9, "2026-06-28T09:04:00.000Z"),
  q("live-new", "live", 2, "2026-06-28T09:05:00.000Z"),
];
const snap: RoomSnapshot = { room, polls, results, questions };

describe("viewRoom", () => {
  it("the public sees no drafts, and no results of polls whose results are hidden", () => {
    const state = viewRoom(snap, "public", 12);
    expect(state.room).toEqual(room);
    expect(state.participants).toBe(12);
    expect(state.polls.map((p) => p.id)).toEqual(["open", "hidden", "fresh"]);
    expect(state.polls[0]!.results).toEqual(results.open);
    expect(state.polls[1]!.results).toBeUndefined();
    expect(state.polls[2]!.results).toBeUndefined();
    expect(JSON.stringify(state)).not.toContain('"counts":[4,0]');
  });

  it("the public sees live and answered questions only, most upvoted then oldest first", () => {
    const state = viewRoom(snap, "public", 0);
    expect(state.questions.map((x) => x.id)).toEqual(["answered", "live-old", "live-new"]);
  });

  it("moderators see every poll with its results and every question, sorted", () => {
    const state = viewRoom(snap, "moderator", 0);
    expect(state.polls.map((p) => p.id)).toEqual(["draft", "open", "hidden", "fresh"]);
    expect(state.polls[2]!.results).toEqual(results.hidden);
    expect(state.questions.map((x) => x.id)).toEqual(["pending", "rejected", "archived", "answered", "live-old", "live-new"]);
  });

  it("never lets a participant id or client id out, whoever looks", () => {
    for (const audience of ["public", "moderator"] as const) {
      const json = JSON.stringify(viewRoom(snap, audience, 0));
      expect(json).not.toContain("secret-participant");
      expect(json).not.toContain("client-");
      expect(json).not.toContain("participantId");
    }
  });

  it("carries `me` only when given, and does not reorder or alter its input", () => {
    const before = JSON.stringify(snap);
    expect(viewRoom(snap, "public", 0)).not.toHaveProperty("me");
    const me: Me = { ballots: { open: [1] }, upvoted: ["live-old"], questions: [] };
    expect(viewRoom(snap, "public", 0, me).me).toEqual(me);
    expect(JSON.stringify(snap)).toBe(before);
  });
});

describe("resultsFor", () => {
  it("hides counts from the public only while results are hidden", () => {
    const full = results.hidden!;
    expect(resultsFor({ resultsVisible: false }, full, "public")).toEqual({ pollId: "hidden", voters: 4, seq: 8 });
    expect(resultsFor({ resultsVisible: false }, full, "moderator")).toEqual(full);
    expect(resultsFor({ resultsVisible: true }, full, "public")).toEqual(full);
  });
});
