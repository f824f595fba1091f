// The audience page's first load, gzip, from the built files (bench/page-weight.ts measures it).
// Builds the client first when dist/client is missing (a fresh clone).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/children.js";
import type { ScenarioOutcome } from "./lib/report.js";
import { BUDGET_BYTES, CLIENT_DIR, measurePage } from "./page-weight.js";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function runPage(log: (line: string) => void): Promise<ScenarioOutcome> {
  const started = performance.now();
  const index = join(CLIENT_DIR, "index.html");
  if (!existsSync(index)) {
    log("page: dist/client is missing, building the client (npm run build:client) …");
    execFileSync("npm", ["run", "build:client"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  }
  const stale = statSync(index).mtimeMs < Math.max(newest(join(ROOT, "client")), newest(join(ROOT, "shared")));
  const audience = measurePage("index.html");
  const screen = existsSync(join(CLIENT_DIR, "screen.html")) ? measurePage("screen.html") : null;
  const note = stale ? "(dist/client is older than client/: run npm run build:client for a fresh figure)" : undefined;
  log(
    `page: audience first load ${(audience.gzip / 1024).toFixed(1)} KB gzip in ${audience.files.length} files${stale ? " (built files older than the sources)" : ""}`,
  );
  return {
    name: "page",
    status: "ok",
    seconds: (performance.now() - started) / 1000,
    figures: [
      {
        scenario: "page",
        name: "audience page first load, gzip",
        unit: "KB",
        value: audience.gzip / 1024,
        target: { op: "<=", value: BUDGET_BYTES / 1024 },
        ...(note ? { note } : {}),
      },
      { scenario: "page", name: "audience page first load, raw", unit: "KB", value: audience.bytes / 1024 },
      ...(screen ? [{ scenario: "page", name: "screen page first load, gzip", unit: "KB", value: screen.gzip / 1024 }] : []),
    ],
    details: { audience, screen, stale },
  };
}
