// One connection per room, reconnecting by itself, with acknowledged requests typed from the
// protocol table (type-only: the table's schemas stay out of the pages).
import type { Ack } from "../../shared/errors";
import type { ClientEventName, EventAnswer, EventPayload } from "../../shared/protocol";
import { ClientError } from "./api";
import { getLang } from "./i18n";
import { Wire } from "./wire";

export type Link = "connecting" | "online" | "offline";
export type Socket = Wire;

export function openSocket(auth: Record<string, unknown>): Wire {
  return new Wire({ ...auth, lang: getLang() });
}

/** Emits `event` and resolves with the acknowledged data; rejects with a ClientError. */
export function request<E extends ClientEventName>(
  socket: Wire,
  event: E,
  payload: EventPayload<E>,
  ms = 10_000,
): Promise<EventAnswer<E>> {
  return new Promise((resolve, reject) => {
    socket.emit(
      event,
      payload,
      (err, reply) => {
        const ack = reply as Ack<EventAnswer<E>> | undefined;
        if (err || !ack) reject(new ClientError(err?.message === "offline" ? "offline" : "timeout", ""));
        else if (ack.ok) resolve(ack.data);
        else
          reject(
            new ClientError(ack.error.code, ack.error.message, ack.error.retryAfter, ack.error.details, ack.error.suggestion),
          );
      },
      ms,
    );
  });
}
