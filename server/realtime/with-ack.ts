// Runs a socket event through the service and answers its acknowledgement with
// `{ok: true, data}` or `{ok: false, error}`, the same error codes as HTTP.
import type { Socket } from "socket.io";
import { type Ack, AppError, type ErrorBody, fail, type Lang } from "../../shared/errors.js";

export type Handler = (payload: unknown) => Promise<unknown>;

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
    const reply = typeof ack === "function" ? (ack as (answer: Ack<unknown>) => void) : () => {};
    try {
      reply({ ok: true, data: await handler(payload) });
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
