// The service without its doors: a Tribune on a real SQLite file in a temp directory, the
// one-node ports, and an outbox and a dirty bus that record every call. A use case is then
// a method call, and what it broadcasts is a list to assert on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { Deps } from "../../server/service/deps.js";
import { LocalDirtyBus, LocalPresence, LocalRateLimiter } from "../../server/service/local-ports.js";
import type { DirtyBus, Outbox } from "../../server/service/ports.js";
import { ScoreBoard } from "../../server/service/quiz-scores.js";
import { RoomIndexes } from "../../server/service/similar-questions.js";
import { StateInvalidatingOutbox } from "../../server/service/state-invalidating-outbox.js";
import { Tribune } from "../../server/service/tribune.js";
import { publicStateCache } from "../../server/service/views.js";
import { openSqliteStore } from "../../server/store/sqlite-store.js";
import { ADMIN_TOKEN } from "./server.js";

export type OutboxCall = { [K in keyof Outbox]: { method: K; args: Parameters<Outbox[K]> } }[keyof Outbox];

/** An Outbox that sends nothing and remembers every call, in order. */
export class RecordingOutbox implements Outbox {
  readonly calls: OutboxCall[] = [];

  poll(...args: Parameters<Outbox["poll"]>): void {
    this.calls.push({ method: "poll", args });
  }
  question(...args: Parameters<Outbox["question"]>): void {
    this.calls.push({ method: "question", args });
  }
  room(...args: Parameters<Outbox["room"]>): void {
    this.calls.push({ method: "room", args });
  }
  results(...args: Parameters<Outbox["results"]>): void {
    this.calls.push({ method: "results", args });
  }
  resync(...args: Parameters<Outbox["resync"]>): void {
    this.calls.push({ method: "resync", args });
  }
  participants(...args: Parameters<Outbox["participants"]>): void {
    this.calls.push({ method: "participants", args });
  }
  leaderboard(...args: Parameters<Outbox["leaderboard"]>): void {
    this.calls.push({ method: "leaderboard", args });
  }
  reactions(...args: Parameters<Outbox["reactions"]>): void {
    this.calls.push({ method: "reactions", args });
  }
  shareReactions(...args: Parameters<Outbox["shareReactions"]>): void {
    this.calls.push({ method: "shareReactions", args });
  }
  disconnect(...args: Parameters<Outbox["disconnect"]>): void {
    this.calls.push({ method: "disconnect", args });
  }
  revokeKey(...args: Parameters<Outbox["revokeKey"]>): void {
    this.calls.push({ method: "revokeKey", args });
  }
  message(...args: Parameters<Outbox["message"]>): void {
    this.calls.push({ method: "message", args });
  }
  revoke(...args: Parameters<Outbox["revoke"]>): void {
    this.calls.push({ method: "revoke", args });
  }

  /** The calls of one method, for assertions that do not care about the others. */
  of<K extends keyof Outbox>(method: K): Parameters<Outbox[K]>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args as Parameters<Outbox[K]>);
  }

  clear(): void {
    this.calls.length = 0;
  }
}

/** The one-node dirty bus, remembering each poll marked dirty. */
export class RecordingDirtyBus implements DirtyBus {
  readonly published: [code: string, pollId: string][] = [];
  private readonly bus = new LocalDirtyBus();

  publish(code: string, pollId: string): void {
    this.published.push([code, pollId]);
    this.bus.publish(code, pollId);
  }
  subscribe(handler: (code: string, pollId: string) => void): void {
    this.bus.subscribe(handler);
  }
  close(): Promise<void> {
    return this.bus.close();
  }
}

export interface ServiceHarness {
  tribune: Tribune;
  deps: Deps;
  outbox: RecordingOutbox;
  dirty: RecordingDirtyBus;
  close(): Promise<void>;
}

const open: ServiceHarness[] = [];

/** A fresh service on its own SQLite file; closed after the test that made it. */
export async function serviceHarness(overrides: Partial<Omit<Deps, "outbox" | "dirty">> = {}): Promise<ServiceHarness> {
  const dir = mkdtempSync(join(tmpdir(), "tribune-service-"));
  const outbox = new RecordingOutbox();
  const dirty = new RecordingDirtyBus();
  const deps: Deps = {
    store: openSqliteStore(join(dir, "tribune.db")),
    outbox,
    presence: new LocalPresence(),
    limiter: new LocalRateLimiter(),
    dirty,
    adminToken: ADMIN_TOKEN,
    publicUrl: "http://localhost:3000",
    now: () => new Date(),
    similar: new RoomIndexes(),
    scores: new ScoreBoard(),
    ...overrides,
  };
  const states = publicStateCache();
  const silent = { info: () => {}, error: () => {} };
  const tribune = new Tribune({ ...deps, outbox: new StateInvalidatingOutbox(outbox, states) }, states, {
    quizSweepMs: 0,
    log: silent,
  });
  const harness: ServiceHarness = {
    tribune,
    deps,
    outbox,
    dirty,
    async close() {
      await tribune.close();
      await Promise.all([deps.limiter.close(), deps.presence.close(), dirty.close()]);
      await deps.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  open.push(harness);
  return harness;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
