// The bench's side channel to a server child: `ready` with its port, then answers about its
// memory and event loop. Nothing here runs on the request path: GC is forced only when the
// harness asks for a memory reading, between phases.
import { writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface MemInfo {
  type: "mem";
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  /** False when the child was started without --expose-gc: heap includes garbage. */
  collected: boolean;
}

export interface LoopDelay {
  type: "eld";
  /** ms */
  p50: number;
  p99: number;
  max: number;
}

export type ChildReply =
  | { type: "ready"; port: number }
  | ((MemInfo | LoopDelay) & { id: number })
  | { type: "answer"; id: number; error?: string; [key: string]: unknown };

type Handler = (message: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>;

const send = (message: unknown) => process.send?.(message);

/** Wires the IPC protocol; `handle` answers the child's own requests (setup of bare servers). */
export function serveIpc(server: Server, close: () => Promise<void>, handle?: Handler): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const gc = (globalThis as { gc?: () => void }).gc;
  // CPU profiles of one phase at a time, taken in-process through the inspector (sampling
  // every 250 µs), written as .cpuprofile files (Chrome DevTools, speedscope).
  let profiler: Session | null = null;

  process.on("message", async (message: { type: string; id: number } & Record<string, unknown>) => {
    const { id } = message;
    try {
      if (message.type === "mem") {
        if (gc) {
          gc();
          gc();
        }
        const m = process.memoryUsage();
        send({
          type: "mem",
          id,
          heapUsed: m.heapUsed,
          heapTotal: m.heapTotal,
          external: m.external,
          arrayBuffers: m.arrayBuffers,
          rss: m.rss,
          collected: Boolean(gc),
        });
      } else if (message.type === "eld") {
        const ms = (ns: number) => Math.round(ns / 1e4) / 100;
        send({ type: "eld", id, p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) });
        delay.reset();
      } else if (message.type === "profile-start") {
        profiler = new Session();
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.setSamplingInterval", { interval: 250 });
        await profiler.post("Profiler.start");
        send({ type: "answer", id });
      } else if (message.type === "profile-stop") {
        if (!profiler) throw new Error("no profile running");
        const { profile } = await profiler.post("Profiler.stop");
        writeFileSync(String(message.file), JSON.stringify(profile));
        profiler.disconnect();
        send({ type: "answer", id, file: message.file });
      } else if (message.type === "heap-snapshot") {
        // A full heap snapshot (after GC) written to `file`, to see what each connection keeps.
        if (gc) gc();
        const session = new Session();
        session.connect();
        const chunks: string[] = [];
        session.on("HeapProfiler.addHeapSnapshotChunk", (m) => chunks.push(m.params.chunk));
        await session.post("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
        session.disconnect();
        writeFileSync(String(message.file), chunks.join(""));
        send({ type: "answer", id, file: message.file });
      } else if (handle) {
        send({ type: "answer", id, ...(await handle(message)) });
      } else {
        send({ type: "answer", id, error: `unknown request ${message.type}` });
      }
    } catch (error) {
      send({ type: "answer", id, error: error instanceof Error ? error.message : String(error) });
    }
  });

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    await close().catch(() => {});
    clearTimeout(force);
    // process.exit() (not a signal death) lets --cpu-prof write its profile.
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  process.on("disconnect", () => void stop());

  const address = server.address();
  send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
}
