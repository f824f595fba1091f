// `npm start`: builds what is missing or older than its sources, then serves.
import { buildClientIfStale, buildServerIfStale } from "./build-if-stale.mjs";

buildServerIfStale();
buildClientIfStale();
await import("../dist/server/main.js");
