// Everything a use case may touch, handed in once when the app is built.
import type { Store } from "../store/store.js";
import type { DirtyBus, Outbox, Presence, RateLimiter, ServiceMetrics } from "./ports.js";
import type { ScoreBoard } from "./quiz-scores.js";
import type { RoomIndexes } from "./similar-questions.js";

export interface Deps {
  store: Store;
  outbox: Outbox;
  presence: Presence;
  limiter: RateLimiter;
  dirty: DirtyBus;
  adminToken: string;
  /** Base of join links, without a trailing slash. */
  publicUrl: string;
  now: () => Date;
  /** This node's similarity index of each room (similar questions). */
  similar: RoomIndexes;
  /** This node's short-lived quiz scores of each room (leaderboards, `me`). */
  scores: ScoreBoard;
  metrics?: ServiceMetrics;
}

export const isoNow = (deps: Pick<Deps, "now">): string => deps.now().toISOString();
