// Servers under test run in child processes, so the load generator and the server each have
// their own CPU, measured apart from /proc. A child says `ready` with its port over IPC and
// answers `mem` (heap after a full GC) and `eld` (event-loop delay) requests.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildReply, LoopDelay, MemInfo } from "../servers/ipc.js";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH_DIR);

export interface Child {
  name: string;
  pid: number;
  url: string;
  port: number;
  mem(): Promise<MemInfo>;
  /** Event-loop delay since the last reset (and resets it). */
  loopDelay(): Promise<LoopDelay>;
  /** Asks the child something of its own (setup of the bare servers). */
  request<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
  exited: boolean;
  stderrTail(): string;
}

const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) if (child.pid && child.exitCode === null) process.kill(child.pid, "SIGKILL");
});

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

let requestIds = 0;

/** Starts `entry` (a .ts file under bench/servers) with tsx in a child process. */
export function startChild(name: string, entry: string, options: StartOptions = {}): Promise<Child> {
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", join(BENCH_DIR, "servers", entry)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  live.add(proc);
  let stderr = "";
  const keep = (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  };
  proc.stderr?.on("data", keep);
  proc.stdout?.on("data", keep);
  const pending = new Map<number, (reply: ChildReply) => void>();
  proc.on("message", (message: ChildReply) => {
    if ("id" in message && typeof message.id === "number") pending.get(message.id)?.(message);
  });

  const ask = <T>(message: Record<string, unknown>, timeoutMs = 60_000): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++requestIds;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name}: no answer to ${String(message.type)}`));
      }, timeoutMs);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        if ("error" in reply && reply.error) reject(new Error(`${name}: ${reply.error}`));
        else resolve(reply as T);
      });
      proc.send({ ...message, id });
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60_000} ms: ${stderr.slice(-800)}`));
    }, options.timeoutMs ?? 60_000);
    proc.once("exit", (code, signal) => {
      live.delete(proc);
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready: ${stderr.slice(-800)}`));
    });
    const onReady = (message: ChildReply) => {
      if (message.type !== "ready") return;
      proc.off("message", onReady);
      clearTimeout(timer);
      proc.removeAllListeners("exit");
      const child: Child = {
        name,
        pid: proc.pid!,
        port: message.port,
        url: `http://127.0.0.1:${message.port}`,
        exited: false,
        mem: () => ask<MemInfo>({ type: "mem" }),
        loopDelay: () => ask<LoopDelay>({ type: "eld" }),
        request: <T>(m: Record<string, unknown>) => ask<T>(m),
        stderrTail: () => stderr,
        stop: () =>
          new Promise<void>((done) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return done();
            const force = setTimeout(() => proc.kill("SIGKILL"), 15_000);
            proc.once("exit", () => {
              clearTimeout(force);
              done();
            });
            proc.kill("SIGTERM");
          }),
      };
      proc.once("exit", () => {
        live.delete(proc);
        child.exited = true;
      });
      resolve(child);
    };
    proc.on("message", onReady);
  });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * The server as `npm run build:server` makes it, compiled into bench/dist (ignored by git
 * and biome) so the bench never races another build of dist/. Rebuilt when a source is newer.
 * Returns the file URL of the built server/app.js.
 */
export function buildServer(log: (line: string) => void): string {
  const out = join(BENCH_DIR, "dist");
  const app = join(out, "server", "app.js");
  const built = existsSync(app) ? statSync(app).mtimeMs : 0;
  if (built < Math.max(newest(join(ROOT, "server")), newest(join(ROOT, "shared")))) {
    log("building the server (tsc) into bench/dist …");
    mkdirSync(out, { recursive: true });
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--outDir", out], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      // tsc emits despite type errors: run what was emitted, but say so.
      const out = (error as { stdout?: Buffer }).stdout?.toString() ?? "";
      if (!existsSync(app)) throw new Error(`tsc failed: ${out.slice(0, 800)}`);
      log(`warning: tsc reported errors (the server was built anyway): ${out.split("\n")[0]}`);
    }
  }
  return new URL(`file://${app}`).href;
}
