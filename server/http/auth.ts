// The caller of an HTTP request, from its bearer token.
import type { FastifyRequest } from "fastify";
import type { Actor } from "../service/access.js";
import type { Tribune } from "../service/tribune.js";

export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() || header.trim();
}

export const actorOf = (tribune: Tribune, req: FastifyRequest): Promise<Actor> => tribune.authenticate(bearer(req), req.ip);
