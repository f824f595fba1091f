// The quiz's own rules: its settings, the points of a ballot in time, nicknames and the ranking.
import { describe, expect, it } from "vitest";
import { ballotPoints, foldNickname, scoreQuizzes, suggestNickname, topEntries } from "../../server/core/quiz.js";
import type { Poll } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { quizPoints } from "../../shared/poll-kinds/quiz.js";
import { refusal } from "../helpers/refusal.js";

const timed = POLL_KINDS.quiz.timed!;
const four = ["A", "B", "C", "D"];

const quizPoll = (id: string, correct: number[], timeLimit = 30, openedAt = "2026-06-28T09:00:00.000Z"): Poll => ({
  id,
  roomCode: "ABCDEF",
  title: id,
  kind: "quiz",
  options: four,
  status: "closed",
  resultsVisible: true,
  createdAt: openedAt,
  sessionId: null,
  correct,
  timeLimit,
  openedAt,
  closesAt: new Date(Date.parse(openedAt) + timeLimit * 1000).toISOString(),
});

describe("quiz settings", () => {
  it("needs its right answers, each an option of the quiz, and a time limit of 5 to 300 s (30 by default)", () => {
    expect(timed.settings(four, [2, 0], undefined)).toEqual({ correct: [0, 2], timeLimit: 30 });
    expect(timed.settings(four, [1], 5)).toEqual({ correct: [1], timeLimit: 5 });
    for (const [correct, limit] of [
      [undefined, 30],
      [[], 30],
      [[4], 30],
      [[-1], 30],
      [[1, 1], 30],
      [[1], 4],
      [[1], 301],
      [[1], 10.5],
    ] as [number[] | undefined, number][]) {
      const error = refusal(() => timed.settings(four, correct, limit));
      expect(error.code).toBe("invalid");
      expect(error.text.fr).not.toBe(error.text.en);
    }
  });

  it("takes 2 to 6 options and hides its results while it runs", () => {
    expect(POLL_KINDS.quiz.options).toEqual({ min: 2, max: 6 });
    expect(POLL_KINDS.quiz.resultsVisible).toBe(false);
  });
});

describe("quiz points", () => {
  it("gives 1000 at t = 0, 750 at half the time, 500 at the time limit, and 0 when wrong", () => {
    expect(quizPoints([1], 30, [1], 0)).toBe(1000);
    expect(quizPoints([1], 30, [1], 15)).toBe(750);
    expect(quizPoints([1], 30, [1], 30)).toBe(500);
    expect(quizPoints([1], 30, [2], 0)).toBe(0);
    // round(1000 × (1 − 7 / 20)) = 650; any of several right answers scores.
    expect(quizPoints([0, 1], 10, [0], 7)).toBe(650);
    expect(quizPoints([1], 7, [1], 1)).toBe(Math.round(1000 * (1 - 1 / 14)));
  });

  it("counts from the poll's opening to the ballot's stored time", () => {
    const poll = quizPoll("q", [1], 20);
    expect(ballotPoints(poll, { choice: [1], at: "2026-06-28T09:00:05.000Z" })).toBe(875);
    expect(ballotPoints(poll, { choice: [0], at: "2026-06-28T09:00:05.000Z" })).toBe(0);
  });
});

describe("nicknames", () => {
  it("compare case and accents ignored", () => {
    expect(foldNickname("  Élodie ")).toBe(foldNickname("ELODIE"));
    expect(foldNickname("Zoé  Martin")).toBe("zoe martin");
    expect(foldNickname("Ada")).not.toBe(foldNickname("Adam"));
  });

  it("suggest a free one, within 24 characters", () => {
    expect(suggestNickname("Ada", new Set(["ada"]))).toBe("Ada 2");
    expect(suggestNickname("Ada", new Set(["ada", "ada 2", "ada 3"]))).toBe("Ada 4");
    const long = "x".repeat(24);
    const suggestion = suggestNickname(long, new Set([long]));
    expect([...suggestion].length).toBeLessThanOrEqual(24);
    expect(suggestion.endsWith(" 2")).toBe(true);
  });
});

describe("the ranking", () => {
  const q1 = quizPoll("q1", [0]);
  const q2 = quizPoll("q2", [1]);
  const at = (s: number) => new Date(Date.parse("2026-06-28T09:00:00.000Z") + s * 1000).toISOString();

  it("adds each participant's points over the quizzes; ties share a rank; no nickname, no rank", () => {
    const { standings, points } = scoreQuizzes(
      [q1, q2],
      {
        q1: [
          { participantId: "ann", choice: [0], at: at(0) }, // 1000
          { participantId: "bob", choice: [0], at: at(15) }, // 750
          { participantId: "cat", choice: [0], at: at(15) }, // 750
          { participantId: "dan", choice: [2], at: at(1) }, // 0
          { participantId: "eve", choice: [0], at: at(0) }, // 1000, no nickname
        ],
        q2: [
          { participantId: "bob", choice: [1], at: at(30) }, // 500
          { participantId: "cat", choice: [1], at: at(30) }, // 500
        ],
      },
      { ann: "Ann", bob: "Bob", cat: "Cat", dan: "Dan" },
    );
    expect(standings.map((s) => [s.nickname, s.score, s.rank])).toEqual([
      ["Bob", 1250, 1],
      ["Cat", 1250, 1],
      ["Ann", 1000, 3],
      ["Dan", 0, 4],
    ]);
    expect(points.get("eve")).toEqual({ q1: 1000 });
    expect(points.get("bob")).toEqual({ q1: 750, q2: 500 });
    expect(topEntries(standings)[0]).toEqual({ rank: 1, nickname: "Bob", score: 1250 });
  });

  it("lists the 10 best", () => {
    const ballots = Array.from({ length: 12 }, (_, i) => ({ participantId: `p${i}`, choice: [0], at: at(i) }));
    const names = Object.fromEntries(ballots.map((b) => [b.participantId, `Player ${b.participantId}`]));
    const { standings } = scoreQuizzes([q1], { q1: ballots }, names);
    expect(standings).toHaveLength(12);
    expect(topEntries(standings)).toHaveLength(10);
    expect(topEntries(standings)[0]?.score).toBe(1000);
  });
});
