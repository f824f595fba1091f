// Payload and connection limits: oversized bodies and socket messages are refused without the
// heap growing; 1,000 slow-header connections are dropped while a normal join still works; past
// MAX_CONNECTIONS a node refuses with a clear message (HTTP 503, socket connect_error).
import { type Socket as TcpSocket, connect as tcpConnect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { api, connect, emitAck, newParticipantId } from "../helpers/clients.js";
import { createEvent, createOpenPoll, getResults, pollBody } from "../helpers/fixtures.js";
import { ADMIN_TOKEN, startServer, type TestServer } from "../helpers/server.js";
import { closeAll, eventually, rawRequest } from "./support.js";

const servers: TestServer[] = [];
async function server(overrides: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const s = await startServer(overrides);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn("global.gc is missing (run with --expose-gc): heap growth is not measured, only the refusals");
function heapAfterGc(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

describe("oversized payloads", () => {
  it("refuses 40 bodies of 4 MB with 413 without growing the heap; the process stays healthy", async () => {
    const { url } = await server();
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("scale"));
    const big = Buffer.alloc(4 * 1024 * 1024, "a");
    const body = Buffer.concat([Buffer.from('{"participantId":"'), big, Buffer.from('","choice":3}')]);
    await rawRequest(url, "POST", `/api/polls/${poll.id}/votes`, { body, headers: { "content-type": "application/json" } });
    const before = heapAfterGc();
    for (let round = 0; round < 8; round++) {
      const replies = await Promise.all(
        Array.from({ length: 5 }, () =>
          rawRequest(url, "POST", `/api/polls/${poll.id}/votes`, {
            body,
            headers: { "content-type": "application/json", "content-length": String(body.length) },
          }).catch(() => ({ status: 0, body: "", headers: {} })),
        ),
      );
      for (const r of replies) {
        // 413 with the contract's body, or the connection cut while the client was still sending.
        if (r.status !== 0) {
          expect(r.status).toBe(413);
          expect(JSON.parse(r.body).error.code).toBe("too_large");
        }
      }
    }
    const after = heapAfterGc();
    if (gc) expect(after - before, "heap growth after 160 MB of refused bodies").toBeLessThan(32 * 1024 * 1024);
    // Healthy: it answers and takes a normal vote.
    expect((await api(url, "GET", "/healthz")).status).toBe(200);
    const ok = await api(url, "POST", `/api/polls/${poll.id}/votes`, { body: { participantId: newParticipantId(), choice: 2 } });
    expect(ok.status).toBe(200);
    expect((await getResults(url, poll.id)).voters).toBe(1);
  });

  it("closes a socket that sends a message over 16 KB; the others and the process carry on", async () => {
    const { url } = await server();
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("scale"));
    const before = heapAfterGc();
    for (let i = 0; i < 20; i++) {
      const socket = await connect(url, { code: ev.code, participantId: newParticipantId() });
      const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      socket.emit("ask", { text: "x".repeat(1024 * 1024) });
      expect(await closed).toMatch(/transport (close|error)/);
      socket.close();
    }
    const after = heapAfterGc();
    if (gc) expect(after - before, "heap growth after 20 MB of refused messages").toBeLessThan(32 * 1024 * 1024);
    const fine = await connect(url, { code: ev.code, participantId: newParticipantId() });
    expect((await emitAck(fine, "vote", { pollId: poll.id, choice: 4 })).ok).toBe(true);
    fine.close();
  });
});

describe("slow clients", () => {
  it("drops 1,000 slow-header connections while a normal join still works", async () => {
    const { url } = await server({ timeouts: { headersMs: 1_000, checkEveryMs: 250 } });
    const ev = await createEvent(url);
    const poll = await createOpenPoll(url, ev.moderatorKey, ev.code, pollBody("scale"));
    const { port } = new URL(url);
    let closed = 0;
    let timedOut = 0;
    const slow: TcpSocket[] = [];
    for (let i = 0; i < 1000; i++) {
      const s = tcpConnect({ host: "127.0.0.1", port: Number(port) });
      s.on("error", () => {});
      s.on("close", () => closed++);
      s.on("data", (chunk: Buffer) => {
        if (chunk.toString().startsWith("HTTP/1.1 408")) timedOut++;
      });
      // Headers that never end: a slowloris.
      s.write(`GET /api/rooms/${ev.code} HTTP/1.1\r\nHost: localhost\r\nX-Slow: `);
      slow.push(s);
    }
    // Meanwhile, a phone joins, reads the room and votes.
    const state = await api(url, "GET", `/api/rooms/${ev.code}`);
    expect(state.status).toBe(200);
    const phone = await connect(url, { code: ev.code, participantId: newParticipantId() });
    expect((await emitAck(phone, "vote", { pollId: poll.id, choice: 5 })).ok).toBe(true);
    // The server drops every slow connection once its headers timeout has passed.
    await eventually(() => closed === 1000, 45_000, "the slow connections to be dropped");
    expect(timedOut).toBe(1000);
    expect(phone.connected).toBe(true); // a WebSocket, once open, is not under the headers timeout
    phone.close();
    for (const s of slow) s.destroy();
  }, 60_000);
});

describe("MAX_CONNECTIONS", () => {
  it("past the maximum, sockets get connect_error unavailable and HTTP 503, with a sentence; below it, all is well", async () => {
    const s = await server({ maxConnections: 5 });
    const { url } = s;
    // Set up without HTTP connections that a pool would keep open.
    const ev = await s.app.tribune.events.create({ role: "organizer" }, { title: "Full house", rooms: [{ name: "R" }] });
    const code = ev.rooms[0]!.code;
    const sockets = await Promise.all(Array.from({ length: 5 }, () => connect(url, { code, participantId: newParticipantId() })));
    const refused = await connect(url, { code, participantId: newParticipantId() }).then(
      () => null,
      (err: Error & { data?: any }) => err,
    );
    expect(refused).not.toBeNull();
    expect(refused!.data).toMatchObject({ code: "unavailable" });
    expect(refused!.message).toMatch(/maximum number of connections/);
    const http = await rawRequest(url, "GET", `/api/rooms/${code}`);
    expect(http.status).toBe(503);
    expect(JSON.parse(http.body).error).toMatchObject({ code: "unavailable" });
    expect(http.headers["retry-after"]).toBe("5");
    // Liveness stays answerable.
    expect((await rawRequest(url, "GET", "/healthz")).status).toBe(200);
    // One leaves: the next one gets in.
    sockets.pop()!.close();
    const gauge = () => rawRequest(url, "GET", "/api/rooms/ZZZZZZ").then((r) => r.status === 404);
    await eventually(gauge, 5_000, "a free slot");
    const next = await connect(url, { code, moderatorKey: ADMIN_TOKEN });
    expect(next.connected).toBe(true);
    closeAll([...sockets, next]);
  });
});
