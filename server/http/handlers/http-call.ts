// What an HTTP handler of the protocol table receives, and what it may answer.
import type { FastifyReply } from "fastify";
import type { Readiness, SiteInfo } from "../../../shared/model.js";
import type { RouteAnswer, RouteKey, RouteParams } from "../../../shared/protocol.js";
import type { Actor } from "../../service/access.js";
import type { Caller } from "../../service/caller.js";
import type { Tribune } from "../../service/tribune.js";

export interface HttpCall<K extends RouteKey> extends AppContext {
  /** Path parameters; a room `code` arrives normalised (codes are case-insensitive). */
  params: RouteParams<K>;
  /** The raw body: the service parses it after the resource and role checks. */
  body: unknown;
  /** The raw query string, parsed by the service like a body. */
  query: unknown;
  /** The caller, from the bearer token (already checked on moderator and organizer routes). */
  actor(): Promise<Actor>;
  /** Who is calling: the address the per-address ceiling counts. */
  caller: Caller;
  reply: FastifyReply;
}

/** What the app hands the HTTP door besides the service. */
export interface AppContext {
  tribune: Tribune;
  readiness(): Readiness;
  /** ORGANIZATION_NAME, PRIVACY_CONTACT and the default retention, for the legal pages. */
  site: SiteInfo;
  metrics: { text(): Promise<string>; contentType: string };
  /** METRICS_TOKEN, when set. */
  metricsToken: string | undefined;
}

/** An answer already serialised (a cached room state, as bytes): sent as it is, as JSON. */
export class Serialised {
  constructor(readonly json: string | Buffer) {}
}

export type HttpHandler<K extends RouteKey> = (call: HttpCall<K>) => Promise<RouteAnswer<K> | Serialised>;
export type HttpHandlers = { [K in RouteKey]: HttpHandler<K> };
