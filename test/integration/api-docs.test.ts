// GET /api/openapi.json and /api/asyncapi.json: valid OpenAPI 3.1 and AsyncAPI 3 documents (checked
// by their own validators, offline), naming every route and every event of the protocol table, with
// request schemas that refuse what the server refuses.
import { Parser } from "@asyncapi/parser";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { asyncApiKey } from "../../server/api-docs/asyncapi.js";
import { openApiPath } from "../../server/api-docs/openapi.js";
import { CLIENT_EVENTS, ROUTES, type RouteKey, SERVER_EVENTS } from "../../shared/protocol.js";
import { routeMethod, routePath } from "../../shared/route-url.js";
import { api } from "../helpers/clients.js";
import { useServer } from "../helpers/use-server.js";

/** A JSON document, read field by field. */
type Doc = any;

describe("API documents", () => {
  const server = useServer();
  let openapi: Doc;
  let asyncapi: Doc;

  beforeAll(async () => {
    const [o, a] = await Promise.all([api(server.url, "GET", "/api/openapi.json"), api(server.url, "GET", "/api/asyncapi.json")]);
    expect([o.status, a.status]).toEqual([200, 200]);
    openapi = o.body;
    asyncapi = a.body;
  });

  it("the OpenAPI document is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(openapi);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("the AsyncAPI document is valid AsyncAPI 3 (no error diagnostic)", async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncapi));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join("/")}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe("3.0.0");
  });

  it("every route of the table is an operation, with its role, status and security", () => {
    for (const key of Object.keys(ROUTES) as RouteKey[]) {
      const spec = ROUTES[key];
      const op = openapi.paths[openApiPath(routePath(key)).path]?.[routeMethod(key).toLowerCase()];
      expect(op, key).toBeDefined();
      expect(op.summary).toBe(spec.summary);
      expect(op["x-role"]).toBe(spec.role);
      expect(Object.keys(op.responses)).toContain(String("status" in spec ? spec.status : 200));
      if (spec.role === "organizer") expect(op.security).toEqual([{ organizerToken: [] }]);
      if (spec.role === "moderator") expect(op.security).toContainEqual({ moderatorKey: [] });
      if (spec.role === "anyone" || spec.role === "participant")
        expect(op.security === undefined || key === "GET /metrics").toBe(true);
    }
    expect(openapi.paths["/api/polls/{id}/open"].post.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
    ]);
    expect(openapi.paths["/metrics"].get.security).toEqual([{ metricsToken: [] }, {}]);
    expect(openapi.paths["/api/events/{id}"].delete.responses["204"]).toBeDefined();
  });

  it("errors are {error: {code, message, retryAfter?}} with the contract's codes", () => {
    const error = openapi.components.schemas.Error.properties.error;
    expect(error.required).toEqual(["code", "message"]);
    expect(error.properties.code.enum).toEqual([
      "unauthorized",
      "forbidden",
      "not_found",
      "invalid",
      "too_large",
      "conflict",
      "rate_limited",
      "unavailable",
    ]);
    expect(Object.keys(openapi.paths["/api/rooms/{code}/polls"].post.responses).sort()).toEqual(
      ["201", "400", "401", "403", "404", "409", "413", "429", "503"].sort(),
    );
  });

  it("every client event is received with its roles and acknowledged; every server event is sent", () => {
    const messages = asyncapi.channels.room.messages;
    for (const [event, spec] of Object.entries(CLIENT_EVENTS)) {
      const op = asyncapi.operations[asyncApiKey(event)];
      expect(op?.action, event).toBe("receive");
      expect(op["x-roles"]).toEqual(spec.roles);
      expect(messages[asyncApiKey(event)].name).toBe(event);
      expect(messages[`${asyncApiKey(event)}.ack`].payload.oneOf).toHaveLength(2);
    }
    for (const event of Object.keys(SERVER_EVENTS)) {
      expect(asyncapi.operations[`server.${asyncApiKey(event)}`]?.action, event).toBe("send");
    }
    expect(asyncapi.components.schemas.HandshakeAuth.anyOf).toHaveLength(3);
  });

  it("a request schema refuses what the server refuses: a poll title of 201 characters", async () => {
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(openapi.paths["/api/rooms/{code}/polls"].post.requestBody.content["application/json"].schema);
    const ev = await server.event();
    const good = { title: "é".repeat(200), kind: "single", options: ["A", "B"] };
    const bad = { ...good, title: "é".repeat(201) };
    expect(check(good)).toBe(true);
    expect(check(bad)).toBe(false);
    const token = ev.moderatorKey;
    expect((await api(server.url, "POST", `/api/rooms/${ev.code}/polls`, { token, body: bad })).status).toBe(400);
    expect((await api(server.url, "POST", `/api/rooms/${ev.code}/polls`, { token, body: good })).status).toBe(201);
  });

  it("a socket payload schema refuses what the server refuses: a question of 281 characters", async () => {
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(asyncapi.channels.room.messages.ask.payload);
    expect(check({ text: "x".repeat(280) })).toBe(true);
    expect(check({ text: "x".repeat(281) })).toBe(false);
    expect(check({})).toBe(false);
  });
});
