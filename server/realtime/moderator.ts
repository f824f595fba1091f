// What a moderator's socket may send: the same actions as HTTP, in the socket's room.
import type { Socket } from "socket.io";
import { parse, pollRef, socketModerate, socketPollUpdate } from "../../shared/schemas.js";
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

  // A moderator may act in every room of its event: the service checks the poll's or
  // question's event, as over HTTP. Creating a poll and room settings apply to this room.
  const pollOf = (payload: unknown): string => parse(pollRef, payload).pollId;

  const handlers: Record<string, Handler> = {
    "poll:create": (payload) => tribune.polls.create(actor, code, payload),
    "poll:update": (payload) => {
      const { pollId, ...patch } = parse(socketPollUpdate, payload);
      return tribune.polls.update(actor, pollId, patch);
    },
    "poll:delete": async (payload) => {
      await tribune.polls.remove(actor, pollOf(payload));
      return null;
    },
    "poll:open": async (payload) => tribune.polls.move(actor, pollOf(payload), "open"),
    "poll:close": async (payload) => tribune.polls.move(actor, pollOf(payload), "close"),
    "poll:reset": async (payload) => tribune.polls.reset(actor, pollOf(payload)),
    "question:moderate": (payload) => {
      const { questionId, action } = parse(socketModerate, payload);
      return tribune.questions.moderate(actor, questionId, { action });
    },
    "room:update": (payload) => tribune.events.updateRoom(actor, code, payload),
  };
  for (const [event, handler] of Object.entries(handlers)) on(socket, event, handler, log);
}
