// How long an event keeps what identifies its participants. Pure: the caller gives the time.
// Past its retention an event keeps only aggregates: tallies and voter counts, upvote counts,
// questions' text, author and status, the audit log. Participant ids, ballots' owners, upvoters,
// client ids and bans are erased (see docs/security.md).

import { LIMITS } from "../../shared/limits.js";

export const RETENTION = {
  /** Days, when the organizer does not say. */
  defaultDays: 30,
  minDays: LIMITS.minRetentionDays,
  maxDays: LIMITS.maxRetentionDays,
  /** How often each node looks for events past their retention (and once at start). */
  sweepEveryMs: 60 * 60 * 1000,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment an event created at `createdAt` (ISO) stops holding participant ids, as ISO. */
export function retentionEnd(createdAt: string, days: number): string {
  return new Date(Date.parse(createdAt) + days * DAY_MS).toISOString();
}

/** True once `now` (ISO) has reached the end of retention. */
export const isPastRetention = (expiresAt: string, now: string): boolean => Date.parse(expiresAt) <= Date.parse(now);
