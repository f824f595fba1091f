// The one entry of every event a socket sends: the connection's rate limit, then the protocol
// table (an unknown event is `invalid`, one the socket's role may not send is `forbidden`), then
// its handler, whose answer or error goes back in the acknowledgement: `{ok: true, data}` or
// `{ok: false, error}`, with the same error codes as HTTP.
import { ERR } from "../../shared/error-catalogue.js";
import type { Ack, AppError } from "../../shared/errors.js";
import { CLIENT_EVENTS, type ClientEventName } from "../../shared/protocol.js";
import { type Bucket, RATE_RULES, takeToken } from "../core/rate-limits.js";
import { type Logger, toErrorBody } from "../edge/error-body.js";
import type { Tribune } from "../service/tribune.js";
import { EVENT_HANDLERS } from "./event-handlers.js";
import type { IoSocket } from "./socket-data.js";

/**
 * Each socket's address (after TRUST_PROXY), for the per-address ceiling. Kept here rather than
 * in `socket.data`, which other nodes can read through the adapter: an address never leaves the node.
 */
const addresses = new WeakMap<object, string>();

export function rememberAddress(socket: IoSocket, address: string): void {
  addresses.set(socket, address);
}

/** Told of every answered event: its name, `ok` or the error code, and the seconds it took (metrics). */
export type AnswerObserver = (event: string, outcome: string, seconds: number) => void;

/** Refused events in a row after which a socket that keeps flooding is disconnected. */
export const FLOOD_DISCONNECT = 200;

const isEvent = (name: string): name is ClientEventName => Object.hasOwn(CLIENT_EVENTS, name);

/** The refusal of an event before its handler runs, or null when it may run. */
function refusal(socket: IoSocket, event: string): AppError | null {
  if (!isEvent(event)) return ERR.unknownSocketEvent(event);
  const roles: readonly string[] = CLIENT_EVENTS[event].roles;
  return roles.includes(socket.data.role) ? null : ERR.roleForbidden();
}

/**
 * Every event spends a token of the connection's bucket (RATE_RULES.socket), kept in the socket's
 * own memory: a socket lives on one node. Past the limit the event is answered `rate_limited` and
 * dropped; a socket still flooding after FLOOD_DISCONNECT refusals in a row is disconnected.
 */
export function dispatchEvents(
  socket: IoSocket,
  tribune: Tribune,
  log: Logger,
  observe: AnswerObserver = () => {},
  now: () => number = Date.now,
): void {
  let bucket: Bucket | undefined;
  let refused = 0;
  socket.onAny(async (event: string, ...args: unknown[]) => {
    // `socket.emit(event, ack)` sends no payload: the acknowledgement comes first.
    const started = performance.now();
    const last = args.at(-1);
    const send = typeof last === "function" ? (last as (answer: Ack<unknown>) => void) : () => {};
    const ack = (answer: Ack<unknown>) => {
      send(answer);
      observe(event, answer.ok ? "ok" : answer.error.code, (performance.now() - started) / 1000);
    };
    const payload = typeof args[0] === "function" ? undefined : args[0];
    const lang = socket.data.lang;
    const taken = takeToken(bucket, RATE_RULES.socket, now());
    bucket = taken.bucket;
    if (taken.retryAfter > 0) {
      ack({ ok: false, error: ERR.socketTooFast(taken.retryAfter).body(lang) });
      if (++refused >= FLOOD_DISCONNECT) socket.disconnect(true);
      return;
    }
    refused = 0;
    const denied = refusal(socket, event);
    if (denied) return ack({ ok: false, error: denied.body(lang) });
    try {
      const handler = EVENT_HANDLERS[event as ClientEventName] as (call: unknown, payload: unknown) => Promise<unknown>;
      const data = await handler({ tribune, caller: { address: addresses.get(socket) }, ...socket.data }, payload);
      ack({ ok: true, data });
    } catch (error) {
      ack({ ok: false, error: toErrorBody(error, lang, log) });
    }
  });
}
