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

/** A socket's rate limit: its bucket and its refusals in a row, from its first event on. */
interface Limit {
  bucket: Bucket | undefined;
  refused: number;
}

/** Kept beside the socket, not in a closure per socket: an idle phone has none. */
const limits = new WeakMap<object, Limit>();

/** What `onAny` calls with the socket as `this`. */
export type Dispatcher = (this: IoSocket, event: string, ...args: unknown[]) => Promise<void>;

/**
 * The one listener of every socket's events, made once per server: it reads who the socket is
 * from `socket.data` (and its address and rate limit from the maps above), so that a socket costs
 * no closure of its own. Every event spends a token of the connection's bucket (RATE_RULES.socket),
 * kept in this node's memory: a socket lives on one node. Past the limit the event is answered
 * `rate_limited` and dropped; a socket still flooding after FLOOD_DISCONNECT refusals in a row is
 * disconnected.
 */
export function eventDispatcher(
  tribune: Tribune,
  log: Logger,
  observe: AnswerObserver = () => {},
  now: () => number = Date.now,
): Dispatcher {
  return async function dispatch(this: IoSocket, event: string, ...args: unknown[]) {
    // `socket.emit(event, ack)` sends no payload: the acknowledgement comes first.
    const started = performance.now();
    const last = args.at(-1);
    const send = typeof last === "function" ? (last as (answer: Ack<unknown>) => void) : () => {};
    const ack = (answer: Ack<unknown>) => {
      send(answer);
      observe(event, answer.ok ? "ok" : answer.error.code, (performance.now() - started) / 1000);
    };
    const payload = typeof args[0] === "function" ? undefined : args[0];
    const lang = this.data.lang;
    let limit = limits.get(this);
    if (!limit) {
      limit = { bucket: undefined, refused: 0 };
      limits.set(this, limit);
    }
    const taken = takeToken(limit.bucket, RATE_RULES.socket, now());
    limit.bucket = taken.bucket;
    if (taken.retryAfter > 0) {
      ack({ ok: false, error: ERR.socketTooFast(taken.retryAfter).body(lang) });
      if (++limit.refused >= FLOOD_DISCONNECT) this.disconnect(true);
      return;
    }
    limit.refused = 0;
    const denied = refusal(this, event);
    if (denied) return ack({ ok: false, error: denied.body(lang) });
    try {
      const handler = EVENT_HANDLERS[event as ClientEventName] as (call: unknown, payload: unknown) => Promise<unknown>;
      const data = await handler({ tribune, caller: { address: addresses.get(this) }, ...this.data }, payload);
      ack({ ok: true, data });
    } catch (error) {
      ack({ ok: false, error: toErrorBody(error, lang, log) });
    }
  };
}
