// The HTTP door: one fastify route per row of the protocol table, each running its handler.
// Moderator and organizer routes need a key before anything else (401, or 429 after too many
// wrong keys); the service then checks the resource (404), the key's rights (403), the body
// (400) and the state (409), in the contract's order.
import type { FastifyInstance, HTTPMethods } from "fastify";
import { normalizeCode } from "../../shared/limits.js";
import { KEYED_ROLES, ROUTES, type RouteKey } from "../../shared/protocol.js";
import { routeMethod, routePath } from "../../shared/route-url.js";
import { type Actor, refuseSpeaker, requireKey } from "../service/access.js";
import { bearer } from "./auth.js";
import { BACKSTAGE_HANDLERS } from "./handlers/backstage-handlers.js";
import { DOCS_HANDLERS } from "./handlers/docs-handlers.js";
import { EVENT_HANDLERS } from "./handlers/event-handlers.js";
import { type AppContext, type HttpHandler, type HttpHandlers, Serialised } from "./handlers/http-call.js";
import { POLL_HANDLERS } from "./handlers/poll-handlers.js";
import { QUESTION_HANDLERS } from "./handlers/question-handlers.js";
import { ROOM_HANDLERS } from "./handlers/room-handlers.js";
import { SESSION_HANDLERS } from "./handlers/session-handlers.js";

/** Every route of the table has its handler: a missing one is a type error here. */
const HANDLERS: HttpHandlers = {
  ...DOCS_HANDLERS,
  ...EVENT_HANDLERS,
  ...ROOM_HANDLERS,
  ...SESSION_HANDLERS,
  ...POLL_HANDLERS,
  ...QUESTION_HANDLERS,
  ...BACKSTAGE_HANDLERS,
};

export function registerRoutes(app: FastifyInstance, context: AppContext): void {
  const { tribune } = context;
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    const spec = ROUTES[key];
    const handler = HANDLERS[key] as HttpHandler<RouteKey>;
    const needsKey = KEYED_ROLES.includes(spec.role);
    const expected = spec.role === "organizer" ? "organizer" : "moderator";
    app.route({
      method: routeMethod(key) as HTTPMethods,
      url: routePath(key),
      ...("bodyLimit" in spec ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (req, reply) => {
        let actor: Promise<Actor> | undefined;
        const actorOf = () => {
          actor ??= tribune.authenticate(bearer(req), req.ip, expected);
          return actor;
        };
        if (needsKey) {
          const actor = await actorOf();
          requireKey(actor, expected);
          refuseSpeaker(actor, spec.role);
        }
        const params = { ...(req.params as Record<string, string>) };
        if (params.code !== undefined) params.code = normalizeCode(params.code);
        reply.code("status" in spec ? spec.status : 200);
        // The call inherits the app's context rather than copying it: spreading that object cost
        // microseconds per request (a slow path of object spread), a tenth of a cached GET.
        const call = Object.assign(Object.create(context) as AppContext, {
          params,
          body: req.body,
          query: req.query,
          actor: actorOf,
          caller: { address: req.ip },
          reply,
        });
        const answer = await handler(call as never);
        if (reply.statusCode === 204) return reply.send();
        if (answer instanceof Serialised) return reply.type("application/json; charset=utf-8").send(answer.json);
        return reply.send(answer);
      },
    });
  }
}
