// What a participant did while offline, kept on the device and sent once the room is back.
// Every action is idempotent on the server (a ballot replaces the previous one, an ask carries
// a clientId, an upvote states on/off), so sending again after a lost ack never counts twice.
import type { Choice } from "../../shared/model";
import { load, save } from "./storage";

export type Action =
  | { kind: "vote"; pollId: string; choice: Choice }
  | { kind: "ask"; text: string; author: string; clientId: string; createdAt: string }
  | { kind: "upvote"; questionId: string; on: boolean };

/**
 * What sending an action came to. A sent action's effect on the page (`apply`) runs once the
 * action has left the queue, so no render shows it both as queued and as acknowledged.
 */
export type Outcome = { sent: () => void } | "refused" | "later";

const sameTarget = (a: Action, b: Action): boolean =>
  (a.kind === "vote" && b.kind === "vote" && a.pollId === b.pollId) ||
  (a.kind === "upvote" && b.kind === "upvote" && a.questionId === b.questionId) ||
  (a.kind === "ask" && b.kind === "ask" && a.clientId === b.clientId);

export class OfflineQueue {
  private items: Action[];
  private flushing = false;

  constructor(private readonly key: string) {
    this.items = load<Action[]>(key, []);
  }

  list(): readonly Action[] {
    return this.items;
  }

  /** Adds an action; a newer vote on the same poll or upvote on the same question replaces the older. */
  add(action: Action): void {
    this.items = [...this.items.filter((a) => !sameTarget(a, action)), action];
    save(this.key, this.items);
  }

  private drop(action: Action): void {
    this.items = this.items.filter((a) => a !== action);
    save(this.key, this.items);
  }

  /**
   * Sends every action in order, including those added meanwhile; stops at the first that must
   * wait. Never runs twice at once, so an action is never in flight twice from one page.
   */
  async flush(send: (action: Action) => Promise<Outcome>): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let action = this.items[0]; action; action = this.items[0]) {
        const outcome = await send(action);
        if (outcome === "later") return;
        this.drop(action);
        if (outcome !== "refused") outcome.sent();
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** A random id for asks and participants: url-safe, from the platform's generator. */
export function randomId(length = 22): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = "";
  for (const b of bytes) out += alphabet[b & 63];
  return out;
}
