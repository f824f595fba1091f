// Runs a socket event through the service and answers its acknowledgement with
// `{ok: true, data}` or `{ok: false, error}`, the same error codes as HTTP.
import type { Server, Socket } from "socket.io";
import { type Ack, AppError, type ErrorBody, fail, type Lang } from "../../shared/errors.js";
import { type Bucket, RATE_RULES, takeToken } from "../core/rate-limits.js";
import { callerContext } from "../service/caller.js";

/**
 * Each socket's address (after TRUST_PROXY), for the per-address ceiling. Kept here rather than
 * in `socket.data`, which other nodes can read through the adapter: an address never leaves the node.
 */
const addresses = new WeakMap<Socket, string>();

export function rememberAddress(socket: Socket, address: string): void {
  addresses.set(socket, address);
}

/** Refused events in a row after which a socket that keeps flooding is disconnected. */
export const FLOOD_DISCONNECT = 200;

const tooFast = (wait: number) =>
  fail(
    "rate_limited",
    `This connection sends too many messages. Wait ${wait} s.`,
    `Cette connexion envoie trop de messages. Patientez ${wait} s.`,
    wait,
  );

/**
 * Every event this socket sends spends a token (RATE_RULES.socket), whatever it is, before any
 * handler runs; past the limit it is answered `rate_limited` and dropped. Kept in the socket's
 * own memory: a socket lives on one node. A socket still flooding after FLOOD_DISCONNECT
 * refusals in a row is disconnected.
 */
export function limitSocket(socket: Socket, now: () => number = Date.now): void {
  let bucket: Bucket | undefined;
  let refused = 0;
  socket.use((packet, next) => {
    const taken = takeToken(bucket, RATE_RULES.socket, now());
    bucket = taken.bucket;
    if (taken.retryAfter === 0) {
      refused = 0;
      return next();
    }
    const ack = packet.at(-1);
    if (typeof ack === "function") ack({ ok: false, error: tooFast(taken.retryAfter).body(socket.data.lang ?? "en") });
    if (++refused >= FLOOD_DISCONNECT) socket.disconnect(true);
  });
}

export type Handler = (payload: unknown) => Promise<unknown>;

/** Told of every answered event (its name, `ok` or the error code, and the seconds it took). */
export type AckObserver = (event: string, outcome: string, seconds: number) => void;

/** One observer per Socket.IO server (server/metrics): several apps may share a process. */
const observers = new WeakMap<Server, AckObserver>();

export function observeAcks(io: Server, observer: AckObserver): void {
  observers.set(io, observer);
}

export interface Logger {
  error(obj: unknown, msg?: string): void;
}

export function toErrorBody(error: unknown, lang: Lang, log: Logger): ErrorBody {
  if (error instanceof AppError) return error.body(lang);
  log.error({ err: error }, "unexpected failure");
  return unavailable().body(lang);
}

export const unavailable = () =>
  fail(
    "unavailable",
    "The service is unavailable for a moment. Try again shortly.",
    "Le service est momentanément indisponible. Réessayez dans un instant.",
  );

/** Registers `event` on the socket; a missing payload is allowed (`socket.emit(event, ack)`). */
export function on(socket: Socket, event: string, handler: Handler, log: Logger): void {
  socket.on(event, async (payload: unknown, ack?: unknown) => {
    if (typeof payload === "function" && ack === undefined) [payload, ack] = [undefined, payload];
    const answer = typeof ack === "function" ? (ack as (answer: Ack<unknown>) => void) : () => {};
    const started = performance.now();
    const reply = (result: Ack<unknown>) => {
      answer(result);
      observers.get(socket.nsp.server)?.(event, result.ok ? "ok" : result.error.code, (performance.now() - started) / 1000);
    };
    try {
      const address = addresses.get(socket);
      reply({ ok: true, data: await callerContext.run({ address }, () => handler(payload)) });
    } catch (error) {
      reply({ ok: false, error: toErrorBody(error, socket.data.lang ?? "en", log) });
    }
  });
}

/** Answers events this socket's role may not send: forbidden if they exist, invalid otherwise. */
export function refuseOthers(socket: Socket, known: ReadonlySet<string>, allowed: ReadonlySet<string>): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (allowed.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack !== "function") return;
    const lang: Lang = socket.data.lang ?? "en";
    const error = known.has(event)
      ? fail("forbidden", "Your role may not do this in this room.", "Votre rôle ne permet pas cette action dans cette salle.")
      : fail("invalid", `Unknown event '${event}'.`, `Événement inconnu « ${event} ».`);
    ack({ ok: false, error: error.body(lang) });
  });
}
