// Security headers and cross-origin rules of the HTTP door:
// - CORS follows ALLOWED_ORIGINS, like the Socket.IO handshake (edge/origins.ts);
// - a state-changing request (POST, PATCH, PUT, DELETE) sent by a page of another origin is
//   refused (403) before anything else: a foreign site cannot make its visitors' browsers vote;
// - security headers with a strict Content-Security-Policy (the API's loads nothing), HSTS only
//   when PUBLIC_URL is https, built once (security-headers.ts) and set on the raw response,
//   before any hook that may answer early: errors carry them too.
import fastifyCors from "@fastify/cors";
import type { FastifyInstance } from "fastify";
import { ERR } from "../../shared/error-catalogue.js";
import { originAllowed } from "../edge/origins.js";
import { sendError } from "./errors.js";
import { securityHeaders } from "./security-headers.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function registerSecurity(
  app: FastifyInstance,
  options: { publicUrl: string; allowedOrigins: readonly string[] },
): Promise<void> {
  const allowed = [...options.allowedOrigins];
  const headersFor = securityHeaders(options.publicUrl.startsWith("https:"));
  app.addHook("onRequest", (req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headersFor(req.url, req.headers.host)) res.setHeader(name, value);
    done();
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
