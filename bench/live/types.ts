// What a live run is asked to do, and the figures it brings back.
import type { HeapDiffRow } from "../lib/heap.js";
import type { ProfileSummary } from "../lib/profile.js";
import type { Distribution } from "../lib/stats.js";
import type { StormReport } from "../live-protocol.js";
import type { MemInfo } from "../servers/ipc.js";

export interface LiveOptions {
  scenario: string;
  rooms: { name: string; size: number }[];
  /** Phones per second, all workers together. */
  joinRate: number;
  /** Every phone votes once within this window. */
  windowMs: number;
  /** Then every phone changes its vote within this window (0: no burst phase). */
  burstWindowMs: number;
  ask: number;
  upvote: number;
  samplePhones: number;
  workers: number;
  client: "lean" | "sio";
  /** Tribune nodes (more than one needs redisUrl). */
  nodes: number;
  redisUrl?: string | undefined;
  app?: string | undefined;
  /** Run the bare Socket.IO baseline too. */
  baseline: boolean;
  /** Directory for per-phase CPU profiles of the servers, or undefined. */
  profileDir?: string | undefined;
  /** Directory for heap snapshots before and after the join (what an idle phone costs), or undefined. */
  heapDir?: string | undefined;
  /** Stop after the join and its memory (the join storm): no poll opened, no vote. */
  joinOnly?: boolean;
  /** The poll: four options, or a word cloud of `words` distinct answers (0: every phone its own). */
  kind: "single" | "wordcloud";
  words: number;
  /** Source addresses 127.0.0.2… to spread the phones over (0: the default address). */
  sourceAddresses: number;
  log: (line: string) => void;
}

export interface PhaseFigures {
  phase: string;
  windowMs: number;
  votesSent: number;
  votesOk: number;
  votesFailed: number;
  voteErrors: Record<string, number>;
  votesPerSec: number;
  /** Acknowledged votes whose seq no screen of the room ever reached. */
  neverShown: number;
  screen: Distribution;
  screenByRoom: Record<string, Distribution>;
  phones: Distribution;
  perPhone: {
    messagesPerSec: number;
    messagesPerSecP99: number;
    peakMessagesInOneSecond: number;
    peakResultsInOneSecond: number;
    resultsPerSec: number;
    bytesPerSec: number;
    phones: number;
  };
  asks: StormReport["asks"];
  upvotes: StormReport["upvotes"];
  seconds: number;
  serverCpu: number;
  serverPeakCpu: number;
  serverLoopDelayP99: number;
  generatorCpu: number;
  generatorMaxWorkerElu: number;
  otherCpu: number;
  profiles: ProfileSummary[];
}

export interface LiveMeasurement {
  target: string;
  phones: number;
  joined: number;
  joinFailed: number;
  /** Phones refused at first by admission control that joined on a later try. */
  refusedThenJoined: number;
  joinErrors: Record<string, number>;
  joinRate: number;
  joinMs: Distribution;
  /** The same joins timed by the server itself, from the TCP accept to `state` (join-probe.ts). */
  serverJoinMs: Distribution;
  join: { serverCpu: number; generatorCpu: number; otherCpu: number; profiles: ProfileSummary[] };
  memIdle: {
    heapPerPhone: number;
    rssPerPhone: number;
    before: MemInfo[];
    after: MemInfo[];
    byClass?: HeapDiffRow[] | undefined;
  };
  phases: PhaseFigures[];
  lost: { code: string; ackedVoters: number; counted: number; seqBefore: number; seqAfter: number; ackedBallots: number }[];
  votesLost: number;
  questionsAsked: number;
  questionsStored: number;
}
