// GET /api/openapi.json: an OpenAPI 3.1 document of every row of the protocol table's ROUTES,
// with the zod schemas that validate the bodies. Made once (the table does not change at run time).
import { ERROR_STATUS, type ErrorCode } from "../../shared/errors.js";
import { KEYED_ROLES, ROUTES, type RouteKey } from "../../shared/protocol.js";
import { routeMethod, routePath } from "../../shared/route-url.js";
import { ERROR_BODY, type JsonSchema, jsonSchema, namedShape } from "./json-schema.js";

type Security = Record<string, string[]>[];

const KEY: Security = [{ moderatorKey: [] }, { organizerToken: [] }];
const ORGANIZER: Security = [{ organizerToken: [] }];
/** Routes whose key is not the table's role: /metrics takes METRICS_TOKEN, or nothing from this machine. */
const SECURITY_OF: Partial<Record<RouteKey, Security>> = { "GET /metrics": [{ metricsToken: [] }, {}] };

const PARAMETER_TEXT: Record<string, string> = {
  code: "A room code: 6 characters, case-insensitive.",
  id: "The resource's id.",
};

/** `/api/polls/:id/open` → `/api/polls/{id}/open`, and the names of its parameters. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function errorResponses(key: RouteKey, hasBody: boolean, params: string[]): Record<string, unknown> {
  const spec = ROUTES[key];
  const codes = new Set<ErrorCode>(["rate_limited", "unavailable"]);
  if (KEYED_ROLES.includes(spec.role) || key in SECURITY_OF) codes.add("unauthorized").add("forbidden");
  if (params.length > 0) codes.add("not_found");
  if (hasBody) codes.add("invalid").add("too_large");
  if (routeMethod(key) !== "GET") codes.add("conflict");
  const responses: Record<string, unknown> = {};
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
    if (codes.has(code)) responses[String(ERROR_STATUS[code])] = { $ref: `#/components/responses/${code}` };
  }
  return responses;
}

function successResponse(key: RouteKey): [string, unknown] {
  const spec = ROUTES[key];
  const status = "status" in spec ? spec.status : 200;
  if (status === 204) return ["204", { description: "Done; no body." }];
  const media = "media" in spec ? spec.media : "application/json";
  const name = spec.answer.name;
  return [String(status), { description: name, content: { [media]: { schema: namedShape(name) } } }];
}

/** One query parameter per property of a route's query schema. */
function queryParameters(query: Parameters<typeof jsonSchema>[0] | undefined): Record<string, unknown>[] {
  if (!query) return [];
  const schema = jsonSchema(query, "draft-2020-12");
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
  }));
}

function operation(key: RouteKey, params: string[]): Record<string, unknown> {
  const spec = ROUTES[key];
  const body = "body" in spec ? spec.body : undefined;
  const [status, success] = successResponse(key);
  const op: Record<string, unknown> = {
    operationId: key,
    summary: spec.summary,
    tags: [spec.role],
    "x-role": spec.role,
  };
  if ("event" in spec) op["x-socket-event"] = spec.event;
  const inPath = params.map((name) => ({
    name,
    in: "path",
    required: true,
    description: PARAMETER_TEXT[name] ?? name,
    schema: { type: "string" },
  }));
  const inQuery = queryParameters("query" in spec ? spec.query : undefined);
  if (inPath.length + inQuery.length > 0) op.parameters = [...inPath, ...inQuery];
  if (body) {
    const schema = jsonSchema(body, "draft-2020-12");
    // No body at all is read as `{}`: it is required only where `{}` is refused.
    const required = Array.isArray(schema.required) && schema.required.length > 0;
    op.requestBody = { required, content: { "application/json": { schema } } };
  }
  const security =
    SECURITY_OF[key] ?? (spec.role === "organizer" ? ORGANIZER : KEYED_ROLES.includes(spec.role) ? KEY : undefined);
  if (security) op.security = security;
  op.responses = { [status]: success, ...errorResponses(key, body !== undefined, params) };
  return op;
}

function errorComponents(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
    const response: Record<string, unknown> = {
      description: code,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
    if (code === "rate_limited") response.headers = { "Retry-After": { schema: { type: "integer" }, description: "Seconds." } };
    responses[code] = response;
  }
  return responses;
}

export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(ROUTES) as RouteKey[]) {
    const { path, params } = openApiPath(routePath(key));
    paths[path] ??= {};
    paths[path][routeMethod(key).toLowerCase()] = operation(key, params);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Tribune HTTP API",
      version,
      description:
        "Live polls and questions. JSON in and out. Checks run in this order: key (401), resource (404), " +
        "rights (403), body (400), state (409), rate limit (429). Most actions also exist as Socket.IO " +
        "events (x-socket-event; see /api/asyncapi.json). Answer shapes are described in docs/api.md.",
    },
    paths,
    components: {
      schemas: { Error: { type: "object", required: ["error"], properties: { error: ERROR_BODY } } },
      responses: errorComponents(),
      securitySchemes: {
        moderatorKey: {
          type: "http",
          scheme: "bearer",
          description: "The event's moderator key, or a room key (the organizer token works wherever a moderator key does).",
        },
        organizerToken: { type: "http", scheme: "bearer", description: "ADMIN_TOKEN." },
        metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN, when set." },
      },
    },
  };
}
