// Who a socket is, decided once at the handshake: a bad code or key is a connect_error
// whose message says which.
import { ERR } from "../../shared/error-catalogue.js";
import { AppError, type Lang } from "../../shared/errors.js";
import { normalizeCode } from "../../shared/limits.js";
import { handshakeAuth, hasForbiddenKey } from "../../shared/schemas.js";
import { opensRoom, PUBLIC } from "../service/access.js";
import type { Tribune } from "../service/tribune.js";
import type { IoSocket, SocketData } from "./socket-data.js";

type Next = (err?: Error) => void;

/** A connect_error carrying the same code as HTTP errors in `data`. */
export function refuse(error: unknown, lang: Lang): Error {
  const known = error instanceof AppError ? error : ERR.unavailable();
  const err = new Error(known.text[lang]) as Error & { data: unknown };
  err.data = known.body(lang);
  return err;
}

export const langOf = (auth: unknown): Lang => ((auth as { lang?: unknown } | undefined)?.lang === "fr" ? "fr" : "en");

export function handshake(tribune: Tribune) {
  return async (socket: IoSocket, next: Next) => {
    const raw: unknown = socket.handshake.auth;
    const lang = langOf(raw);
    try {
      const parsed = handshakeAuth.safeParse(raw);
      if (!parsed.success || hasForbiddenKey(raw)) throw ERR.badHandshake();
      const auth = parsed.data;
      const room = await tribune.events.room(normalizeCode(auth.code));
      const data: SocketData = { role: "screen", code: room.code, lang, actor: PUBLIC }; // one object for every public socket
      if ("moderatorKey" in auth) {
        const actor = await tribune.authenticate(auth.moderatorKey, socket.handshake.address);
        if (!opensRoom(actor, room.eventId, room.code)) throw ERR.keyNotForRoom();
        Object.assign(data, { role: actor.role === "speaker" ? "speaker" : "moderator", actor });
      } else if ("participantId" in auth) {
        Object.assign(data, { role: "participant", participantId: auth.participantId });
      }
      socket.data = data;
      next();
    } catch (error) {
      next(refuse(error, lang));
    }
  };
}
