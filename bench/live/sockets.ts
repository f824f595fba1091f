// The main thread's own sockets: moderators that drive the polls and screens that stamp
// every `results` they get.
import { io, type Socket } from "socket.io-client";

export interface Screen {
  code: string;
  node: number;
  socket: Socket;
  epoch: number;
  at: number[];
  seq: number[];
}

export function connectSio(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, { auth, transports: ["websocket"], reconnection: false, forceNew: true, timeout: 20_000 });
  return new Promise((resolve, reject) => {
    socket.once("state", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

export async function ack<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const answer = (await socket.timeout(10_000).emitWithAck(event, payload)) as {
    ok: boolean;
    data: T;
    error?: { message: string };
  };
  if (!answer.ok) throw new Error(`${event}: ${answer.error?.message}`);
  return answer.data;
}
