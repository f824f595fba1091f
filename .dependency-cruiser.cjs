// The layer rules of docs/architecture.md, checked on every `npm test` (npm run depcruise).
// Data flows down: client → shared ← server edges → service → core → shared; store below service.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "No import cycle, inside a folder or between folders.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "shared-is-shared",
      comment: "shared/ is imported by both sides and imports nothing of theirs.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(server|client|test|bench)/" },
    },
    {
      name: "client-only-shared",
      comment: "The pages know the server only through shared/ (the protocol table, types, limits, rules).",
      severity: "error",
      from: { path: "^client/" },
      to: { path: "^(server|test|bench)/" },
    },
    {
      name: "client-no-schemas",
      comment: "zod stays out of the pages: the table is imported for its types only (shared/route-url.ts at run time).",
      severity: "error",
      from: { path: "^client/" },
      to: { path: "^(shared/(protocol|schemas)\\.ts|node_modules/zod/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "core-is-pure",
      comment: "server/core holds pure rules: of the project it imports only itself and shared/.",
      severity: "error",
      from: { path: "^server/core/" },
      to: { path: "^(server|client|test|bench|scripts)/", pathNot: "^server/core/" },
    },
    {
      name: "core-does-no-io",
      comment: "No server, socket, store or metrics library in the pure rules (pure libraries, e.g. stemmers, are fine).",
      severity: "error",
      from: { path: "^server/core/" },
      to: { path: "^node_modules/(fastify|@fastify|socket\\.io|@socket\\.io|ioredis|better-sqlite3|prom-client|playwright)" },
    },
    {
      name: "store-below-service",
      comment: "The store applies commands: it knows no use case, no door, no cluster port.",
      severity: "error",
      from: { path: "^server/store/" },
      to: { path: "^server/(service|http|realtime|edge|cluster|metrics)/" },
    },
    {
      name: "service-knows-no-door",
      comment: "The service talks to the world through its ports (service/ports.ts), never through a door.",
      severity: "error",
      from: { path: "^server/service/" },
      to: { path: "^server/(http|realtime|edge|cluster|metrics)/" },
    },
    {
      name: "doors-go-through-the-service",
      comment: "HTTP and Socket.IO call the service; they never reach the store.",
      severity: "error",
      from: { path: "^server/(http|realtime|edge)/" },
      to: { path: "^server/store/" },
    },
    {
      name: "doors-apart",
      comment: "The two doors do not import each other: what they share lives in server/edge.",
      severity: "error",
      from: { path: "^server/http/" },
      to: { path: "^server/realtime/" },
    },
    {
      name: "doors-apart-back",
      comment: "The two doors do not import each other: what they share lives in server/edge.",
      severity: "error",
      from: { path: "^server/realtime/" },
      to: { path: "^server/http/" },
    },
    {
      name: "edge-below-doors",
      comment: "server/edge is what both doors share; it imports neither.",
      severity: "error",
      from: { path: "^server/edge/" },
      to: { path: "^server/(http|realtime)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^dist/|^node_modules/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
