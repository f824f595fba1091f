// The service's Outbox over Socket.IO: who gets which event.
import type { Server } from "socket.io";
import type { Poll, Results, RoomInfo } from "../../shared/model.js";
import { isPublicPoll } from "../core/polls.js";
import { type QuestionRecord, toPublicQuestion } from "../core/questions.js";
import type { Outbox } from "../service/ports.js";
import { keyRoom } from "./key-room.js";
import { moderatorRoom, participantRoom, publicRoom } from "./rooms.js";

/** Event sent between nodes: "send a fresh state to your sockets of this room". */
export const RESYNC = "tribune:resync";

export class SocketOutbox implements Outbox {
  constructor(
    private readonly io: Server,
    /** Sends a fresh state to this node's sockets of a room. */
    private readonly resyncLocal: (code: string) => void,
    /** Several nodes share the event: tell the others too. */
    private readonly clustered: boolean,
  ) {}

  poll(code: string, poll: Poll): void {
    const rooms = isPublicPoll(poll) ? [publicRoom(code), moderatorRoom(code)] : [moderatorRoom(code)];
    this.io.to(rooms).emit("poll", poll);
  }

  question(code: string, question: QuestionRecord, toPublic: boolean): void {
    const rooms = [moderatorRoom(code), participantRoom(code, question.participantId)];
    if (toPublic) rooms.push(publicRoom(code));
    this.io.to(rooms).emit("question", toPublicQuestion(question));
  }

  room(code: string, room: RoomInfo): void {
    this.io.to([publicRoom(code), moderatorRoom(code)]).emit("room", room);
  }

  /** Local only: every node reads the store and sends to its own sockets once per tick. */
  results(code: string, full: Results, forPublic: Results | null): void {
    this.io.local.to(moderatorRoom(code)).emit("results", full);
    if (forPublic) this.io.local.to(publicRoom(code)).emit("results", forPublic);
  }

  resync(code: string): void {
    this.resyncLocal(code);
    if (this.clustered) this.io.serverSideEmit(RESYNC, code);
  }

  participants(code: string, count: number): void {
    this.io.to(moderatorRoom(code)).emit("participants", { code, participants: count });
  }

  disconnect(code: string): void {
    this.io.in([publicRoom(code), moderatorRoom(code)]).disconnectSockets(true);
  }

  revoke(eventId: string): void {
    this.io.in(keyRoom(eventId)).disconnectSockets(true);
  }
}
