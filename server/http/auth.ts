// The caller of an HTTP request, from its bearer token.
import type { FastifyRequest } from "fastify";
import type { Actor, Expected } from "../service/access.js";
import type { Tribune } from "../service/tribune.js";

export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() || header.trim();
}

/** `expected` "organizer" on organizer-only routes, so a wrong token is named as the admin token. */
export const actorOf = (tribune: Tribune, req: FastifyRequest, expected?: Expected): Promise<Actor> =>
  tribune.authenticate(bearer(req), req.ip, expected);
