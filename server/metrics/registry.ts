// What an operator watches during a congress, in Prometheus' text format (GET /metrics).
// One registry per app: tests build several apps in one process. The process_ and nodejs_
// metrics describe the process, not an app, so they live in one registry per process.
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Server } from "socket.io";
import type { SocketRole } from "../../shared/protocol.js";
import type { ServiceMetrics } from "../service/ports.js";
import { FastCounter, FastHistogram } from "./fast-metrics.js";

let processRegistry: Registry | null = null;

/** Created on first use only: the event-loop delay monitor and GC observer then run once per process. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const ROLES: readonly SocketRole[] = ["participant", "screen", "moderator", "speaker"];

/** From a quick vote ack on loopback to a store stalled on a slow disk or a lost Redis. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Store commands are fast (a savepoint in a group commit, a Lua script): finer at the bottom. */
const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** The outcome label of an answer: `ok`, or the contract's error code. */
export type Outcome = "ok" | string;

/** One socket event's or HTTP route's answers: their times, and their count by outcome. */
export interface AnswerSeries {
  observe(seconds: number): void;
  count(outcome: Outcome): void;
}

export class Metrics implements ServiceMetrics {
  readonly registry = new Registry();

  readonly contentType = this.registry.contentType;
  private io: Server | null = null;
  /** Series kept per label value: the hot path looks a label up once, not per answer. */
  private readonly answerSeries = new Map<string, AnswerSeries>();
  private readonly sockets: Gauge<"role"> = new Gauge({
    name: "tribune_sockets",
    help: "Open Socket.IO connections on this node, by role.",
    labelNames: ["role"] as const,
    registers: [this.registry],
    collect: () => this.countSockets(),
  });
  private readonly votes = new Counter({
    name: "tribune_votes_total",
    help: "Ballots stored (new or changed), both doors, on this node.",
    registers: [this.registry],
  });
  private readonly questions = new Counter({
    name: "tribune_questions_total",
    help: "Questions stored (a resent ask is not counted again), both doors, on this node.",
    registers: [this.registry],
  });
  private readonly ackSeconds = new FastHistogram(
    "tribune_ack_seconds",
    "Time from a request or socket event to its answer, by socket event or HTTP route.",
    "event",
    ACK_BUCKETS,
    this.registry,
  );
  private readonly acks = new FastCounter<"event" | "outcome">(
    "tribune_acks_total",
    "Answers by socket event or HTTP route and outcome (ok or the error code).",
    this.registry,
  );
  private readonly flushSeconds = new FastHistogram(
    "tribune_results_flush_seconds",
    "Time to read a dirty poll's tally and send its results to this node's sockets (_count: flushes).",
    null,
    ACK_BUCKETS,
    this.registry,
  ).observer();
  private readonly storeSeconds = new FastHistogram(
    "tribune_store_seconds",
    "Time of each Store command, commit included, by command.",
    "command",
    STORE_BUCKETS,
    this.registry,
  );
  private readonly httpClasses: (() => void)[] = [];
  private readonly http = new FastCounter<"class">(
    "tribune_http_requests_total",
    "HTTP answers by status class (2xx, 3xx, 4xx, 5xx).",
    this.registry,
  );

  constructor() {
    processMetrics(); // the event-loop delay is measured from the start, not from the first scrape
  }

  watchSockets(io: Server): void {
    this.io = io;
  }

  /** Counts this node's sockets by role when scraped, so connecting and leaving pay nothing. */
  private countSockets(): void {
    const counts = new Map<string, number>(ROLES.map((role) => [role, 0]));
    for (const socket of this.io?.of("/").sockets.values() ?? []) {
      const role = socket.data?.role as string | undefined;
      if (role !== undefined && counts.has(role)) counts.set(role, (counts.get(role) ?? 0) + 1);
    }
    for (const [role, count] of counts) this.sockets.set({ role }, count);
  }

  /** `tribune_redis_up`: 1 while the store's and the adapter's Redis connections are up. */
  watchRedis(up: () => boolean): void {
    // Registered by `registers`; read only when scraped.
    new Gauge({
      name: "tribune_redis_up",
      help: "1 while this node's Redis connections (store and adapter) are up, else 0.",
      registers: [this.registry],
      collect() {
        this.set(up() ? 1 : 0);
      },
    });
  }

  /** The timing and the outcome counts of one socket event or HTTP route: keep it, and answers skip the lookup. */
  answers(event: string): AnswerSeries {
    let series = this.answerSeries.get(event);
    if (!series) {
      const observe = this.ackSeconds.observer(event);
      const counts = new Map<Outcome, () => void>();
      series = {
        observe,
        count: (outcome) => {
          let inc = counts.get(outcome);
          if (!inc) {
            inc = this.acks.incrementer({ event, outcome });
            counts.set(outcome, inc);
          }
          inc();
        },
      };
      this.answerSeries.set(event, series);
    }
    return series;
  }

  answered(event: string, outcome: Outcome, seconds: number): void {
    const series = this.answers(event);
    series.observe(seconds);
    series.count(outcome);
  }

  httpAnswered(status: number): void {
    // One incrementer per status class, looked up by index.
    const index = Math.min(5, Math.max(1, Math.floor(status / 100)));
    let inc = this.httpClasses[index];
    if (!inc) {
      inc = this.http.incrementer({ class: `${index}xx` });
      this.httpClasses[index] = inc;
    }
    inc();
  }

  resultsFlushed(seconds: number): void {
    this.flushSeconds(seconds);
  }

  voted(): void {
    this.votes.inc();
  }

  asked(): void {
    this.questions.inc();
  }

  /** Starts timing one Store command; the returned function stops it. */
  storeTimer(command: string): () => void {
    const observe = this.storeSeconds.observer(command);
    const started = performance.now();
    return () => observe((performance.now() - started) / 1000);
  }

  /** This app's metrics, then the process'. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }
}
