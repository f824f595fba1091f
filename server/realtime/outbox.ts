// The service's Outbox over Socket.IO: who gets which event. A resync sends each socket of a
// room its own fresh `state` (its role decides which), on this node and, through the adapter, on
// the others.
import type { BackstageMessage, Leaderboard, Poll, ReactionCounts, Results, RoomInfo, RoomState } from "../../shared/model.js";
import { isPublicPoll, publicPoll } from "../../shared/visibility.js";
import { type QuestionRecord, toPublicQuestion } from "../core/questions.js";
import type { Logger } from "../edge/error-body.js";
import type { Outbox } from "../service/ports.js";
import { PhoneFanout } from "./phone-fanout.js";
import {
  keyRoom,
  moderatorRoom,
  PHONE_SLICES,
  participantRoom,
  phoneRoom,
  publicRooms,
  roomCodeOf,
  roomKeyRoom,
  screenRoom,
  speakerRoom,
  watcherRoom,
} from "./rooms.js";
import type { IoServer, IoSocket, SocketData } from "./socket-data.js";

/** Reads the state a socket should have, from who it is. */
export type StateFor = (data: SocketData) => Promise<RoomState>;

export class SocketOutbox implements Outbox {
  private peerReactions: (code: string, counts: Record<string, number>) => void = () => {};
  private readonly phones: PhoneFanout;

  constructor(
    private readonly io: IoServer,
    private readonly stateFor: StateFor,
    /** Several nodes share the event: tell the others too. */
    private readonly clustered: boolean,
    private readonly log: Logger,
  ) {
    this.phones = new PhoneFanout(PHONE_SLICES, (code, slice, results) => {
      const room = phoneRoom(code, slice);
      const size = io.of("/").adapter.rooms.get(room)?.size ?? 0;
      if (size > 0) io.local.to(room).emit("results", results);
      return size;
    });
    io.on("tribune:resync", (code: string) => this.resyncLocal(code));
    io.on("tribune:reactions", (code: string, counts: Record<string, number>) => this.peerReactions(code, counts));
  }

  /** Who counts the reactions other nodes share (the service, built after this outbox). */
  receiveReactions(handler: (code: string, counts: Record<string, number>) => void): void {
    this.peerReactions = handler;
  }

  poll(code: string, poll: Poll, toPublic = true): void {
    const shown = publicPoll(poll);
    if (shown === poll) {
      const rooms = toPublic && isPublicPoll(poll) ? [...publicRooms(code), moderatorRoom(code)] : [moderatorRoom(code)];
      this.io.to(rooms).emit("poll", poll);
      return;
    }
    // A running quiz: its right answers to moderators only.
    this.io.to(moderatorRoom(code)).emit("poll", poll);
    if (toPublic && isPublicPoll(poll)) this.io.to(publicRooms(code)).emit("poll", shown);
  }

  leaderboard(code: string, board: Leaderboard): void {
    this.io.to([...publicRooms(code), moderatorRoom(code)]).emit("leaderboard", board);
  }

  question(code: string, question: QuestionRecord, toPublic: boolean): void {
    const rooms = [moderatorRoom(code), participantRoom(code, question.participantId)];
    if (toPublic) rooms.push(...publicRooms(code));
    this.io.to(rooms).emit("question", toPublicQuestion(question));
  }

  room(code: string, room: RoomInfo): void {
    this.io.to([...publicRooms(code), moderatorRoom(code)]).emit("room", room);
  }

  /**
   * Local only: every node reads the store and sends to its own sockets once per tick. Moderators
   * and watchers (the projector) first and at once; phones in slices (phone-fanout.ts).
   */
  results(code: string, full: Results, forPublic: Results | null): void {
    this.io.local.to(moderatorRoom(code)).emit("results", full);
    if (forPublic) {
      this.io.local.to(watcherRoom(code)).emit("results", forPublic);
      this.phones.offer(code, forPublic);
    } else this.phones.cancel(full.pollId);
  }

  /**
   * Local only, as results: each node sends its own screens and moderators one message per tick,
   * holding its own reactions and those the other nodes shared (shareReactions).
   */
  reactions(code: string, counts: ReactionCounts): void {
    this.io.local.to([screenRoom(code), moderatorRoom(code)]).emit("reactions", counts);
  }

  shareReactions(code: string, counts: Record<string, number>): void {
    if (this.clustered) this.io.serverSideEmit("tribune:reactions", code, counts);
  }

  resync(code: string): void {
    this.resyncLocal(code);
    if (this.clustered) this.io.serverSideEmit("tribune:resync", code);
  }

  participants(code: string, count: number): void {
    this.io.to(moderatorRoom(code)).emit("participants", { code, participants: count });
  }

  disconnect(code: string): void {
    this.io.in([...publicRooms(code), moderatorRoom(code)]).disconnectSockets(true);
  }

  revoke(eventId: string): void {
    this.io.in(keyRoom(eventId)).disconnectSockets(true);
  }

  revokeKey(keyId: string): void {
    this.io.in(roomKeyRoom(keyId)).disconnectSockets(true);
  }

  message(code: string, message: BackstageMessage): void {
    this.io.to([speakerRoom(code), moderatorRoom(code)]).emit("message", message);
  }

  /**
   * Sends a socket its state (on connect, and whenever it may have missed something); settles
   * once it is sent, or could not be built (logged).
   */
  sendState(socket: IoSocket): Promise<void> {
    return this.stateFor(socket.data).then(
      (state) => {
        socket.emit("state", state);
      },
      (err: unknown) => this.log.error({ err }, "could not send state"),
    );
  }

  /** A fresh state to this node's sockets of a room. */
  private resyncLocal(code: string): void {
    const sockets = this.io.of("/").sockets;
    for (const room of [...publicRooms(code), moderatorRoom(code)]) {
      for (const id of this.io.of("/").adapter.rooms.get(room) ?? []) {
        const socket = sockets.get(id);
        if (socket) void this.sendState(socket);
      }
    }
  }

  /** After Redis comes back, this node's clients may have missed broadcasts: a fresh state for each room. */
  resyncEveryRoom(): number {
    const codes = new Set<string>();
    for (const room of this.io.of("/").adapter.rooms.keys()) {
      const code = roomCodeOf(room);
      if (code) codes.add(code);
    }
    for (const code of codes) this.resyncLocal(code);
    return codes.size;
  }
}
