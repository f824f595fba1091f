// The retention sweeper: erases what identifies participants in events past their retention
// (core/retention.ts), keeping only aggregates. Runs once when the node starts, then
// periodically; every node of a cluster may run it, as erasing is idempotent.
import type { Erasure } from "../store/store.js";
import type { Deps } from "./deps.js";

export interface SweepReport {
  events: number;
  erased: Erasure;
}

export interface SweepLogger {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** Erases participant ids of every event whose retention ended at `at`; returns what went. */
export async function sweepRetention(deps: Pick<Deps, "store">, at: Date): Promise<SweepReport> {
  const report: SweepReport = { events: 0, erased: { ballots: 0, upvotes: 0, questions: 0, bans: 0 } };
  for (const eventId of await deps.store.expiredEvents(at.toISOString())) {
    const erased = await deps.store.eraseParticipants(eventId);
    if (erased === "not_found") continue; // erased meanwhile
    report.events++;
    for (const key of Object.keys(report.erased) as (keyof Erasure)[]) report.erased[key] += erased[key];
  }
  return report;
}

export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: Pick<Deps, "store" | "now">,
    private readonly everyMs: number,
    private readonly log: SweepLogger,
  ) {}

  /** Sweeps now, then every `everyMs` (0: only now). */
  start(): void {
    this.runOnce();
    if (this.everyMs > 0) this.timer = setInterval(() => this.runOnce(), this.everyMs).unref();
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = sweepRetention(this.deps, this.deps.now())
      .then((report) => {
        const erased = Object.values(report.erased).some((n) => n > 0);
        if (erased) this.log.info({ retention: report }, "participant ids of events past their retention erased");
      })
      .catch((err: unknown) => this.log.error({ err }, "retention sweep failed; it will run again"))
      .finally(() => {
        this.running = null;
      });
  }

  /** Stops the timer and waits for a sweep under way, so the store can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
