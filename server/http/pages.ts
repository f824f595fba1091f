// The built web pages (dist/client), from the same origin as the API:
//   /                  audience home (type a code)      /<CODE>        audience page of a room
//   /screen/<CODE>     the room's projector             /moderator     moderator console
//   /speaker/<CODE>    the speaker's view (key in the fragment)
//   /poster/<CODE>     an A4 poster of a room or event
//   /organizer         organizer page (create events)   /assets/*      hashed JS, CSS, icons
//   /privacy, /confidentialite     privacy notice      /accessibility, /accessibilite  accessibility declaration
//   /report/<CODE>, /report/event/<id>   a room's or an event's report (key in the fragment), printable
//   /api-docs          the HTTP routes and Socket.IO events, read from /api/openapi.json and /api/asyncapi.json
// Pages are HTML that must be revalidated (no-cache); assets have content hashes in their names
// and are cached for a year. Both are sent precompressed (.br/.gz written at build time) when the
// browser accepts it. Anything else is left to the app's 404, so /api, /socket.io and /healthz
// are never shadowed.
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The pages' policy when the app sets none: everything from this origin, no inline script or style, no eval.
 * WebSockets are named with the request's host because older Safari does not let 'self' match ws:.
 */
export function pageCsp(host: string | undefined): string {
  const sockets = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Room codes as typed or printed: 6 characters of the look-alike-free alphabet, any case. */
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/i;
/** Event ids are 16 URL-safe base64 characters (core/rooms.ts newId). */
const EVENT_ID = /^[A-Za-z0-9_-]{16}$/;

function varyOnEncoding(res: { getHeader(name: string): unknown; setHeader(name: string, value: string): void }): void {
  const vary = res.getHeader("vary");
  if (!vary) res.setHeader("vary", "Accept-Encoding");
}

export async function registerPages(app: FastifyInstance, clientDir: string): Promise<void> {
  // Hashed assets: immutable, one year.
  await app.register(fastifyStatic, {
    root: join(clientDir, "assets"),
    prefix: "/assets/",
    decorateReply: false,
    wildcard: true,
    index: false,
    list: false,
    dotfiles: "deny",
    preCompressed: true,
    immutable: true,
    maxAge: "365d",
    setHeaders: varyOnEncoding,
  });

  // Pages: served by name only, through reply.sendFile; no route of their own from the plugin.
  await app.register(fastifyStatic, {
    root: clientDir,
    serve: false,
    decorateReply: true,
    index: false,
    dotfiles: "deny",
    preCompressed: true,
    cacheControl: false,
    setHeaders(res) {
      res.setHeader("cache-control", "no-cache");
      varyOnEncoding(res);
    },
  });

  // The app's security headers (security-headers.ts) win where they are set; a page is never sent without them.
  const send = (req: FastifyRequest, reply: FastifyReply, file: string) => {
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", pageCsp(req.headers.host));
    if (!reply.hasHeader("referrer-policy")) reply.header("referrer-policy", "no-referrer");
    if (!reply.hasHeader("x-content-type-options")) reply.header("x-content-type-options", "nosniff");
    return reply.sendFile(file);
  };
  const page = (file: string) => (req: FastifyRequest, reply: FastifyReply) => send(req, reply, file);

  app.get("/", page("index.html"));
  app.get("/moderator", page("moderator.html"));
  app.get("/organizer", page("organizer.html"));
  // The French address opens the page in French (the page reads its own path).
  for (const path of ["/privacy", "/confidentialite"]) app.get(path, page("privacy.html"));
  for (const path of ["/accessibility", "/accessibilite"]) app.get(path, page("accessibility.html"));
  app.get("/api-docs", page("api-docs.html"));
  app.get<{ Params: { code: string } }>("/:code", (req, reply) =>
    CODE.test(req.params.code) ? send(req, reply, "index.html") : reply.callNotFound(),
  );
  app.get<{ Params: { code: string } }>("/screen/:code", (req, reply) =>
    CODE.test(req.params.code) ? send(req, reply, "screen.html") : reply.callNotFound(),
  );
  app.get<{ Params: { code: string } }>("/speaker/:code", (req, reply) =>
    CODE.test(req.params.code) ? send(req, reply, "speaker.html") : reply.callNotFound(),
  );
  app.get<{ Params: { code: string } }>("/poster/:code", (req, reply) =>
    CODE.test(req.params.code) ? send(req, reply, "poster.html") : reply.callNotFound(),
  );
  app.get<{ Params: { code: string } }>("/report/:code", (req, reply) =>
    CODE.test(req.params.code) ? send(req, reply, "report.html") : reply.callNotFound(),
  );
  app.get<{ Params: { id: string } }>("/report/event/:id", (req, reply) =>
    EVENT_ID.test(req.params.id) ? send(req, reply, "report.html") : reply.callNotFound(),
  );
}
