// Real HTTP and socket.io clients for tests.
import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import type { Ack } from "../../shared/errors.js";

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends a JSON request; `body` may be a string to send it raw. */
export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] ??= "application/json";
    payload = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(base + path, { method, headers, body: payload });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

export const newParticipantId = (): string => `p_${randomBytes(12).toString("base64url")}`;

/** Connects a socket and resolves once connected (rejects with the connect_error). */
export function connect(base: string, auth: Record<string, unknown>, options: { origin?: string } = {}): Promise<Socket> {
  const socket = io(base, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: options.origin ?? "http://localhost:3000" },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Connects and waits for the first `state`. */
export async function connectWithState(base: string, auth: Record<string, unknown>): Promise<{ socket: Socket; state: any }> {
  const socket = io(base, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: "http://localhost:3000" },
  });
  const state = await new Promise((resolve, reject) => {
    socket.once("state", resolve);
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
  return { socket, state };
}

export function emitAck<T = any>(socket: Socket, event: string, payload?: unknown): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Resolves with the next `event` whose payload matches. */
export function waitFor<T = any>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Records every payload of `event`, for later assertions. */
export function record<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}
