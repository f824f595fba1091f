// The bearer token of an HTTP request.
import type { FastifyRequest } from "fastify";

export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() || header.trim();
}
