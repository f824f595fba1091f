// Who a socket is, decided once at its handshake, and the Socket.IO server typed from the
// protocol table.
import type { Server, Socket } from "socket.io";
import type { Lang } from "../../shared/errors.js";
import type { ClientToServer, ServerToClient, SocketRole } from "../../shared/protocol.js";
import type { Actor } from "../service/access.js";

export interface SocketData {
  role: SocketRole;
  code: string;
  lang: Lang;
  participantId?: string;
  actor: Actor;
}

/** Events between nodes: "send a fresh state to your sockets of this room", "these reactions were sent to me". */
export interface InterServer {
  "tribune:resync": (code: string) => void;
  "tribune:reactions": (code: string, counts: Record<string, number>) => void;
}

export type IoServer = Server<ClientToServer, ServerToClient, InterServer, SocketData>;
export type IoSocket = Socket<ClientToServer, ServerToClient, InterServer, SocketData>;
