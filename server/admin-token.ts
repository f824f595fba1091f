// The organizer's token: from ADMIN_TOKEN, or generated once and kept in DATA_DIR (mode 0600).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function ensureAdminToken(dataDir: string, fromEnv: string | undefined): { token: string; created: boolean } {
  if (fromEnv) return { token: fromEnv, created: false };
  const file = join(dataDir, "admin-token");
  if (existsSync(file)) return { token: readFileSync(file, "utf8").trim(), created: false };
  const token = randomBytes(24).toString("base64url");
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: "wx" });
  return { token, created: true };
}
