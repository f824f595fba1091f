// Pure rules of sessions: their moves, their public shape, what a scope of a room shows, and
// when the scheduler starts or ends one.
import type { Session, SessionStatus } from "../../shared/model.js";

/** A session as stored. */
export interface SessionRecord extends Session {
  createdAt: string;
  /** When its status last changed (null while it never did): the scheduler leaves later hand moves alone. */
  statusAt: string | null;
}

export type SessionMoveName = "start" | "end";

export const SESSION_MOVES: Record<SessionMoveName, { from: SessionStatus[]; to: SessionStatus }> = {
  start: { from: ["upcoming", "ended"], to: "live" },
  end: { from: ["live"], to: "ended" },
};

export function toSession(s: SessionRecord): Session {
  const { id, roomCode, title, speakers, startsAt, endsAt, status } = s;
  return { id, roomCode, title, speakers, startsAt, endsAt, status };
}

/** Which polls and questions a view shows: one session's (null: those of none), or all. */
export type Scope = { all: true } | { sessionId: string | null };

export const inScope = (item: { sessionId: string | null }, scope: Scope): boolean =>
  "all" in scope || item.sessionId === scope.sessionId;

/** True when `endsAt` is not before `startsAt` being set (either may be null). */
export const endsAfterStart = (s: { startsAt: string | null; endsAt: string | null }): boolean =>
  s.startsAt === null || s.endsAt === null || s.endsAt > s.startsAt;

/**
 * What the scheduler does to a session at `now`: start an upcoming one whose slot has begun and
 * not passed; end a live one whose end has come, unless it was (re)started by hand after its end.
 * A session a moderator started or ended by hand is no longer upcoming, so it is never auto-started.
 */
export function dueMove(s: SessionRecord, now: string): SessionMoveName | null {
  if (s.status === "upcoming" && s.startsAt !== null && s.startsAt <= now && (s.endsAt === null || now < s.endsAt)) {
    return "start";
  }
  if (s.status === "live" && s.endsAt !== null && s.endsAt <= now && (s.statusAt === null || s.statusAt < s.endsAt)) {
    return "end";
  }
  return null;
}
