// The two API documents, made once on first request: the table they describe is fixed at start.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { asyncApiDocument } from "./asyncapi.js";
import type { JsonSchema } from "./json-schema.js";
import { openApiDocument } from "./openapi.js";

/** The package's version, from server/api-docs (tsx) or dist/server/api-docs (built). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "0.0.0";
}

let made: { openapi: JsonSchema; asyncapi: JsonSchema } | undefined;

export function apiDocuments(): { openapi: JsonSchema; asyncapi: JsonSchema } {
  if (!made) {
    const version = packageVersion();
    made = { openapi: openApiDocument(version), asyncapi: asyncApiDocument(version) };
  }
  return made;
}
