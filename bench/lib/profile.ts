// Reads a .cpuprofile (V8 sampling profile) and tells where the CPU went: self time per
// function, and per part of the stack (Socket.IO, ws, Fastify, SQLite, Tribune, GC…).
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Wall time covered, ms. */
  wallMs: number;
  /** Time not idle, ms. */
  busyMs: number;
  top: { function: string; where: string; selfMs: number; selfPct: number }[];
  byPart: { part: string; selfMs: number; selfPct: number }[];
}

/** Which part of the stack a frame belongs to, from its script URL. */
export function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "V8/native (program)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) {
    const mod = url.slice(5).split("/");
    return `node:${mod[0] === "internal" ? mod.slice(1, 3).join("/") : mod[0]}`;
  }
  const app = /\/(server|shared|bench)\/(.*)$/.exec(url);
  if (app) return `${app[1]}/${app[2]!.split("/")[0]}`;
  return url;
}

const where = (f: CallFrame) => {
  if (!f.url) return "";
  const short = f.url
    .replace(/^file:\/\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(/^.*\/(server|shared|bench)\//, "$1/");
  return `${short}:${f.lineNumber + 1}`;
};

export function summarizeProfile(file: string, topN = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let k = 0; k < profile.samples.length; k++) {
    const id = profile.samples[k]!;
    // A sample's time is the delta to the next one.
    const dt = profile.timeDeltas[k + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
  }
  const perFunction = new Map<string, { function: string; where: string; us: number }>();
  const perPart = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    totalUs += us;
    if (frame.functionName === "(idle)") {
      idleUs += us;
      continue;
    }
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
    const entry = perFunction.get(key) ?? { function: frame.functionName || "(anonymous)", where: where(frame), us: 0 };
    entry.us += us;
    perFunction.set(key, entry);
    const part = partOf(frame);
    perPart.set(part, (perPart.get(part) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const pct = (us: number) => Math.round((1000 * us) / Math.max(1, busyUs)) / 10;
  return {
    file,
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busyUs / 1000),
    top: [...perFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((e) => ({ function: e.function, where: e.where, selfMs: Math.round(e.us / 1000), selfPct: pct(e.us) })),
    byPart: [...perPart.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([part, us]) => ({ part, selfMs: Math.round(us / 1000), selfPct: pct(us) })),
  };
}

export function formatProfile(s: ProfileSummary, topN = 15): string {
  const lines = [
    `profile ${s.file}: ${s.busyMs} ms busy of ${s.wallMs} ms`,
    "  by part (self time, % of busy):",
    ...s.byPart.slice(0, 12).map((p) => `    ${String(p.selfPct).padStart(5)}%  ${p.selfMs} ms  ${p.part}`),
    "  top functions (self time):",
    ...s.top.slice(0, topN).map((f) => `    ${String(f.selfPct).padStart(5)}%  ${f.selfMs} ms  ${f.function}  ${f.where}`),
  ];
  return lines.join("\n");
}
