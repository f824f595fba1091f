// Messages between bench/live.ts (main thread) and its load-generator workers.

export interface PhoneSpec {
  /** Global index of the phone. */
  i: number;
  participantId: string;
  code: string;
  /** Index of the node (server URL) it connects to. */
  node: number;
  localAddress?: string | undefined;
  /** Sampled phones run socket.io-client and keep a timeline of every `results`. */
  sampled: boolean;
}

export interface WorkerInit {
  worker: number;
  urls: string[];
  phones: PhoneSpec[];
  /** "lean": raw protocol for unsampled phones; "sio": socket.io-client for every phone. */
  client: "lean" | "sio";
  ackTimeoutMs: number;
  connectTimeoutMs: number;
}

export interface StormCommand {
  type: "storm";
  phase: string;
  /** Absolute ms (performance.timeOrigin + performance.now()). */
  startAt: number;
  windowMs: number;
  /** code → open poll id. */
  polls: Record<string, string>;
  options: number;
  /** "wordcloud": each vote is a word, from `words` distinct ones (0: every phone its own). */
  kind: "single" | "wordcloud";
  words: number;
  /** Share of phones asking one question, and upvoting one, during the window. */
  ask: number;
  upvote: number;
}

export type ToWorker =
  | { type: "join"; rate: number }
  | StormCommand
  | { type: "collect"; from: number; to: number }
  | { type: "close" };

export interface JoinReport {
  type: "joined";
  worker: number;
  joined: number;
  failed: number;
  /** Phones refused at first (`unavailable` with `retryAfter`: admission control) that joined on a later try. */
  refusedThenJoined: number;
  errors: Record<string, number>;
  firstStart: number;
  lastDone: number;
  /** ms from opening the connection to the first `state`, per joined phone. */
  joinMs: number[];
}

/** One row per vote sent (columns, to keep the clone cheap). */
export interface VoteColumns {
  phone: number[];
  code: string[];
  sentAt: number[];
  ackAt: number[];
  /** The acknowledged results' seq and voters (NaN when refused). */
  seq: number[];
  voters: number[];
  ok: boolean[];
}

export interface StormReport {
  type: "acked";
  worker: number;
  phase: string;
  votes: VoteColumns;
  voteErrors: Record<string, number>;
  asks: { ok: number; failed: number; errors: Record<string, number> };
  upvotes: { ok: number; failed: number; errors: Record<string, number> };
}

export interface PhoneTraffic {
  i: number;
  code: string;
  sampled: boolean;
  /** Events pushed by the server (not acks, not pings), `results` events, and payload bytes of every frame, in the window. */
  messages: number;
  results: number;
  bytes: number;
  /** The most events, and the most `results`, in one second of the window (seconds counted from its start). */
  peakMessages: number;
  peakResults: number;
  /** Sampled phones: arrival time and seq of each `results`. */
  timeline?: { at: number[]; seq: number[] } | undefined;
}

export interface CollectReport {
  type: "collected";
  worker: number;
  phones: PhoneTraffic[];
}

export type FromWorker =
  | { type: "progress"; worker: number; joined: number; failed: number }
  | JoinReport
  | StormReport
  | CollectReport
  | { type: "closed"; worker: number }
  | { type: "error"; worker: number; message: string };
