// The Socket.IO door: origin check, handshake, rooms per role, `state` on connect.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type Socket } from "socket.io";
import type { RoomState } from "../../shared/model.js";
import type { SocketGuard } from "../http/hardening.js";
import type { Tribune } from "../service/tribune.js";
import { handshake, type SocketData } from "./handshake.js";
import { keyRoom } from "./key-room.js";
import { MODERATOR_EVENTS, moderatorHandlers } from "./moderator.js";
import { SAFETY_EVENTS, safetyHandlers } from "./moderator-safety.js";
import { RESYNC } from "./outbox.js";
import { PARTICIPANT_EVENTS, participantHandlers } from "./participant.js";
import { moderatorRoom, participantRoom, publicRoom } from "./rooms.js";
import { gate, rememberConnection } from "./socket-gate.js";
import { type Logger, limitSocket, refuseOthers } from "./with-ack.js";

/** Large enough for the biggest message of the contract (a poll of 12 options of 120 characters). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const STAFF_EVENTS = new Set([...MODERATOR_EVENTS, ...SAFETY_EVENTS]);
const KNOWN_EVENTS = new Set([...PARTICIPANT_EVENTS, ...STAFF_EVENTS]);
const NOTHING = new Set<string>();

/** Browsers always send Origin: allow the configured origins and the page's own origin. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: no cross-site hijacking possible
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export interface Realtime {
  io: Server;
  /** Sends a fresh state to this node's sockets of a room. */
  resyncLocal(code: string): void;
}

export function createIo(
  http: HttpServer,
  tribune: Tribune,
  allowedOrigins: readonly string[],
  log: Logger,
  guard?: SocketGuard,
): Realtime {
  const io = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    serveClient: false,
    cors: { origin: [...allowedOrigins], credentials: false },
    allowRequest: (req, callback) => callback(null, originAllowed(req, allowedOrigins)),
  });

  // Keep no reference to each connection's first HTTP request: it weighs kilobytes per socket.
  io.engine.on("connection", (raw: { request: IncomingMessage | null; remoteAddress: string }) => {
    rememberConnection(raw, guard); // the client's address, for per-address limits, before dropping the request
    raw.request = null;
  });

  if (guard) io.use(gate(tribune, guard));
  io.use(handshake(tribune));

  const stateFor = (socket: Socket): Promise<RoomState> => {
    const data = socket.data as SocketData;
    if (data.role === "moderator") return tribune.events.moderation(data.actor, data.code);
    return tribune.publicState(data.code, data.participantId);
  };

  const sendState = (socket: Socket) => {
    stateFor(socket).then(
      (state) => socket.emit("state", state),
      (err) => log.error({ err }, "could not send state"),
    );
  };

  const resyncLocal = (code: string) => {
    for (const room of [publicRoom(code), moderatorRoom(code)]) {
      const ids = io.of("/").adapter.rooms.get(room);
      for (const id of ids ?? []) {
        const socket = io.of("/").sockets.get(id);
        if (socket) sendState(socket);
      }
    }
  };
  io.on(RESYNC, (code: string) => resyncLocal(code));

  io.on("connection", async (socket) => {
    const data = socket.data as SocketData;
    const { code } = data;
    limitSocket(socket);
    if (data.role === "moderator") {
      socket.join(moderatorRoom(code));
      if (data.actor.role === "moderator") socket.join(keyRoom(data.actor.eventId));
      moderatorHandlers(socket, tribune, log);
      safetyHandlers(socket, tribune, log);
      refuseOthers(socket, KNOWN_EVENTS, STAFF_EVENTS);
    } else if (data.role === "participant" && data.participantId) {
      const pid = data.participantId;
      socket.join([publicRoom(code), participantRoom(code, pid)]);
      participantHandlers(socket, tribune, log);
      refuseOthers(socket, KNOWN_EVENTS, PARTICIPANT_EVENTS);
      socket.on("disconnect", () => tribune.left(code, pid, socket.id));
      await tribune.joined(code, pid, socket.id);
      if (socket.disconnected) await tribune.left(code, pid, socket.id); // left while joining
    } else {
      socket.join(publicRoom(code));
      refuseOthers(socket, KNOWN_EVENTS, NOTHING);
    }
    sendState(socket);
  });

  return { io, resyncLocal };
}
