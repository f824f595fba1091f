// Several Tribune nodes on one real redis-server: in-process (startServer) or as child
// processes (for kill -9), and a participant that fails over to another node.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import type { ClusterOptions } from "../../server/cluster/redis-cluster.js";
import { api } from "../helpers/clients.js";
import { freePort } from "../helpers/redis-server.js";
import { ADMIN_TOKEN, startServer, type TestServer } from "../helpers/server.js";

export const ORIGIN = "http://localhost:3000";

export async function startNodes(count: number, redisUrl: string, cluster?: ClusterOptions): Promise<TestServer[]> {
  return Promise.all(Array.from({ length: count }, () => startServer({ redisUrl, ...(cluster ? { cluster } : {}) })));
}

export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function readyz(url: string): Promise<number> {
  try {
    return (await api(url, "GET", "/readyz")).status;
  } catch {
    return 0;
  }
}

export interface ChildNode {
  url: string;
  proc: ChildProcess;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const ROOT = join(import.meta.dirname, "../..");

/**
 * `node --import tsx server/main.ts`, one process (not `npx tsx`, whose child would survive a
 * kill -9 of its parent), configured by the environment like a deployed node.
 */
export async function spawnNode(redisUrl: string): Promise<ChildNode> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "tribune-node-"));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    ADMIN_TOKEN,
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: "silent",
  };
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  proc.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (proc.exitCode !== null) throw new Error(`node exited: ${output.slice(-500)}`);
        return (await readyz(url)) === 200;
      },
      "a child node is ready",
      30_000,
    );
  } catch (error) {
    proc.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    proc,
    async kill(signal: NodeJS.Signals = "SIGTERM") {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

function open(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: ORIGIN },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/**
 * A phone as the client does it: when its node goes away it connects to another one (here the
 * next in its list, as a load balancer would) and sends again whatever was not acknowledged.
 * Retrying is safe: a ballot is keyed by (poll, participant).
 */
export class FailoverParticipant {
  socket: Socket | null = null;
  private index: number;
  private connecting: Promise<Socket> | null = null;
  failovers = 0;
  private closed = false;
  /** Votes sent whose acknowledgement never came, then sent again. */
  resent = 0;
  readonly states: any[] = [];

  constructor(
    private readonly urls: string[],
    first: number,
    readonly code: string,
    readonly participantId: string,
  ) {
    this.index = first;
  }

  async connect(): Promise<Socket> {
    this.connecting ??= (async () => {
      for (let attempt = 0; attempt < this.urls.length * 20; attempt++) {
        try {
          const socket = await open(this.urls[this.index % this.urls.length]!, {
            code: this.code,
            participantId: this.participantId,
          });
          socket.on("state", (s) => this.states.push(s));
          socket.once("disconnect", (reason) => {
            if (this.socket === socket) this.socket = null;
            // Its node went away: reconnect elsewhere at once, as the real client does.
            if (!this.closed && reason !== "io client disconnect") this.failover().catch(() => {});
          });
          this.socket = socket;
          return socket;
        } catch {
          this.index++;
          this.failovers++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error("no node accepted the participant");
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Moves to the next node of its list, as a phone whose node died reconnects through the balancer. */
  private failover(): Promise<Socket> {
    if (this.connecting) return this.connecting;
    this.index++;
    this.failovers++;
    return this.connect();
  }

  /** Sends until acknowledged `ok`; a lost connection moves to the next node first. */
  async vote(pollId: string, choice: unknown): Promise<any> {
    for (let attempt = 0; attempt < 20; attempt++) {
      if (attempt > 0) this.resent++;
      const socket = this.socket?.connected ? this.socket : await this.failover();
      let ack: any;
      try {
        ack = await socket.timeout(5_000).emitWithAck("vote", { pollId, choice });
      } catch {
        // Disconnected or no answer: this node is gone for us; send again on another.
        if (socket.connected) socket.disconnect();
        continue;
      }
      if (ack?.ok) return ack.data;
      if (ack?.error?.code !== "unavailable") throw new Error(`vote refused: ${JSON.stringify(ack)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("vote never acknowledged");
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
    this.socket = null;
  }
}

export async function closeNodes(nodes: { close(): Promise<void> }[]): Promise<void> {
  await Promise.allSettled(nodes.map((n) => n.close()));
}
