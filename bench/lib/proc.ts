// What the kernel says about a process: CPU time and RSS from /proc, the open-files limit,
// and the machine the bench runs on. Linux only (the bench says so when /proc is missing).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync("getconf", [name], { encoding: "utf8" }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

const CLK_TCK = getconf("CLK_TCK", 100);

export interface ProcSample {
  /** performance.now() of the reading. */
  at: number;
  /** User + system CPU time, ms. */
  cpuMs: number;
  rssBytes: number;
}

/** Reads /proc/<pid>/stat (utime, stime) and /proc/<pid>/status (VmRSS); null when gone. */
export function readProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: fields start after its closing parenthesis, at field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { at: performance.now(), cpuMs: (ticks * 1000) / CLK_TCK, rssBytes: rssKb * 1024 };
  } catch {
    return null;
  }
}

/** CPU used between two readings, in % of one core. */
export const cpuPercent = (a: ProcSample | null, b: ProcSample | null): number =>
  a && b && b.at > a.at ? (100 * (b.cpuMs - a.cpuMs)) / (b.at - a.at) : Number.NaN;

/** Samples a process every `everyMs`, so a phase's CPU and peak RSS can be read back. */
export class ProcSampler {
  readonly samples: ProcSample[] = [];
  private timer: NodeJS.Timeout;

  constructor(
    readonly pid: number,
    everyMs = 250,
  ) {
    this.take();
    this.timer = setInterval(() => this.take(), everyMs);
    this.timer.unref();
  }

  take(): ProcSample | null {
    const sample = readProc(this.pid);
    if (sample) this.samples.push(sample);
    return sample;
  }

  /** Average CPU % (of one core) and peak RSS between two performance.now() times. */
  between(from: number, to: number): { cpu: number; peakCpu: number; peakRss: number } {
    const inside = this.samples.filter((s) => s.at >= from - 300 && s.at <= to + 300);
    if (inside.length < 2) return { cpu: Number.NaN, peakCpu: Number.NaN, peakRss: Number.NaN };
    let peakCpu = 0;
    // Peak over ~1 s windows: 250 ms samples are too coarse for 10 ms clock ticks.
    for (let i = 0; i < inside.length; i++) {
      const j = inside.findIndex((s, k) => k > i && s.at - inside[i]!.at >= 1000);
      if (j > 0) peakCpu = Math.max(peakCpu, cpuPercent(inside[i]!, inside[j]!));
    }
    return {
      cpu: cpuPercent(inside[0]!, inside.at(-1)!),
      peakCpu: peakCpu || cpuPercent(inside[0]!, inside.at(-1)!),
      peakRss: Math.max(...inside.map((s) => s.rssBytes)),
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** Busy CPU time of the whole machine (every core), from /proc/stat. */
export function machineCpu(): { at: number; busyMs: number } {
  try {
    const first = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const ticks = first.trim().split(/\s+/).slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
    const busy = ticks.reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!;
    return { at: performance.now(), busyMs: (busy * 1000) / CLK_TCK };
  } catch {
    return { at: performance.now(), busyMs: Number.NaN };
  }
}

/** Machine-wide busy CPU since `since`, in % of one core (200% = both cores of two). */
export const machineCpuPercent = (since: { at: number; busyMs: number }): number => {
  const n = machineCpu();
  return (100 * (n.busyMs - since.busyMs)) / Math.max(1, n.at - since.at);
};

/** This process's CPU (every thread: main and workers), in % of one core since `since`. */
export function selfCpu(): { at: number; usage: NodeJS.CpuUsage } {
  return { at: performance.now(), usage: process.cpuUsage() };
}

export function selfCpuPercent(since: { at: number; usage: NodeJS.CpuUsage }): number {
  const d = process.cpuUsage(since.usage);
  const ms = performance.now() - since.at;
  return ms > 0 ? (100 * (d.user + d.system)) / 1000 / ms : Number.NaN;
}

/** The soft limit on open files of this process (children inherit it). */
export function openFilesLimit(): number {
  try {
    const limits = readFileSync("/proc/self/limits", "utf8");
    const m = /Max open files\s+(\d+|unlimited)/.exec(limits);
    return m?.[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(m?.[1] ?? 1024);
  } catch {
    return 1024;
  }
}

function git(args: string[]): string | null {
  try {
    // --no-optional-locks: reading the state never rewrites the index.
    return execFileSync("git", ["--no-optional-locks", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

export interface Machine {
  hostname: string;
  platform: string;
  release: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  node: string;
  openFilesLimit: number;
  /** Filesystem of the servers' data directories (tmpfs would make fsync free). */
  dataDirFs: string;
  commit: string | null;
  /** The working tree had uncommitted changes to tracked files. */
  dirty: boolean | null;
}

export function machine(): Machine {
  const cpus = os.cpus();
  const status = git(["status", "--porcelain", "--untracked-files=no"]);
  return {
    hostname: os.hostname(),
    platform: os.platform(),
    release: os.release(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model ?? "unknown",
    cpus: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    openFilesLimit: openFilesLimit(),
    dataDirFs: fsTypeOf(os.tmpdir()),
    commit: git(["rev-parse", "HEAD"]),
    dirty: status === null ? null : status.length > 0,
  };
}

/** The filesystem type holding `path` (ext4, tmpfs, overlay…), from /proc/mounts. */
export function fsTypeOf(path: string): string {
  try {
    let best = { point: "", type: "unknown" };
    for (const line of readFileSync("/proc/mounts", "utf8").split("\n")) {
      const [, point, type] = line.split(" ");
      if (
        point &&
        type &&
        (path === point || path.startsWith(point.endsWith("/") ? point : `${point}/`)) &&
        point.length >= best.point.length
      ) {
        best = { point, type };
      }
    }
    return best.type;
  } catch {
    return "unknown";
  }
}

export const hasProc = (): boolean => existsSync("/proc/self/stat");
