// Moderator socket events of the hardening issue: `question:ban` `{questionId, on?}` bans (or,
// with `on: false`, lifts the ban of) the author of a question in its room, as over HTTP.
import type { Socket } from "socket.io";
import { parse } from "../../shared/schemas.js";
import { banAuthor } from "../service/question-service.js";
import { socketBan } from "../service/schemas.js";
import type { Tribune } from "../service/tribune.js";
import type { SocketData } from "./handshake.js";
import { type Logger, on } from "./with-ack.js";

export const SAFETY_EVENTS = new Set(["question:ban"]);

export function safetyHandlers(socket: Socket, tribune: Tribune, log: Logger): void {
  const { actor } = socket.data as SocketData;
  on(
    socket,
    "question:ban",
    (payload) => {
      const { questionId, on: ban } = parse(socketBan, payload);
      return banAuthor(tribune.deps, actor, questionId, ban ?? true);
    },
    log,
  );
}
