// GET /api/asyncapi.json: an AsyncAPI 3.0 document of every Socket.IO event of the protocol table,
// seen from the server: it receives CLIENT_EVENTS (each answered by an acknowledgement) and sends
// SERVER_EVENTS. Made once (the table does not change at run time).
import { CLIENT_EVENTS, type ClientEventName, SERVER_EVENTS, type ServerEventName } from "../../shared/protocol.js";
import { handshakeAuth } from "../../shared/schemas.js";
import { ERROR_BODY, type JsonSchema, jsonSchema, namedShape } from "./json-schema.js";

/** AsyncAPI's default schema format is JSON Schema draft 07 with a few keywords more. */
const DRAFT_07 = "draft-07";
const CHANNEL = "#/channels/room";

/** Keys of the document allow `[A-Za-z0-9._-]` only: `poll:create` → `poll.create`; `name` keeps the event's own. */
export const asyncApiKey = (event: string): string => event.replace(/[^A-Za-z0-9._-]/g, ".");

function ackSchema(answerName: string): JsonSchema {
  return {
    oneOf: [
      {
        type: "object",
        required: ["ok", "data"],
        properties: { ok: { const: true }, data: namedShape(answerName) },
      },
      { type: "object", required: ["ok", "error"], properties: { ok: { const: false }, error: ERROR_BODY } },
    ],
  };
}

export function asyncApiDocument(version: string): JsonSchema {
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const event of Object.keys(CLIENT_EVENTS) as ClientEventName[]) {
    const spec = CLIENT_EVENTS[event];
    const key = asyncApiKey(event);
    messages[key] = {
      name: event,
      title: event,
      summary: spec.summary,
      payload: jsonSchema(spec.payload, DRAFT_07),
      "x-roles": spec.roles,
    };
    messages[`${key}.ack`] = {
      name: `${event} acknowledgement`,
      summary: `{ok: true, data: ${spec.answer.name}} or {ok: false, error}`,
      payload: ackSchema(spec.answer.name),
    };
    operations[key] = {
      action: "receive",
      channel: { $ref: CHANNEL },
      messages: [{ $ref: `${CHANNEL}/messages/${key}` }],
      summary: spec.summary,
      tags: spec.roles.map((name) => ({ name })),
      "x-direction": "client to server",
      "x-roles": spec.roles,
      reply: { channel: { $ref: CHANNEL }, messages: [{ $ref: `${CHANNEL}/messages/${key}.ack` }] },
    };
  }

  for (const event of Object.keys(SERVER_EVENTS) as ServerEventName[]) {
    const spec = SERVER_EVENTS[event];
    const key = `server.${asyncApiKey(event)}`;
    messages[key] = { name: event, title: event, summary: `Sent to ${spec.to}.`, payload: namedShape(spec.payload.name) };
    operations[key] = {
      action: "send",
      channel: { $ref: CHANNEL },
      messages: [{ $ref: `${CHANNEL}/messages/${key}` }],
      summary: `${event} (${spec.payload.name}), sent to ${spec.to}`,
      "x-direction": "server to client",
      "x-to": spec.to,
    };
  }

  return {
    asyncapi: "3.0.0",
    info: {
      title: "Tribune Socket.IO events",
      version,
      description:
        "Socket.IO (default namespace, default path). The handshake's `auth` says who the socket is " +
        "(components.schemas.HandshakeAuth): a participant, a screen, a moderator or the speaker of one room " +
        "(a room key's `moderatorKey` makes a speaker's socket when the key is a speaker's). Every client " +
        "event is acknowledged with {ok: true, data} or {ok: false, error: {code, message, retryAfter?}}, " +
        "with the same error codes as HTTP.",
    },
    defaultContentType: "application/json",
    servers: {
      tribune: {
        host: "{host}",
        protocol: "ws",
        pathname: "/socket.io",
        description: "This server (PUBLIC_URL), through Socket.IO's handshake and transports.",
        variables: { host: { default: "localhost:3000", description: "The host and port of PUBLIC_URL." } },
        "x-handshake-auth": { $ref: "#/components/schemas/HandshakeAuth" },
      },
    },
    channels: {
      room: {
        address: "/",
        title: "A room",
        description: "The room named by the handshake's code: every event of a socket concerns it.",
        messages,
      },
    },
    operations,
    components: {
      schemas: { HandshakeAuth: jsonSchema(handshakeAuth, DRAFT_07) },
    },
  };
}
