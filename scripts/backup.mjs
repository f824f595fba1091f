// `npm run backup -- <file>`: builds the server if needed (never the pages), then copies the
// SQLite store (server/backup-main.ts).
import { buildServerIfStale } from "./build-if-stale.mjs";

buildServerIfStale();
await import("../dist/server/backup-main.js");
