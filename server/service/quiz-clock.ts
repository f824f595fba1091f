// The quiz clock: closes each quiz when its time is up. The node that opens a quiz sets a timer;
// every node also sweeps the store for quizzes past their closesAt, so a quiz is closed even when
// the node that opened it restarted or died. The close is the store's compare-and-set (open →
// closed): whichever node comes first closes it, the others find it closed and do nothing.
import type { Poll } from "../../shared/model.js";
import type { Deps } from "./deps.js";
import type { ClockLogger } from "./session-clock.js";

/** How often every node looks for due quizzes: a quiz closes within 2 s of closesAt whatever happens. */
export const QUIZ_SWEEP_MS = 500;

export class QuizClock {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweeper: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: Pick<Deps, "store" | "now">,
    /** Closes a due quiz; true when this node's move won. */
    private readonly close: (pollId: string) => Promise<boolean>,
    private readonly everyMs: number,
    private readonly log: ClockLogger,
  ) {}

  /** Sweeps now, then every `everyMs` (0: timers only). */
  start(): void {
    this.stopped = false;
    this.sweep();
    if (this.everyMs > 0) this.sweeper = setInterval(() => this.sweep(), this.everyMs).unref();
  }

  /** A quiz this node opened: closed at its closesAt. */
  schedule(poll: Poll): void {
    if (!poll.closesAt || this.stopped) return;
    clearTimeout(this.timers.get(poll.id));
    const delay = Math.max(0, Date.parse(poll.closesAt) - this.deps.now().getTime());
    const timer = setTimeout(() => {
      this.timers.delete(poll.id);
      this.closeLogged(poll.id);
    }, delay).unref();
    this.timers.set(poll.id, timer);
  }

  private closeLogged(pollId: string): Promise<void> {
    return this.close(pollId).then(
      () => undefined,
      (err: unknown) => this.log.error({ err, pollId }, "could not close a quiz; the sweep will try again"),
    );
  }

  private sweep(): void {
    if (this.running) return; // a slow store: the next look starts when this one is done
    this.running = this.tick()
      .then(() => undefined)
      .catch((err: unknown) => this.log.error({ err }, "quiz clock failed; it will look again"))
      .finally(() => {
        this.running = null;
      });
  }

  /** Closes every quiz due now; answers how many this node closed. */
  async tick(): Promise<number> {
    let closed = 0;
    for (const pollId of await this.deps.store.dueQuizzes(this.deps.now().toISOString())) {
      if (await this.close(pollId)) closed++;
    }
    return closed;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.running;
  }
}
