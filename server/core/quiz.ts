// Pure rules of quizzes: when one closes, the points of its ballots, nicknames and the ranking.
import { LIMITS } from "../../shared/limits.js";
import type { Choice, LeaderboardEntry, Poll } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { fold } from "./text-fold.js";

/** A stored ballot of a timed poll: who, what, and when the server stored it (ISO). */
export interface TimedBallotRecord {
  participantId: string;
  choice: Choice;
  at: string;
}

/** True for a kind whose ballots are final and timed (quiz). */
export const isTimed = (poll: Pick<Poll, "kind">): boolean => POLL_KINDS[poll.kind].timed !== undefined;

/** When a timed poll opened at `openedAt` closes by itself. */
export const closesAt = (openedAt: Date, timeLimit: number): string =>
  new Date(openedAt.getTime() + timeLimit * 1000).toISOString();

/** Seconds from the poll's opening to a ballot's time. */
export const secondsSince = (openedAt: string, at: string): number => (Date.parse(at) - Date.parse(openedAt)) / 1000;

/** The points of one stored ballot of a timed poll. */
export function ballotPoints(poll: Poll, ballot: Pick<TimedBallotRecord, "choice" | "at">): number {
  const rules = POLL_KINDS[poll.kind].timed;
  if (!rules || !poll.openedAt || !ballot.at) return 0;
  return rules.points(poll, ballot.choice, secondsSince(poll.openedAt, ballot.at));
}

/** Nicknames compare case and accents ignored, inner spaces as one. */
export const foldNickname = (nickname: string): string => fold(nickname.trim()).replace(/\s+/g, " ");

/** A free nickname close to a taken one: "Ada" → "Ada 2", "Ada 3"…, within the length limit. */
export function suggestNickname(nickname: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const base = [...nickname.trim()].slice(0, LIMITS.nickname - suffix.length).join("");
    const candidate = `${base}${suffix}`;
    if (!taken.has(foldNickname(candidate))) return candidate;
  }
}

export interface Standing {
  participantId: string;
  nickname: string;
  score: number;
  rank: number;
}

export interface QuizScores {
  /** Every ranked participant, best first; ties share a rank (1, 1, 3). */
  standings: Standing[];
  /** Points per closed quiz of each participant who answered it, nicknamed or not. */
  points: Map<string, Record<string, number>>;
}

/**
 * Totals over closed timed polls, ranked: participants with a nickname who answered at least
 * one of them. Equal totals share a rank; among them, nicknames in alphabetical order.
 */
export function scoreQuizzes(
  polls: Poll[],
  ballots: Record<string, TimedBallotRecord[]>,
  nicknames: Record<string, string>,
): QuizScores {
  const points = new Map<string, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const poll of polls) {
    for (const ballot of ballots[poll.id] ?? []) {
      const p = ballotPoints(poll, ballot);
      const mine = points.get(ballot.participantId) ?? {};
      mine[poll.id] = p;
      points.set(ballot.participantId, mine);
      totals.set(ballot.participantId, (totals.get(ballot.participantId) ?? 0) + p);
    }
  }
  const ranked = [...totals]
    .filter(([participantId]) => nicknames[participantId] !== undefined)
    .map(([participantId, score]) => ({ participantId, nickname: nicknames[participantId] ?? "", score }))
    .sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname));
  const standings: Standing[] = [];
  ranked.forEach((entry, i) => {
    const previous = standings[i - 1];
    const rank = previous && previous.score === entry.score ? previous.rank : i + 1;
    standings.push({ ...entry, rank });
  });
  return { standings, points };
}

/** The leaderboard's entries: the best `LIMITS.leaderboard` standings, without participant ids. */
export const topEntries = (standings: Standing[]): LeaderboardEntry[] =>
  standings.slice(0, LIMITS.leaderboard).map(({ rank, nickname, score }) => ({ rank, nickname, score }));
