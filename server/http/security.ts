// Security headers and cross-origin rules of the HTTP door:
// - CORS follows ALLOWED_ORIGINS, like the Socket.IO handshake (edge/origins.ts);
// - a state-changing request (POST, PATCH, PUT, DELETE) sent by a page of another origin is
//   refused (403) before anything else: a foreign site cannot make its visitors' browsers vote;
// - helmet's headers with a strict Content-Security-Policy, HSTS only when PUBLIC_URL is https.
import type { IncomingMessage } from "node:http";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import { ERR } from "../../shared/error-catalogue.js";
import { originAllowed } from "../edge/origins.js";
import { sendError } from "./errors.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** One year, without subdomains or preload: those commit the operator's whole domain. */
const HSTS_SECONDS = 365 * 24 * 60 * 60;

/** WebSockets of the request's own host, for browsers whose 'self' does not cover ws: and wss:. */
export function socketSources(host: string | undefined): string {
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : "";
}

/** The policy of every response, pages included (default-src 'self', no inline code, no framing). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'", (req: IncomingMessage) => socketSources(req.headers.host)],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurity(
  app: FastifyInstance,
  options: { publicUrl: string; allowedOrigins: readonly string[] },
): Promise<void> {
  const allowed = [...options.allowedOrigins];
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: options.publicUrl.startsWith("https:")
      ? { maxAge: HSTS_SECONDS, includeSubDomains: false, preload: false }
      : false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
  });
  await app.register(fastifyCors, {
    // Same-origin requests need no CORS header; other origins only when ALLOWED_ORIGINS lists them.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.includes(origin)),
    methods: ["GET", "HEAD", "POST", "PATCH", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type", "Accept-Language"],
    exposedHeaders: ["Retry-After", "Content-Disposition"],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });
  app.addHook("onRequest", (req, reply, done) => {
    if (!UNSAFE.has(req.method) || originAllowed(req.raw, allowed)) return done();
    sendError(req, reply, ERR.crossSite());
  });
}
