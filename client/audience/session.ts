// A participant in a room: the live room, and an outbox of actions sent in order, kept offline.
import { useEffect, useState } from "preact/hooks";
import type { Choice, Question, RoomState } from "../../shared/model";
import { normalizeChoice } from "../../shared/poll-kinds";
import { ClientError } from "../lib/api";
import { LiveRoom, type Snapshot } from "../lib/live-room";
import { type Action, OfflineQueue, type Outcome } from "../lib/offline-queue";
import { participantId } from "../lib/participant";
import { applyQuestion, applyResults, applyUpvotes } from "../lib/room-state";
import { request } from "../lib/socket";
import { t } from "./strings";

export interface AudienceView extends Snapshot {
  outbox: readonly Action[];
  /** Refusals to show to the person (a vote on a closed poll, a rate limit…). */
  notices: string[];
}

/** Keeps a ballot the server accepted in the form the server stores it (its kind's normalisation). */
function withBallot(state: RoomState, pollId: string, choice: Choice): RoomState {
  const poll = state.polls.find((p) => p.id === pollId);
  if (!state.me || !poll) return state;
  return { ...state, me: { ...state.me, ballots: { ...state.me.ballots, [pollId]: normalizeChoice(poll, choice) } } };
}

function withUpvoted(state: RoomState, id: string, on: boolean): RoomState {
  if (!state.me) return state;
  const upvoted = state.me.upvoted.filter((q) => q !== id);
  if (on) upvoted.push(id);
  return { ...state, me: { ...state.me, upvoted } };
}

function withOwnQuestion(state: RoomState, question: Question): RoomState {
  if (!state.me || state.me.questions.some((q) => q.id === question.id)) return state;
  return { ...state, me: { ...state.me, questions: [...state.me.questions, question] } };
}

export class AudienceSession {
  readonly room: LiveRoom;
  private readonly queue: OfflineQueue;
  private notices: string[] = [];
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly code: string) {
    this.queue = new OfflineQueue(`tribune.outbox.${code}`);
    this.room = new LiveRoom(code, { participantId: participantId() }, "participant", () => void this.flush());
    this.room.subscribe(() => this.changed());
  }

  view(): AudienceView {
    return { ...this.room.snapshot, outbox: this.queue.list(), notices: this.notices };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Records the action (it survives a reload) and sends it now if the room is reachable. */
  act(action: Action): void {
    this.queue.add(action);
    this.changed();
    void this.flush();
  }

  dismiss(notice: string): void {
    this.notices = this.notices.filter((n) => n !== notice);
    this.changed();
  }

  async flush(): Promise<void> {
    if (!this.room.socket.connected || !this.room.snapshot.state) return;
    await this.queue.flush((action) => this.send(action));
    this.changed();
  }

  private async send(action: Action): Promise<Outcome> {
    const socket = this.room.socket;
    try {
      if (action.kind === "vote") {
        const results = await request(socket, "vote", { pollId: action.pollId, choice: action.choice });
        return { sent: () => this.room.update((s) => applyResults(withBallot(s, action.pollId, action.choice), results)) };
      }
      if (action.kind === "ask") {
        const payload = { text: action.text, clientId: action.clientId, ...(action.author ? { author: action.author } : {}) };
        const question = await request(socket, "ask", payload);
        return { sent: () => this.room.update((s) => applyQuestion(withOwnQuestion(s, question), question, "participant")) };
      }
      const up = await request(socket, "upvote", { questionId: action.questionId, on: action.on });
      return { sent: () => this.room.update((s) => withUpvoted(applyUpvotes(s, up.id, up.upvotes), up.id, action.on)) };
    } catch (error) {
      const failure = error instanceof ClientError ? error : new ClientError("unavailable", String(error));
      if (failure.retryable) {
        if (failure.code !== "offline") this.retryLater((failure.retryAfter ?? 3) * 1000);
        return "later";
      }
      this.notices = [...this.notices, this.refusal(action, failure.message)];
      return "refused";
    }
  }

  private retryLater(ms: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), ms);
  }

  private refusal(action: Action, reason: string): string {
    if (action.kind === "vote") {
      const title = this.room.snapshot.state?.polls.find((p) => p.id === action.pollId)?.title ?? "";
      return t("refusedVote", { title, reason });
    }
    return t(action.kind === "ask" ? "refusedAsk" : "refusedUpvote", { reason });
  }

  close(): void {
    clearTimeout(this.retryTimer);
    this.room.close();
    this.listeners.clear();
  }
}

export function useAudience(code: string): { session: AudienceSession | null; view: AudienceView | null } {
  const [session, setSession] = useState<AudienceSession | null>(null);
  const [view, setView] = useState<AudienceView | null>(null);
  useEffect(() => {
    const s = new AudienceSession(code);
    setSession(s);
    setView(s.view());
    const stop = s.subscribe(() => setView(s.view()));
    return () => {
      stop();
      s.close();
    };
  }, [code]);
  return { session, view };
}
