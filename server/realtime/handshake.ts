// Who a socket is, decided once at the handshake: a bad code or key is a connect_error
// whose message says which.
import type { Socket } from "socket.io";
import { AppError, fail, type Lang } from "../../shared/errors.js";
import { normalizeCode } from "../../shared/limits.js";
import { handshakeAuth, hasForbiddenKey } from "../../shared/schemas.js";
import { type Actor, mayModerate } from "../service/access.js";
import type { Tribune } from "../service/tribune.js";
import { unknownRoom } from "../service/views.js";
import { unavailable } from "./with-ack.js";

export type SocketRole = "participant" | "screen" | "moderator";

export interface SocketData {
  role: SocketRole;
  code: string;
  lang: Lang;
  participantId?: string;
  actor: Actor;
}

type Next = (err?: Error) => void;

/** A connect_error carrying the same code as HTTP errors in `data`. */
function refuse(error: AppError, lang: Lang): Error {
  const err = new Error(error.text[lang]) as Error & { data: unknown };
  err.data = error.body(lang);
  return err;
}

export function handshake(tribune: Tribune) {
  return async (socket: Socket, next: Next) => {
    const raw = socket.handshake.auth as Record<string, unknown>;
    const lang: Lang = raw?.lang === "fr" ? "fr" : "en";
    try {
      const parsed = handshakeAuth.safeParse(raw);
      if (!parsed.success || hasForbiddenKey(raw)) {
        throw fail(
          "invalid",
          "Join with a room code and a participant id, a moderator key, or as a screen.",
          "Rejoignez avec un code de salle et un identifiant de participant, une clé de modération, ou comme écran.",
        );
      }
      const auth = parsed.data;
      const code = normalizeCode(auth.code);
      const room = await tribune.deps.store.getRoom(code);
      if (!room) throw unknownRoom();
      const data: SocketData = { role: "screen", code, lang, actor: { role: "public" } };
      if ("moderatorKey" in auth) {
        const actor = await tribune.authenticate(auth.moderatorKey, socket.handshake.address);
        if (!mayModerate(actor, room.eventId)) {
          throw fail(
            "forbidden",
            "This moderator key is not valid for this room.",
            "Cette clé de modération n'est pas valide pour cette salle.",
          );
        }
        Object.assign(data, { role: "moderator", actor });
      } else if ("participantId" in auth) {
        Object.assign(data, { role: "participant", participantId: auth.participantId });
      }
      socket.data = data;
      next();
    } catch (error) {
      next(refuse(error instanceof AppError ? error : unavailable(), lang));
    }
  };
}
