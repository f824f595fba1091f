// Builds the server (tsc) and the pages (Vite) when missing or older than their sources.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const newest = (dir) => {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
};
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

export function buildServerIfStale() {
  if (builtAt("dist/server/main.js") < Math.max(newest("server"), newest("shared"))) {
    execSync("npm run build:server", { stdio: "inherit" });
  }
}

export function buildClientIfStale() {
  if (builtAt("dist/client/index.html") < Math.max(newest("client"), newest("shared"))) {
    execSync("npm run build:client", { stdio: "inherit" });
  }
}
