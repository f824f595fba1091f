// The deployment files: docker-compose.yml as the Compose CLI reads it, deploy/haproxy.cfg
// both checked and run in front of three real nodes, where long-polling clients only work
// because the cookie keeps each one on its node, and the monitoring profile's Prometheus
// configuration and Grafana dashboard against what a real node's /metrics serves.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitAck, newParticipantId, record } from "../helpers/clients.js";
import { createEvent, createOpenPoll, expectAckOk, getResults, pollBody } from "../helpers/fixtures.js";
import { parsePrometheus } from "../helpers/prometheus.js";
import { freePort, type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import { findBinary, requireBinary } from "../helpers/require-binary.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { closeNodes, ORIGIN, startNodes, waitUntil } from "./cluster-helpers.js";

const ROOT = join(import.meta.dirname, "../..");
const compose = requireBinary("docker-compose", ["/usr/bin/docker-compose"]);
// HAProxy is not needed by the product's tests in CI; run its part where it is installed.
const haproxy = findBinary("haproxy", ["/usr/sbin/haproxy"]);
if (!haproxy) console.warn("skipped: haproxy not found: install it (Debian package) to run the load-balancer tests");

describe.skipIf(!compose)("docker-compose.yml", () => {
  const run = (args: string[], env: Record<string, string | undefined>) =>
    execFileSync(compose!, ["-f", join(ROOT, "docker-compose.yml"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("is accepted by `docker-compose config -q`", () => {
    expect(() => run(["config", "-q"], { ADMIN_TOKEN: "an-admin-token-of-some-length" })).not.toThrow();
  });

  it("has Redis with AOF every second, three nodes and one balancer; Prometheus and Grafana in a profile", () => {
    const env = { ADMIN_TOKEN: "an-admin-token-of-some-length", PUBLIC_URL: "https://vote.example.org" };
    expect(run(["config", "--services"], env).trim().split("\n").sort()).toEqual([
      "grafana",
      "lb",
      "prometheus",
      "redis",
      "tribune1",
      "tribune2",
      "tribune3",
    ]);
    const monitoring = run(["--profile", "monitoring", "config"], { ...env, METRICS_TOKEN: "a-metrics-token-of-some-length" });
    expect(monitoring.match(/profiles:\s*\n\s*- monitoring/g)).toHaveLength(2);
    expect(monitoring).toMatch(/METRICS_TOKEN: a-metrics-token-of-some-length/);
    expect(monitoring).toMatch(/image: prom\/prometheus:v\d+\.\d+\.\d+/);
    expect(monitoring).toMatch(/image: grafana\/grafana:\d+\.\d+\.\d+/);
    const config = run(["config"], env);
    expect(config).toMatch(/--appendonly\s+-\s+["']?yes/);
    expect(config).toMatch(/everysec/);
    expect(config).toMatch(/PUBLIC_URL: https:\/\/vote\.example\.org/);
    expect(config).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
  });

  it("refuses to start without an ADMIN_TOKEN", () => {
    expect(() => run(["config", "-q"], {})).toThrow(/ADMIN_TOKEN/);
  });
});

describe.skipIf(!redisBinary())("the monitoring profile's Prometheus and Grafana files", () => {
  let redis: RedisServer;
  let node: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    node = await startServer({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await node?.close();
    await redis?.destroy();
  });

  it("scrapes every node of the compose file with the bearer token", () => {
    const config = readFileSync(join(ROOT, "deploy/prometheus.yml"), "utf8");
    expect(config).toMatch(/credentials_file: \/tmp\/metrics-token/);
    for (const n of [1, 2, 3]) expect(config).toContain(`"tribune${n}:3000"`);
  });

  it("charts only metrics a node serves", async () => {
    const served = parsePrometheus(await (await fetch(`${node.url}/metrics`)).text()).types;
    const dashboard = JSON.parse(readFileSync(join(ROOT, "deploy/grafana-dashboard.json"), "utf8"));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr));
    const used = new Set(exprs.flatMap((e) => e.match(/\b(tribune|nodejs|process)_[a-z0-9_]+/g) ?? []));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) {
      const family = name.replace(/_(bucket|count|sum)$/, "");
      expect(served.has(family) || served.has(name), name).toBe(true);
    }
    for (const family of ["tribune_sockets", "tribune_ack_seconds", "tribune_store_seconds", "tribune_redis_up"]) {
      expect(
        exprs.some((e) => e.includes(family)),
        family,
      ).toBe(true);
    }
  });
});

describe.skipIf(!haproxy || !redisBinary())("deploy/haproxy.cfg in front of three nodes", () => {
  let redis: RedisServer;
  let nodes: TestServer[];
  let proxy: ChildProcess;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    expect(execFileSync(haproxy!, ["-c", "-q", "-f", join(ROOT, "deploy/haproxy.cfg")], { encoding: "utf8" })).toBe("");
    redis = await startRedis({ appendonly: true }); // kept across the restart below
    nodes = await startNodes(3, redis.url);
    const port = await freePort();
    // The shipped file, with the container names replaced by this machine's nodes.
    let cfg = readFileSync(join(ROOT, "deploy/haproxy.cfg"), "utf8")
      .replace("bind :8080", `bind 127.0.0.1:${port}`)
      .replace(/maxconn \d+/, "maxconn 2000");
    nodes.forEach((n, i) => {
      cfg = cfg.replace(`tribune${i + 1}:3000`, new URL(n.url).host);
    });
    dir = mkdtempSync(join(tmpdir(), "tribune-haproxy-"));
    writeFileSync(join(dir, "haproxy.cfg"), cfg);
    proxy = spawn(haproxy!, ["-db", "-f", join(dir, "haproxy.cfg")], { stdio: "ignore" });
    url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => {
      try {
        return (await fetch(`${url}/readyz`)).status === 200;
      } catch {
        return false;
      }
    }, "HAProxy answers");
  });
  afterAll(async () => {
    proxy?.kill("SIGKILL");
    await closeNodes(nodes ?? []);
    await redis?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function pollingClient(auth: Record<string, unknown>, cookies: boolean): Promise<Socket> {
    const socket = io(url, {
      auth,
      transports: ["polling"],
      withCredentials: cookies,
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: ORIGIN },
    });
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  }

  it("keeps long-polling clients on their node by cookie; broadcasts reach every node", async () => {
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("single"));
    const screens = await Promise.all([0, 1, 2].map(() => pollingClient({ code: ev.code, role: "screen" }, true)));
    const seen = screens.map((s) => record(s, "results"));
    const phones = await Promise.all(
      Array.from({ length: 12 }, () => pollingClient({ code: ev.code, participantId: newParticipantId() }, true)),
    );
    for (const [i, phone] of phones.entries()) expectAckOk(await emitAck(phone, "vote", { pollId: poll.id, choice: [i % 3] }));
    const final = await getResults(nodes[0]!.url, poll.id);
    expect(final).toMatchObject({ voters: 12, counts: [4, 4, 4] });
    for (const list of seen) await waitUntil(() => list.at(-1)?.seq === final.seq, "every screen has the final results");
    // leastconn spread them: every node holds some of the sockets.
    const perNode = nodes.map((n) => n.app.io.of("/").sockets.size);
    expect(perNode.every((count) => count > 0)).toBe(true);
    for (const s of [...screens, ...phones]) s.close();
  });

  it("breaks long-polling sessions without the cookie: why stickiness is needed", async () => {
    const ev = await createEvent(url);
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () => pollingClient({ code: ev.code, participantId: newParticipantId() }, false)),
    );
    expect(attempts.some((a) => a.status === "rejected")).toBe(true);
    for (const a of attempts) if (a.status === "fulfilled") a.value.close();
  });

  it("takes unready nodes out (Redis down) and answers in the contract's shape, then brings them back", async () => {
    const ev = await createEvent(url);
    await redis.stop("SIGKILL");
    // Nodes answer 503 themselves at once; HAProxy marks them down after two failed checks.
    await waitUntil(async () => (await fetch(`${url}/api/rooms/${ev.code}`)).status === 503, "unavailable", 15_000);
    await waitUntil(async () => (await fetch(`${url}/healthz`)).status === 503, "HAProxy has no ready node", 15_000);
    const res = await fetch(`${url}/api/rooms/${ev.code}`);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect((await res.json()).error.code).toBe("unavailable");
    await redis.restart();
    await waitUntil(async () => (await fetch(`${url}/api/rooms/${ev.code}`)).status === 200, "nodes back in rotation", 20_000);
  }, 60_000);
});
