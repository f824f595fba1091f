import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    // Vitest's default leaves a core idle (cores − 1: one file at a time on two cores); the suites
    // mostly wait on servers and the browser, so every core runs a file.
    maxWorkers: "100%",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      // Use cases straight on the service: real SQLite, a recording outbox, no HTTP nor Socket.IO.
      { extends: true, test: { name: "service", include: ["test/service/**/*.test.ts"] } },
      { extends: true, test: { name: "contract", include: ["test/contract/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"] } },
      {
        // The same integration suite, with the state in Redis.
        extends: true,
        test: {
          name: "integration-redis",
          include: ["test/integration/**/*.test.ts"],
          exclude: ["test/integration/durability.test.ts"],
          env: { TEST_STORE: "redis" },
          globalSetup: ["test/helpers/redis-global-setup.ts"],
        },
      },
      { extends: true, test: { name: "cluster", include: ["test/cluster/**/*.test.ts"] } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
      { extends: true, test: { name: "bench", include: ["bench/**/*.test.ts"] } },
      {
        // Scenario tests of each defence (docs/security.md); --expose-gc lets the payload test measure the heap.
        extends: true,
        test: { name: "hardening", include: ["test/hardening/**/*.test.ts"], execArgv: ["--expose-gc"] },
      },
      {
        // The same scenarios with the state, bans, audit log and rate limits in Redis.
        extends: true,
        test: {
          name: "hardening-redis",
          include: ["test/hardening/**/*.test.ts"],
          // Headers, CSP, payload and connection limits do not depend on the store.
          exclude: ["test/hardening/origins.test.ts", "test/hardening/limits.test.ts"],
          env: { TEST_STORE: "redis" },
          globalSetup: ["test/helpers/redis-global-setup.ts"],
        },
      },
      // Property-based and model-based tests (fast-check) against a real server.
      { extends: true, test: { name: "property", include: ["test/property/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
