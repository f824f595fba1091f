// /api/openapi.json and /api/asyncapi.json: the protocol table as OpenAPI and AsyncAPI documents,
// made and serialised once (server/api-docs).
import { apiDocuments } from "../../api-docs/documents.js";
import { type HttpHandlers, Serialised } from "./http-call.js";

let serialised: { openapi: Serialised; asyncapi: Serialised } | undefined;
const documents = () => {
  if (!serialised) {
    const { openapi, asyncapi } = apiDocuments();
    serialised = { openapi: new Serialised(JSON.stringify(openapi)), asyncapi: new Serialised(JSON.stringify(asyncapi)) };
  }
  return serialised;
};

export const DOCS_HANDLERS = {
  "GET /api/openapi.json": async () => documents().openapi,
  "GET /api/asyncapi.json": async () => documents().asyncapi,
} satisfies Partial<HttpHandlers>;
