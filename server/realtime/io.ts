// The Socket.IO door: the server (origin check, message cap), then, once the service exists,
// the handshake, rooms per role, the event dispatcher and `state` on connect.
import { type Server as HttpServer, type IncomingMessage, ServerResponse } from "node:http";
import { Server } from "socket.io";
import type { AdmissionWindow } from "../core/admission.js";
import type { Logger } from "../edge/error-body.js";
import { originAllowed } from "../edge/origins.js";
import type { SocketGuard } from "../edge/socket-guard.js";
import type { StateCache } from "../service/state-cache.js";
import type { Tribune } from "../service/tribune.js";
import { type PublicView, publicView, roomState, type ViewDeps, withMe } from "../service/views.js";
import { type AnswerObserver, type Dispatcher, eventDispatcher } from "./dispatch.js";
import { handshake } from "./handshake.js";
import { joinOpened, joinOver, releasingOnRefusal } from "./join-admission.js";
import type { SocketOutbox, StateFor } from "./outbox.js";
import {
  keyRoom,
  moderatorRoom,
  PHONE_SLICES,
  participantRoom,
  phoneRoom,
  roomKeyRoom,
  screenRoom,
  speakerRoom,
  watcherRoom,
} from "./rooms.js";
import type { IoServer, IoSocket } from "./socket-data.js";
import { gate, rememberConnection } from "./socket-gate.js";

type EngineConnection = Parameters<typeof joinOpened>[0] & {
  request: IncomingMessage | null;
  remoteAddress: string;
};

/** Large enough for the biggest message of the contract (a poll of 12 options of 120 characters). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export function createIoServer(
  http: HttpServer,
  allowedOrigins: readonly string[],
  guard: SocketGuard,
  admission: AdmissionWindow,
): IoServer {
  const io: IoServer = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    serveClient: false,
    cors: { origin: [...allowedOrigins], credentials: false },
    allowRequest: (req, callback) => callback(null, originAllowed(req, allowedOrigins)),
  });
  // Keep no reference to each connection's first HTTP request: it weighs kilobytes per socket.
  io.engine.on("connection", (raw: EngineConnection) => {
    rememberConnection(raw, guard); // the client's address, for per-address limits, before dropping the request
    joinOpened(raw, admission);
    raw.request = null;
  });
  freeUpgradeRequests(io);
  return io;
}

/** What engine.io 6.6 hands its middlewares for a WebSocket upgrade instead of a ServerResponse. */
type UpgradeResponse = { req: IncomingMessage | null };

/**
 * engine.io 6.6 answers each WebSocket upgrade (a new connection or a polling one upgrading) with
 * a `WebSocketResponse` holding the upgrade request (`res.req`, for its middlewares' `setHeader`)
 * and kept alive, for the TCP connection's whole life, by the `close` listener it puts on the TCP
 * socket: 1.6 KB per phone, although io.ts drops `conn.request`. The middlewares are done when ws
 * asks for the 101's headers, so the request is let go then; the response and its listener stay,
 * so its `close` event still fires. Only that reference goes: once engine.io stops keeping it,
 * this has nothing left to do (a polling request gets a real ServerResponse and is left alone).
 */
function freeUpgradeRequests(io: IoServer): void {
  const upgrades = new WeakMap<IncomingMessage, UpgradeResponse>();
  io.engine.use((req: IncomingMessage, res: ServerResponse | UpgradeResponse, next: () => void) => {
    if (!(res instanceof ServerResponse) && res.req === req) upgrades.set(req, res);
    next();
  });
  io.engine.on("headers", (_headers: unknown, req: IncomingMessage) => {
    const res = upgrades.get(req);
    if (!res) return;
    upgrades.delete(req);
    res.req = null;
  });
}

/**
 * The state each socket gets: the moderation view for moderators (and the speaker's), the public
 * one (with `me`) for others. With `shared`, the public view is the one HTTP answers share: a join
 * storm reads the room once, and each phone only its own ballots and upvotes.
 */
export const socketState =
  (deps: ViewDeps, shared: StateCache<PublicView> | null): StateFor =>
  async (data) => {
    if (data.role === "moderator" || data.role === "speaker") return roomState(deps, data.code, data.role);
    if (!shared) return roomState(deps, data.code, "public", data.participantId);
    const view = await shared.view(data.code, () => publicView(deps, data.code));
    return data.participantId ? withMe(deps, view, data.participantId) : view.state;
  };

export function attachRealtime(
  io: IoServer,
  tribune: Tribune,
  outbox: SocketOutbox,
  guard: SocketGuard,
  admission: AdmissionWindow,
  log: Logger,
  observe?: AnswerObserver,
): void {
  io.use(releasingOnRefusal(gate(tribune, guard, admission)));
  io.use(releasingOnRefusal(handshake(tribune)));
  // Made once: every socket shares these listeners, which read who it is from `this.data`.
  const shared: Shared = { tribune, outbox, dispatch: eventDispatcher(tribune, log, observe), left: leftListener(tribune) };
  io.on("connection", async (socket) => {
    try {
      await welcome(socket, shared);
    } finally {
      // The join is over once its state is sent (or failed): the slot goes to the next phone.
      joinOver(socket.conn);
    }
  });
}

interface Shared {
  tribune: Tribune;
  outbox: SocketOutbox;
  dispatch: Dispatcher;
  /** A participant's `disconnect` listener. */
  left: (this: IoSocket) => void;
}

const leftListener = (tribune: Tribune) =>
  function left(this: IoSocket): void {
    const { code, participantId } = this.data;
    if (participantId) void tribune.left(code, participantId, this.id);
  };

const NOTHING: Record<string, never> = Object.freeze({});

/**
 * What Socket.IO keeps of the handshake for the connection's life, once the middlewares have read
 * what they need (address in socket-gate.ts, auth in handshake.ts): its `auth` goes (a moderator's
 * key would stay in memory, and travel to other nodes with `fetchSockets`), and so do its headers
 * and query (empty since the request is dropped, but an object each) and its date as a string
 * (`issued` has it as a number).
 */
function trimHandshake(socket: IoSocket): void {
  Object.assign(socket.handshake, { auth: NOTHING, headers: NOTHING, query: NOTHING, time: "" });
}

let joinedPhones = 0;
/** Phones are dealt over the slices in turn, so that each holds about as many. */
const nextSlice = (): number => joinedPhones++ % PHONE_SLICES;

/** Rooms per role, the event dispatcher and presence, then the first `state`. */
async function welcome(socket: IoSocket, { tribune, outbox, dispatch, left }: Shared): Promise<void> {
  trimHandshake(socket);
  const { code, role, actor, participantId } = socket.data;
  socket.onAny(dispatch);
  // A room key's sockets are named by the key, so that revoking it disconnects them on every node.
  if ((actor.role === "moderator" || actor.role === "speaker") && actor.room) socket.join(roomKeyRoom(actor.room.keyId));
  if (role === "moderator") {
    socket.join(moderatorRoom(code));
    if (actor.role === "moderator" && !actor.room) socket.join(keyRoom(actor.eventId));
  } else if (role === "speaker") {
    // The watchers' room brings the current session's questions as the public sees them: never pending ones.
    socket.join([watcherRoom(code), speakerRoom(code)]);
  } else if (role === "participant" && participantId) {
    socket.join([phoneRoom(code, nextSlice()), participantRoom(code, participantId)]);
    socket.on("disconnect", left);
    await tribune.joined(code, participantId, socket.id);
    if (socket.disconnected) await tribune.left(code, participantId, socket.id); // left while joining
  } else {
    socket.join([watcherRoom(code), screenRoom(code)]);
  }
  await outbox.sendState(socket);
}
