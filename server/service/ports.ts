// What the service needs from the world around it, as interfaces: the realtime edge
// implements Outbox, and each deployment (one node or several on Redis) its Presence,
// RateLimiter and DirtyBus.

import type { BackstageMessage, Poll, ReactionCounts, Results, RoomInfo } from "../../shared/model.js";
import type { QuestionRecord } from "../core/questions.js";
import type { RateName } from "../core/rate-limits.js";

/** Sends events to the sockets of a room, by audience. */
export interface Outbox {
  /** `poll` to moderators, and to the public unless it is a draft or `toPublic` is false (another session's). */
  poll(code: string, poll: Poll, toPublic?: boolean): void;
  /** `question` to moderators and its author, and to the public when `toPublic`. */
  question(code: string, question: QuestionRecord, toPublic: boolean): void;
  /** `room` to everyone in the room. */
  room(code: string, room: RoomInfo): void;
  /** `results` to this node's sockets: full for moderators, `forPublic` for the others (none for drafts). */
  results(code: string, full: Results, forPublic: Results | null): void;
  /** A fresh `state` to every socket of the room (everyone may have missed something). */
  resync(code: string): void;
  /** `reactions` to this node's screens and moderators of the room (never to phones). */
  reactions(code: string, counts: ReactionCounts): void;
  /** This node's reactions to the other nodes, which show them to their own screens (nothing on one node). */
  shareReactions(code: string, counts: Record<string, number>): void;
  /** `participants` to moderators of the room. */
  participants(code: string, count: number): void;
  /** Disconnects every socket of the room (its event was erased). */
  disconnect(code: string): void;
  /** Disconnects, on every node, the sockets that proved the event's moderator key (it was rotated). */
  revoke(eventId: string): void;
  /** Disconnects, on every node, the sockets that proved this room key (it was revoked). */
  revokeKey(keyId: string): void;
  /** `message` to the room's speakers and moderators, never to the public. */
  message(code: string, message: BackstageMessage): void;
}

/** Who is connected: distinct participant ids with at least one open socket, per room, across nodes. */
export interface Presence {
  join(code: string, participantId: string, socketId: string): Promise<number>;
  leave(code: string, participantId: string, socketId: string): Promise<number>;
  count(code: string): Promise<number>;
  counts(codes: string[]): Promise<number[]>;
  forget(code: string): Promise<void>;
  close(): Promise<void>;
}

export interface RateLimiter {
  /** Spends one token; returns 0 when allowed, else the seconds to wait. */
  take(name: RateName, key: string): Promise<number>;
  /** Returns the seconds to wait if the bucket is empty, without spending. */
  peek(name: RateName, key: string): Promise<number>;
  close(): Promise<void>;
}

/** Carries "this poll's results changed" to every node, including this one. */
export interface DirtyBus {
  publish(code: string, pollId: string): void;
  subscribe(handler: (code: string, pollId: string) => void): void;
  close(): Promise<void>;
}

/** What the service reports for monitoring (server/metrics); absent when nobody watches. */
export interface ServiceMetrics {
  resultsFlushed(seconds: number): void;
}
