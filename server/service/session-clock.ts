// The session clock: for events with autoSessions on, starts each session at its `startsAt` and
// ends it at its `endsAt` (the rule is `dueMove`). Every node of a cluster runs one; a move is
// the store's compare-and-set, so when two nodes see the same due session the second does nothing.
import { dueMove, type SessionMoveName, type SessionRecord } from "../core/sessions.js";
import type { Deps } from "./deps.js";
import type { SessionService } from "./session-service.js";

/** How often the clock looks for due sessions: well inside the 10 s the contract allows. */
export const SESSION_CLOCK_MS = 5000;

export interface ClockLogger {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

interface Due {
  session: SessionRecord;
  move: SessionMoveName;
}

/**
 * A room's due moves in the order they must run: ends first (a session ending as the next one
 * starts does not end the new one), then starts by `startsAt`, so that when two slots overlap
 * the later one is left live and the earlier one, then ended, is never started again.
 */
export function dueMoves(sessions: SessionRecord[], now: string): Due[] {
  const due: Due[] = [];
  for (const session of sessions) {
    const move = dueMove(session, now);
    if (move) due.push({ session, move });
  }
  const rank = (d: Due) => `${d.move === "end" ? "0" : "1"}${d.session.startsAt ?? ""}`;
  return due.sort((a, b) => rank(a).localeCompare(rank(b)));
}

export class SessionClock {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: Pick<Deps, "store" | "now">,
    private readonly sessions: Pick<SessionService, "autoMove">,
    private readonly everyMs: number,
    private readonly log: ClockLogger,
  ) {}

  /** Looks now, then every `everyMs` (0: only now). */
  start(): void {
    this.runOnce();
    if (this.everyMs > 0) this.timer = setInterval(() => this.runOnce(), this.everyMs).unref();
  }

  private runOnce(): void {
    if (this.running) return; // a slow store: the next look starts when this one is done
    this.running = this.tick()
      .then((moved) => {
        if (moved > 0) this.log.info({ sessions: moved }, "sessions started or ended on schedule");
      })
      .catch((err: unknown) => this.log.error({ err }, "session clock failed; it will look again"))
      .finally(() => {
        this.running = null;
      });
  }

  /** Runs every move due now; answers how many this node made (another node's win counts 0). */
  async tick(): Promise<number> {
    const now = this.deps.now().toISOString();
    let moved = 0;
    for (const eventId of await this.deps.store.autoSessionEvents()) {
      const event = await this.deps.store.getEvent(eventId);
      if (!event?.autoSessions) continue; // erased or switched off meanwhile
      for (const room of event.rooms) {
        for (const { session, move } of dueMoves(await this.deps.store.listSessions(room.code), now)) {
          if (await this.sessions.autoMove(session, move)) moved++;
        }
      }
    }
    return moved;
  }

  /** Stops the timer and waits for a look under way, so the store can close after it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
