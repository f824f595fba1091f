// The servers a live run measures: Tribune (one node or several on Redis) and the bare
// Socket.IO baseline, each in its own child process, behind one interface.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Child, startChild } from "../lib/children.js";
import { ADMIN_TOKEN, createEvent, questionCount, results } from "../lib/tribune-api.js";
import type { LiveOptions } from "./types.js";

export interface Target {
  label: "tribune" | "bare";
  nodes: Child[];
  setup(names: string[]): Promise<{ codes: string[]; moderatorKey: string }>;
  results(pollId: string): Promise<{ voters: number; seq: number }>;
  questions(code: string): Promise<number>;
  /** A room's reaction totals as the server stored them (Tribune: its store, read in-process over IPC). */
  reactionTotals(code: string): Promise<Record<string, number>>;
  /** Each join's time on the servers (ms) since the last asking. */
  serverJoinTimes(): Promise<number[]>;
  stop(): Promise<void>;
}

/** The join times every node measured (join-probe.ts). */
async function joinTimesOf(nodes: Child[]): Promise<number[]> {
  const answers = await Promise.all(nodes.map((n) => n.request<{ ms: number[] }>({ type: "join-times" })));
  return answers.flatMap((a) => a.ms);
}

export async function tribuneTarget(options: Pick<LiveOptions, "nodes" | "redisUrl" | "app">): Promise<Target> {
  const dirs: string[] = [];
  const nodes: Child[] = [];
  try {
    for (let k = 0; k < options.nodes; k++) {
      const dataDir = mkdtempSync(join(tmpdir(), "tribune-bench-live-"));
      dirs.push(dataDir);
      nodes.push(
        await startChild(`tribune-${k}`, "tribune.ts", {
          env: {
            DATA_DIR: dataDir,
            ADMIN_TOKEN,
            LOG_LEVEL: "warn",
            REDIS_URL: options.redisUrl ?? "",
            BENCH_APP: options.app ?? "",
          },
          nodeArgs: ["--expose-gc"],
        }),
      );
    }
  } catch (error) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw error;
  }
  const base = nodes[0]!.url;
  return {
    label: "tribune",
    nodes,
    async setup(names) {
      const event = await createEvent(base, names);
      return { codes: event.rooms.map((r) => r.code), moderatorKey: event.moderatorKey };
    },
    results: (pollId) => results(base, pollId),
    questions: (code) => questionCount(base, code),
    reactionTotals: async (code) =>
      (await nodes[0]!.request<{ totals: Record<string, number> }>({ type: "reaction-totals", code })).totals,
    serverJoinTimes: () => joinTimesOf(nodes),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function bareTarget(): Promise<Target> {
  const node = await startChild("bare-socketio", "bare-socketio.ts", { nodeArgs: ["--expose-gc"] });
  return {
    label: "bare",
    nodes: [node],
    async setup(names) {
      const { codes } = await node.request<{ codes: string[] }>({ type: "rooms", count: names.length });
      return { codes, moderatorKey: "bare" };
    },
    results: (pollId) => node.request({ type: "results", pollId }),
    questions: async (code) => (await node.request<{ count: number }>({ type: "questions", code })).count,
    reactionTotals: async (code) =>
      (await node.request<{ totals: Record<string, number> }>({ type: "reaction-totals", code })).totals,
    serverJoinTimes: () => joinTimesOf([node]),
    stop: () => node.stop(),
  };
}

/**
 * A scenario's two runs: `onTribune` on one Tribune node, then, with `baseline`, `onBare` on the
 * bare Socket.IO server (announced with `bareLine`); each server is stopped after its run.
 */
export async function tribuneThenBare<T, B>(
  options: { app?: string | undefined; baseline: boolean; log: (line: string) => void },
  bareLine: string,
  onTribune: (target: Target) => Promise<T>,
  onBare: (target: Target) => Promise<B>,
): Promise<{ tribune: T; bare: B | null }> {
  const tribune = await tribuneTarget({ nodes: 1, app: options.app });
  let t: T;
  try {
    t = await onTribune(tribune);
  } finally {
    await tribune.stop();
  }
  if (!options.baseline) return { tribune: t, bare: null };
  options.log(bareLine);
  const bare = await bareTarget();
  try {
    return { tribune: t, bare: await onBare(bare) };
  } finally {
    await bare.stop();
  }
}
