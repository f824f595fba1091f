// Acknowledged means durable: a child process serves, acknowledges votes, questions and upvotes over
// HTTP and sockets, is killed with SIGKILL, restarts on the same DATA_DIR: everything acknowledged is there.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { api, connectWithState, emitAck, newParticipantId } from "../helpers/clients.js";
import { ADMIN_TOKEN, expectAckOk, sleep } from "../helpers/fixtures.js";
import { freePort } from "../helpers/redis-server.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
const sockets: Socket[] = [];

interface Served {
  url: string;
  child: ChildProcess;
  output: () => string;
}

function childEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["REDIS_URL", "TEST_STORE", "TEST_REDIS_URL", "PUBLIC_URL", "DEMO", "NODE_OPTIONS", "ADMIN_TOKEN"])
    delete env[name];
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Starts `server/main.ts` in a child process on a free port and waits for /healthz. */
async function serve(dataDir: string, vars: Record<string, string | undefined> = {}): Promise<Served> {
  const port = await freePort();
  const env = childEnv({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    LOG_LEVEL: "silent",
    ALLOWED_ORIGINS: "http://localhost:3000",
    ...vars,
  });
  // One process (no npx/tsx wrapper), so SIGKILL really kills the server.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (c) => {
    out += c;
  });
  child.stderr?.on("data", (c) => {
    out += c;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${out.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not answer /healthz: ${out.slice(-2000)}`);
    await sleep(100);
  }
  return { url, child, output: () => out };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

async function participants(url: string, code: string, n: number) {
  const list: { socket: Socket; pid: string }[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async () => {
        const pid = newParticipantId();
        const { socket } = await connectWithState(url, { code, participantId: pid });
        sockets.push(socket);
        return { socket, pid };
      }),
    );
    list.push(...batch);
  }
  return list;
}

/** Runs `tasks` with at most `width` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await Promise.all(children.splice(0).map(kill));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("durability", () => {
  it("everything acknowledged over HTTP and sockets survives SIGKILL and a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-durability-"));
    dirs.push(dataDir);
    const first = await serve(dataDir);
    let url = first.url;

    const created = await api(url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "Durable", rooms: [{ name: "HTTP room" }, { name: "Socket room" }] },
    });
    expect(created.status).toBe(201);
    const key: string = created.body.moderatorKey;
    const [codeA, codeB] = created.body.rooms.map((r: any) => r.code);
    const pollA = await api(url, "POST", `/api/rooms/${codeA}/polls`, {
      token: key,
      body: { title: "HTTP poll", kind: "single", options: ["a", "b", "c", "d"] },
    });
    await api(url, "POST", `/api/polls/${pollA.body.id}/open`, { token: key });
    const pollB = await api(url, "POST", `/api/rooms/${codeB}/polls`, {
      token: key,
      body: { title: "Socket poll", kind: "scale" },
    });
    await api(url, "POST", `/api/polls/${pollB.body.id}/open`, { token: key });

    const crowd = await participants(url, codeB, 250);
    const httpPids = Array.from({ length: 250 }, () => newParticipantId());

    // What was acknowledged, as the clients last saw it.
    const ballotsA = new Map<string, number>();
    const ballotsB = new Map<string, number>();
    const questions = new Map<string, string>();

    const httpWork = async () => {
      await pool(
        httpPids.map((pid, i) => async () => {
          const choice = i % 4;
          const res = await api(url, "POST", `/api/polls/${pollA.body.id}/votes`, {
            body: { participantId: pid, choice: [choice] },
          });
          expect(res.status).toBe(200);
          ballotsA.set(pid, choice);
        }),
        20,
      );
      // 50 replaced ballots.
      await pool(
        httpPids.slice(0, 50).map((pid) => async () => {
          const res = await api(url, "POST", `/api/polls/${pollA.body.id}/votes`, { body: { participantId: pid, choice: [3] } });
          expect(res.status).toBe(200);
          ballotsA.set(pid, 3);
        }),
        20,
      );
      await pool(
        httpPids.slice(0, 100).map((pid, i) => async () => {
          const res = await api(url, "POST", `/api/rooms/${codeA}/questions`, {
            body: { participantId: pid, text: `HTTP question ${i}`, clientId: `h${i}` },
          });
          expect(res.status).toBe(201);
          questions.set(res.body.id, `HTTP question ${i}`);
        }),
        20,
      );
    };
    const socketWork = async () => {
      await Promise.all(
        crowd.map(async ({ socket, pid }, i) => {
          const choice = (i % 5) + 1;
          expectAckOk(await emitAck(socket, "vote", { pollId: pollB.body.id, choice }));
          ballotsB.set(pid, choice);
        }),
      );
      await Promise.all(
        crowd.slice(0, 100).map(async ({ socket }, i) => {
          const q = expectAckOk(await emitAck(socket, "ask", { text: `Socket question ${i}`, clientId: `s${i}` }));
          questions.set(q.id, `Socket question ${i}`);
        }),
      );
    };
    await Promise.all([httpWork(), socketWork()]);

    // Upvotes on one question of each room, over both doors; the last ack goes out just before the kill.
    const [targetA] = [...questions.entries()].find(([, t]) => t === "HTTP question 0")!;
    const [targetB] = [...questions.entries()].find(([, t]) => t === "Socket question 0")!;
    const upHttp = await pool(
      httpPids
        .slice(100, 160)
        .map((pid) => () => api(url, "POST", `/api/questions/${targetA}/upvote`, { body: { participantId: pid } })),
      20,
    );
    for (const r of upHttp) expect(r.status).toBe(200);
    const upSock = await Promise.all(
      crowd.slice(100, 180).map(({ socket }) => emitAck(socket, "upvote", { questionId: targetB, on: true })),
    );
    for (const a of upSock) expectAckOk(a);

    await kill(first.child);
    for (const s of sockets.splice(0)) s.close();

    const second = await serve(dataDir);
    url = second.url;
    const tally = (m: Map<string, number>, size: number, offset: number) => {
      const counts = new Array(size).fill(0);
      for (const c of m.values()) counts[c - offset]++;
      return counts;
    };
    const resA = await api(url, "GET", `/api/polls/${pollA.body.id}/results`);
    expect(resA.status).toBe(200);
    expect(resA.body).toMatchObject({ voters: 250, counts: tally(ballotsA, 4, 0) });
    const resB = await api(url, "GET", `/api/polls/${pollB.body.id}/results`);
    expect(resB.body).toMatchObject({ voters: 250, counts: tally(ballotsB, 5, 1) });

    const stored = new Map<string, any>();
    for (const code of [codeA, codeB]) {
      const view = await api(url, "GET", `/api/rooms/${code}/moderation`, { token: key });
      expect(view.status).toBe(200);
      for (const q of view.body.questions) stored.set(q.id, q);
    }
    expect(stored.size).toBe(200);
    for (const [id, text] of questions) expect(stored.get(id)?.text).toBe(text);
    expect(stored.get(targetA).upvotes).toBe(60);
    expect(stored.get(targetB).upvotes).toBe(80);

    // A participant that reconnects finds its ballot, its question and its upvote.
    const p = crowd[100];
    const { socket, state } = await connectWithState(url, { code: codeB, participantId: p.pid });
    sockets.push(socket);
    expect(state.me.ballots[pollB.body.id]).toBe(ballotsB.get(p.pid));
    expect(state.me.upvoted).toEqual([targetB]);
    // A retried ask after the restart answers the original question.
    const retry = await api(url, "POST", `/api/rooms/${codeA}/questions`, {
      body: { participantId: httpPids[7], text: "HTTP question 7", clientId: "h7" },
    });
    expect(retry.status).toBe(200);
    expect(questions.get(retry.body.id)).toBe("HTTP question 7");
    // The moderator key still works.
    expect((await api(url, "GET", `/api/events/${created.body.id}`, { token: key })).status).toBe(200);
  }, 180_000);

  it("a kill in the middle of a stream of writes loses nothing that was acknowledged", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-durability-"));
    dirs.push(dataDir);
    const first = await serve(dataDir);
    const created = await api(first.url, "POST", "/api/events", {
      token: ADMIN_TOKEN,
      body: { title: "Crash", rooms: [{ name: "R" }] },
    });
    const key: string = created.body.moderatorKey;
    const code: string = created.body.rooms[0].code;
    const poll = await api(first.url, "POST", `/api/rooms/${code}/polls`, { token: key, body: { title: "P", kind: "scale" } });
    await api(first.url, "POST", `/api/polls/${poll.body.id}/open`, { token: key });

    const ackedVotes = new Set<string>();
    const ackedQuestions = new Set<string>();
    let stop = false;
    let sent = 0;
    const worker = async () => {
      while (!stop) {
        const pid = newParticipantId();
        sent++;
        try {
          const [v, q] = await Promise.all([
            api(first.url, "POST", `/api/polls/${poll.body.id}/votes`, { body: { participantId: pid, choice: 3 } }),
            api(first.url, "POST", `/api/rooms/${code}/questions`, { body: { participantId: pid, text: `q ${pid}` } }),
          ]);
          if (v.status === 200) ackedVotes.add(pid);
          if (q.status === 201) ackedQuestions.add(q.body.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (ackedVotes.size < 300) await sleep(5);
    await kill(first.child);
    stop = true;
    await Promise.all(workers);

    const second = await serve(dataDir);
    const results = await api(second.url, "GET", `/api/polls/${poll.body.id}/results`);
    expect(results.body.voters).toBeGreaterThanOrEqual(ackedVotes.size);
    expect(results.body.voters).toBeLessThanOrEqual(sent);
    expect(results.body.counts[2]).toBe(results.body.voters);
    const view = await api(second.url, "GET", `/api/rooms/${code}/moderation`, { token: key });
    const ids = new Set(view.body.questions.map((q: any) => q.id));
    for (const id of ackedQuestions) expect(ids.has(id)).toBe(true);
    console.log(
      `durability: killed after ${ackedVotes.size} acknowledged votes and ${ackedQuestions.size} questions; ${results.body.voters} votes stored`,
    );
  }, 180_000);
});

/** Runs `server/main.ts` until it exits; resolves with its exit code and output. */
function runToExit(vars: Record<string, string | undefined>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: childEnv({ HOST: "127.0.0.1", LOG_LEVEL: "silent", ...vars }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout?.on("data", (c) => {
      out += c;
    });
    child.stderr?.on("data", (c) => {
      err += c;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe("start-up from the environment", () => {
  for (const [name, value] of [
    ["PORT", "not-a-port"],
    ["PORT", "70000"],
    ["LOG_LEVEL", "loud"],
    ["REDIS_URL", "http://nope"],
    ["PUBLIC_URL", "not a url"],
  ] as const) {
    it(`a bad ${name} (${value}) stops the start with one clear line naming it`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "tribune-config-"));
      dirs.push(dataDir);
      const { code, out, err } = await runToExit({ DATA_DIR: dataDir, ADMIN_TOKEN, PORT: "0", [name]: value });
      expect(code).not.toBe(0);
      const lines = (err + out).trim().split("\n").filter(Boolean);
      expect(lines, `output: ${err + out}`).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
    }, 60_000);
  }

  it("without ADMIN_TOKEN, generates one on first start, prints it once, keeps it in DATA_DIR", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tribune-token-"));
    dirs.push(dataDir);
    const first = await serve(dataDir, { ADMIN_TOKEN: undefined });
    await sleep(300);
    const printed = first.output();
    // The token is printed: find a printed word that the server accepts as the organizer's token.
    const words = [...new Set(printed.split(/[\s:'"`()]+/).filter((w) => w.length >= 16 && !w.includes("/")))];
    let token: string | undefined;
    for (const w of words) {
      const res = await api(first.url, "POST", "/api/events", { token: w, body: { title: "T", rooms: [{ name: "R" }] } });
      if (res.status === 201) {
        token = w;
        break;
      }
    }
    expect(token, `no working admin token in the output: ${printed}`).toBeDefined();
    await kill(first.child);
    const second = await serve(dataDir, { ADMIN_TOKEN: undefined });
    await sleep(300);
    expect(second.output()).not.toContain(token!);
    const res = await api(second.url, "POST", "/api/events", { token, body: { title: "T2", rooms: [{ name: "R" }] } });
    expect(res.status).toBe(201);
  }, 120_000);
});
