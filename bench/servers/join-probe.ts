// The server's own share of each join: from the TCP accept to the `state` handed to the socket.
// The generator's connect → state also holds the wait in the kernel's accept queue and in the
// generator's own event loop; set side by side, the two tell the server's time from the
// machine's. Bench servers only: it reads ws's TCP socket (`transport.socket._socket`) and wraps
// Socket.IO's `emit` once for the whole process (no closure per socket, so heap per phone is not
// touched).
import type { EventEmitter } from "node:events";
import type { Server } from "node:http";
import type { Socket as NetSocket } from "node:net";
import { Socket } from "socket.io";

type EngineConnection = { transport?: { socket?: { _socket?: NetSocket } } };

/** Starts timing joins; the function returned hands over the times (ms) so far and forgets them. */
export function probeJoins(http: Server, engine: EventEmitter): () => number[] {
  const acceptedAt = new WeakMap<NetSocket, number>();
  const startedAt = new WeakMap<object, number>();
  let times: number[] = [];
  http.on("connection", (tcp: NetSocket) => acceptedAt.set(tcp, performance.now()));
  engine.on("connection", (conn: EngineConnection) => {
    const tcp = conn.transport?.socket?._socket;
    const at = tcp && acceptedAt.get(tcp);
    if (at !== undefined) startedAt.set(conn, at);
  });
  const emit = Socket.prototype.emit;
  Socket.prototype.emit = function (this: Socket, event: string, ...args: unknown[]) {
    if (event === "state") {
      const at = startedAt.get(this.conn);
      if (at !== undefined) {
        times.push(performance.now() - at);
        startedAt.delete(this.conn); // the first state only
      }
    }
    return emit.call(this, event, ...(args as [])) as boolean;
  } as typeof emit;
  return () => {
    const taken = times;
    times = [];
    return taken;
  };
}
