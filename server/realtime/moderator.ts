// What a moderator's socket may send: the same actions as HTTP, in the socket's room.
import type { Socket } from "socket.io";
import { fail } from "../../shared/errors.js";
import { parse, pollRef, socketModerate, socketPollUpdate } from "../../shared/protocol.js";
import type { Tribune } from "../service/tribune.js";
import type { SocketData } from "./handshake.js";
import { type Handler, type Logger, on } from "./with-ack.js";

export const MODERATOR_EVENTS = new Set([
  "poll:create",
  "poll:update",
  "poll:delete",
  "poll:open",
  "poll:close",
  "poll:reset",
  "question:moderate",
  "room:update",
]);

export function moderatorHandlers(socket: Socket, tribune: Tribune, log: Logger): void {
  const { code, actor } = socket.data as SocketData;

  /** A poll of this socket's room, else unknown. */
  const pollOfRoom = async (payload: unknown): Promise<string> => {
    const { pollId } = parse(pollRef, payload);
    const poll = await tribune.deps.store.getPoll(pollId);
    if (!poll || poll.roomCode !== code) throw fail("not_found", "This poll does not exist.", "Ce sondage n'existe pas.");
    return pollId;
  };

  const handlers: Record<string, Handler> = {
    "poll:create": (payload) => tribune.polls.create(actor, code, payload),
    "poll:update": async (payload) => {
      const pollId = await pollOfRoom(payload);
      const { pollId: _, ...patch } = parse(socketPollUpdate, payload);
      return tribune.polls.update(actor, pollId, patch);
    },
    "poll:delete": async (payload) => {
      await tribune.polls.remove(actor, await pollOfRoom(payload));
      return null;
    },
    "poll:open": async (payload) => tribune.polls.move(actor, await pollOfRoom(payload), "open"),
    "poll:close": async (payload) => tribune.polls.move(actor, await pollOfRoom(payload), "close"),
    "poll:reset": async (payload) => tribune.polls.reset(actor, await pollOfRoom(payload)),
    "question:moderate": (payload) => {
      const { questionId, action } = parse(socketModerate, payload);
      return tribune.questions.moderate(actor, questionId, { action }, code);
    },
    "room:update": (payload) => tribune.events.updateRoom(actor, code, payload),
  };
  for (const [event, handler] of Object.entries(handlers)) on(socket, event, handler, log);
}
