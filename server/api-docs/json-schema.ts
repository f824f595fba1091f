// The JSON Schema of a request or payload, from the zod schema that validates it: what a caller
// may send (io "input"). Lengths of trimmed texts come from their metadata (shared/schemas.ts).
import { z } from "zod";
import { ERROR_STATUS } from "../../shared/errors.js";

export type JsonSchema = Record<string, unknown>;

/** `draft-2020-12` for OpenAPI 3.1, `draft-07` for AsyncAPI 3's default schema format. */
export function jsonSchema(schema: z.ZodType, target: "draft-2020-12" | "draft-07"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target, io: "input", unrepresentable: "any" });
  return rest;
}

/** An answer whose shape is a TypeScript type only: any JSON value, named in its description. */
export function namedShape(name: string): JsonSchema {
  if (name === "null") return { type: "null" };
  if (name === "string") return { type: "string" };
  if (name.endsWith("[]")) return { type: "array", items: namedShape(name.slice(0, -2)) };
  return { type: "object", description: name };
}

/** `{code, message, retryAfter?}`, the same over HTTP and Socket.IO. */
export const ERROR_BODY: JsonSchema = {
  type: "object",
  required: ["code", "message"],
  properties: {
    code: { type: "string", enum: Object.keys(ERROR_STATUS) },
    message: { type: "string", description: "A sentence a person can act on, in the caller's language (en or fr)." },
    retryAfter: { type: "integer", minimum: 0, description: "Seconds to wait before retrying (rate_limited)." },
  },
};
