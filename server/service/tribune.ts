// The one place that runs each use case for both doors (HTTP and Socket.IO) and decides
// what is broadcast to whom.
import type { Poll, Results, RoomExport, RoomState } from "../../shared/model.js";
import { isPublicPoll } from "../../shared/visibility.js";
import { buildResults } from "../core/polls.js";
import { resultsFor } from "../core/rooms.js";
import { type Actor, type KeyKind, resolveToken } from "./access.js";
import { ActivityRecorder } from "./activity-recorder.js";
import { BackstageService } from "./backstage-service.js";
import type { Deps } from "./deps.js";
import { EventService } from "./event-service.js";
import { exportRoom } from "./export.js";
import { PollService } from "./poll-service.js";
import { ProgrammeImportService } from "./programme-import.js";
import { QuestionService } from "./question-service.js";
import { QuizClock } from "./quiz-clock.js";
import { QuizService } from "./quiz-service.js";
import { ReactionCoalescer, type ReactionFlush } from "./reaction-coalescer.js";
import { ReactionService } from "./reaction-service.js";
import { ReportService } from "./report-service.js";
import { ResultsCoalescer } from "./results-coalescer.js";
import type { ClockLogger } from "./session-clock.js";
import { SessionService } from "./session-service.js";
import type { StateCache } from "./state-cache.js";
import { loadRoom, type PublicView, publicView, roomState } from "./views.js";

/** Participant counts change with every phone that locks; moderators need them once a second at most. */
const COUNT_INTERVAL_MS = 1000;

export class Tribune {
  readonly events: EventService;
  readonly polls: PollService;
  readonly questions: QuestionService;
  readonly sessions: SessionService;
  readonly programmeImport: ProgrammeImportService;
  readonly reactions: ReactionService;
  readonly backstage: BackstageService;
  readonly quiz: QuizService;
  /** Closes quizzes when their time is up; started and stopped with the server (server/app.ts). */
  readonly quizClock: QuizClock;
  readonly reports: ReportService;
  /** The report's per-minute counters of this node (report data as the day goes). */
  readonly activity: ActivityRecorder;
  private readonly coalescer: ResultsCoalescer;
  private readonly reactionCoalescer: ReactionCoalescer;
  /** Highest seq sent per poll, so a late read never sends older results. */
  private readonly sentSeq = new Map<string, number>();
  private readonly countTimers = new Map<string, NodeJS.Timeout>();
  private readonly sweeper: NodeJS.Timeout;

  /**
   * `deps.outbox` must drop `states`' entry of every room it tells about
   * (StateInvalidatingOutbox): the cache is shared with it.
   */
  constructor(
    private readonly deps: Deps,
    private readonly states: StateCache<PublicView>,
    clock: { quizSweepMs: number; log: ClockLogger },
  ) {
    this.sweeper = setInterval(() => {
      states.sweep();
      deps.scores.sweep();
    }, 10_000).unref();
    this.coalescer = new ResultsCoalescer((code, pollId) => this.timedFlush(code, pollId));
    deps.dirty.subscribe((code, pollId) => {
      states.invalidate(code);
      this.coalescer.mark(code, pollId);
    });
    this.activity = new ActivityRecorder(deps.store, deps.now);
    this.events = new EventService(deps, (code) => this.activity.forget(code));
    const dirty = (code: string, pollId: string) => deps.dirty.publish(code, pollId);
    this.quiz = new QuizService(deps, dirty);
    this.quizClock = new QuizClock(deps, (pollId) => this.polls.autoClose(pollId), clock.quizSweepMs, clock.log);
    this.polls = new PollService(deps, this.events, dirty, this.quiz, (poll) => this.quizClock.schedule(poll), this.activity);
    this.questions = new QuestionService(deps, this.activity);
    this.reports = new ReportService(deps, this.events, this.activity);
    this.sessions = new SessionService(deps, this.events, this.reports, this.quiz);
    this.programmeImport = new ProgrammeImportService(deps);
    this.reactionCoalescer = new ReactionCoalescer((code, what) => this.flushReactions(code, what));
    this.reactions = new ReactionService(deps, this.reactionCoalescer, this.activity);
    this.backstage = new BackstageService(deps);
  }

  /**
   * A tick of a room's reactions: to this node's screens and moderators, to the other nodes
   * (which show them to theirs), and added to the room's totals in the store.
   */
  private flushReactions(code: string, { send, share, save }: ReactionFlush): void {
    if (send) this.deps.outbox.reactions(code, { counts: send });
    if (share) this.deps.outbox.shareReactions(code, share);
    if (save) {
      this.deps.store.addReactions(code, save).catch(() => {
        // The store is unreachable: the counts wait for the next tick rather than being lost.
        this.reactionCoalescer.retrySave(code, save);
      });
    }
  }

  authenticate(token: string | undefined, address: string, expected?: KeyKind): Promise<Actor> {
    return resolveToken(this.deps, token, address, expected);
  }

  /** Spends one token of an address's connection ceiling: 0 when admitted, else the seconds to wait. */
  connectionWait(address: string): Promise<number> {
    return this.deps.limiter.take("ipConnect", address);
  }

  publicState(code: string, participantId?: string): Promise<RoomState> {
    return roomState(this.deps, code, "public", participantId);
  }

  /** The public state without `me`, serialised (JSON bytes), from the cache when it is fresh. */
  publicStateJson(code: string): Promise<Buffer> {
    return this.states.get(code, () => publicView(this.deps, code));
  }

  async export(actor: Actor, code: string): Promise<RoomExport> {
    const room = await this.events.staffRoom(actor, code);
    const data = await loadRoom(this.deps, room.code);
    return exportRoom(this.deps, data, (await this.reports.of(data)).sessions);
  }

  /** A failed flush is timed too: a slow, failing store is what the operator must see. */
  private async timedFlush(code: string, pollId: string): Promise<void> {
    const started = performance.now();
    try {
      await this.flushResults(code, pollId);
    } finally {
      this.deps.metrics?.resultsFlushed((performance.now() - started) / 1000);
    }
  }

  /** Reads a dirty poll's results from the store and sends them to this node's sockets. */
  private async flushResults(code: string, pollId: string): Promise<void> {
    const [poll, tally] = await Promise.all([this.deps.store.getPoll(pollId), this.deps.store.tally(pollId)]);
    if (!poll || !tally) {
      this.sentSeq.delete(pollId);
      return;
    }
    // Equal seq is sent again: the visibility may have changed; older never is.
    if (tally.seq < (this.sentSeq.get(pollId) ?? 0)) return;
    this.sentSeq.set(pollId, tally.seq);
    const full: Results = buildResults(poll, tally);
    this.deps.outbox.results(code, full, (await this.inCurrentSession(poll)) ? resultsFor(poll, full, "public") : null);
  }

  /**
   * Whether the public may see this poll: not a draft, and of the room's current session. An open
   * poll always is (opening and starting a session see to it), which spares the hot path a read.
   */
  private async inCurrentSession(poll: Poll): Promise<boolean> {
    if (!isPublicPoll(poll)) return false;
    if (poll.status === "open") return true;
    const room = await this.deps.store.getRoom(poll.roomCode);
    return poll.sessionId === (room?.sessionId ?? null);
  }

  async joined(code: string, participantId: string, socketId: string): Promise<void> {
    const count = await this.deps.presence.join(code, participantId, socketId).catch(() => null);
    this.activity.seen(code, participantId);
    if (count !== null) this.activity.participants(code, count);
    this.participantsChanged(code);
  }

  async left(code: string, participantId: string, socketId: string): Promise<void> {
    await this.deps.presence.leave(code, participantId, socketId).catch(() => 0);
    this.participantsChanged(code);
  }

  /** Tells moderators the room's participant count, at most once a second per room. */
  private participantsChanged(code: string): void {
    if (this.countTimers.has(code)) return;
    const timer = setTimeout(async () => {
      this.countTimers.delete(code);
      const count = await this.deps.presence.count(code).catch(() => null);
      if (count === null) return;
      this.deps.outbox.participants(code, count);
      this.activity.participants(code, count);
    }, COUNT_INTERVAL_MS);
    this.countTimers.set(code, timer);
  }

  /** Stops the timers; the activity counted and not yet written goes to the store (awaited). */
  async close(): Promise<void> {
    await this.quizClock.stop();
    this.coalescer.close();
    this.reactionCoalescer.close();
    clearInterval(this.sweeper);
    for (const timer of this.countTimers.values()) clearTimeout(timer);
    await this.activity.close();
  }
}
