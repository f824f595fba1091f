// What a participant's socket may send: votes, questions and upvotes in its own room.
import type { Socket } from "socket.io";
import { parse, pollRef, socketAsk, socketUpvote } from "../../shared/schemas.js";
import type { Tribune } from "../service/tribune.js";
import type { SocketData } from "./handshake.js";
import { type Logger, on } from "./with-ack.js";

export const PARTICIPANT_EVENTS = new Set(["vote", "ask", "upvote"]);

export function participantHandlers(socket: Socket, tribune: Tribune, log: Logger): void {
  const { code, participantId } = socket.data as SocketData;

  on(
    socket,
    "vote",
    (payload) => {
      const { pollId } = parse(pollRef, payload);
      return tribune.polls.vote(pollId, { participantId, choice: (payload as { choice?: unknown }).choice }, code);
    },
    log,
  );

  on(
    socket,
    "ask",
    async (payload) => {
      const input = parse(socketAsk, payload);
      return (await tribune.questions.ask(code, { ...input, participantId })).question;
    },
    log,
  );

  on(
    socket,
    "upvote",
    (payload) => {
      const { questionId, on: up } = parse(socketUpvote, payload);
      return tribune.questions.upvote(questionId, { participantId }, up, code);
    },
    log,
  );
}
