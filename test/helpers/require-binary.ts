// A test that needs an outside program fails loudly in CI and is skipped, with a reason, elsewhere.
import { execFileSync } from "node:child_process";

export function findBinary(name: string, candidates: string[] = []): string | null {
  for (const path of candidates) {
    try {
      execFileSync(path, ["--version"], { stdio: "ignore" });
      return path;
    } catch {}
  }
  try {
    return execFileSync("which", [name], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Returns the binary's path, throws in CI when it is missing, else returns null after printing why. */
export function requireBinary(name: string, candidates: string[] = []): string | null {
  const path = findBinary(name, candidates);
  if (path) return path;
  const reason = `${name} not found: install it (Debian package) to run these tests`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`skipped: ${reason}`);
  return null;
}
