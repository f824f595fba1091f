// Helpers of the hardening scenarios: clients that come from a given address (through a
// trusted proxy's X-Forwarded-For), raw HTTP without keep-alive, and small waits.
import { request } from "node:http";
import { io, type Socket } from "socket.io-client";

export const ORIGIN = "http://localhost:3000";

/** Connects a socket as if from `address` (the test server trusts X-Forwarded-For). */
export function connectFrom(
  base: string,
  auth: Record<string, unknown>,
  options: { address?: string; origin?: string } = {},
): Promise<Socket> {
  const headers: Record<string, string> = { origin: options.origin ?? ORIGIN };
  if (options.address) headers["x-forwarded-for"] = options.address;
  const socket = io(base, { auth, transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: headers });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request on its own connection, closed afterwards (nothing left in a pool). */
export function rawRequest(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawReply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { connection: "close", ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000, what = "a condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const closeAll = (sockets: Socket[]): void => {
  for (const s of sockets) s.close();
};
