// The load generator: worker threads that each drive a share of the phones, commanded all
// at once and awaited until every one has replied.
import type { EventLoopUtilization } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerInit } from "../live-protocol.js";

export class WorkerPool {
  readonly workers: Worker[] = [];
  private waiting = new Map<string, { need: number; got: FromWorker[]; done: (all: FromWorker[]) => void }>();
  onProgress: (worker: number, joined: number, failed: number) => void = () => {};
  private failure: Error | null = null;

  constructor(inits: WorkerInit[]) {
    for (const init of inits) {
      // The worker registers tsx itself, so this works whether the bench runs under tsx or vitest.
      const entry = new URL("../live-worker.ts", import.meta.url).href;
      const worker = new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
        {
          eval: true,
          workerData: init,
          execArgv: [],
        },
      );
      worker.on("message", (message: FromWorker) => this.receive(message));
      worker.on("error", (error) => {
        this.failure = error;
        for (const w of this.waiting.values()) w.done([]);
      });
      this.workers.push(worker);
    }
  }

  private receive(message: FromWorker): void {
    if (message.type === "progress") {
      this.onProgress(message.worker, message.joined, message.failed);
      return;
    }
    if (message.type === "error") {
      this.failure = new Error(`load-generator worker ${message.worker}: ${message.message}`);
      for (const w of this.waiting.values()) w.done([]);
      return;
    }
    const w = this.waiting.get(message.type);
    if (!w) return;
    w.got.push(message);
    if (w.got.length === w.need) {
      this.waiting.delete(message.type);
      w.done(w.got);
    }
  }

  /** Sends a command to every worker and waits for each one's `reply`. */
  all<T extends FromWorker>(command: ToWorker, reply: T["type"], timeoutMs: number): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(reply);
        reject(new Error(`load generator: no '${reply}' from every worker within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.waiting.set(reply, {
        need: this.workers.length,
        got: [],
        done: (all) => {
          clearTimeout(timer);
          if (this.failure) reject(this.failure);
          else resolve(all as T[]);
        },
      });
      for (const worker of this.workers) worker.postMessage(command);
    });
  }

  elu(): EventLoopUtilization[] {
    return this.workers.map((w) => w.performance.eventLoopUtilization());
  }

  async close(): Promise<void> {
    await this.all({ type: "close" }, "closed", 30_000).catch(() => {});
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
