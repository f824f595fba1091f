// 200 participants on sockets vote at once in one poll while 3 screens watch.
// Final counts are exact, every screen's last `results` equals the stored results, seq never goes back.
// The vote rate and p99 ack latency are printed, never asserted.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { emitAck, record } from "../helpers/clients.js";
import {
  barrier,
  expectAckOk,
  expectSeqNeverBack,
  getResults,
  pollBody,
  publicState,
  sleep,
  until,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

const N = 200;
const OPTIONS = ["A", "B", "C", "D", "E"];

async function connectParticipants(code: string, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => server.participant(code)));
    sockets.push(...batch.map((b) => b.socket));
  }
  return sockets;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** All sockets vote at once; resolves with per-ack latencies and the wall time. */
async function storm(sockets: Socket[], pollId: string, choiceOf: (i: number) => unknown) {
  const latencies: number[] = [];
  const start = performance.now();
  const acks = await Promise.all(
    sockets.map(async (s, i) => {
      const t0 = performance.now();
      const ack = await emitAck(s, "vote", { pollId, choice: choiceOf(i) });
      latencies.push(performance.now() - t0);
      return ack;
    }),
  );
  const wall = performance.now() - start;
  return { acks, latencies: latencies.sort((a, b) => a - b), wall };
}

function report(label: string, latencies: number[], wall: number) {
  const rate = Math.round((latencies.length / wall) * 1000);
  console.log(
    `${label}: ${latencies.length} votes in ${wall.toFixed(0)} ms → ${rate} votes/s; ack latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
  );
}

describe("concurrency", () => {
  it(`${N} participants vote at once, then all change their ballot, while 3 screens watch`, async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("single", { options: OPTIONS }));
    const sockets = await connectParticipants(ev.code, N);
    const screens = await Promise.all([0, 1, 2].map(() => server.screen(ev.code)));
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const watchers = [...screens.map((s) => s.socket), mod.socket];
    const heard = watchers.map((s) => record(s, "results"));
    await expect.poll(async () => (await publicState(server.url, ev.code)).participants, { timeout: 10_000 }).toBe(N);

    // Round 1: everyone votes at once.
    const round1 = await storm(sockets, poll.id, (i) => [i % OPTIONS.length]);
    for (const a of round1.acks) expect(expectAckOk(a).pollId).toBe(poll.id);
    report("round 1 (new ballots)", round1.latencies, round1.wall);
    const expected1 = OPTIONS.map(
      (_, k) => Array.from({ length: N }, (_, i) => i % OPTIONS.length).filter((x) => x === k).length,
    );
    const stored1 = await getResults(server.url, poll.id);
    expect(stored1).toMatchObject({ voters: N, counts: expected1 });
    // Every ack saw a consistent tally: voters never exceed N, counts sum to voters.
    for (const a of round1.acks) {
      const r = (a as any).data;
      expect(r.voters).toBeLessThanOrEqual(N);
      expect(r.counts.reduce((x: number, y: number) => x + y, 0)).toBe(r.voters);
    }

    // Round 2: everyone replaces its ballot at once.
    const round2 = await storm(sockets, poll.id, (i) => [(i * 3 + 1) % OPTIONS.length]);
    for (const a of round2.acks) expect(expectAckOk(a).voters).toBe(N);
    report("round 2 (replaced ballots)", round2.latencies, round2.wall);
    const expected2 = OPTIONS.map(
      (_, k) => Array.from({ length: N }, (_, i) => (i * 3 + 1) % OPTIONS.length).filter((x) => x === k).length,
    );
    const stored2 = await getResults(server.url, poll.id);
    expect(stored2).toMatchObject({ voters: N, counts: expected2 });

    for (const list of heard) await until(list, (r: any) => r.pollId === poll.id && r.seq === stored2.seq, 10_000);
    await sleep(300);
    await barrier(server.url, ev.moderatorKey, ev.code, watchers);
    for (const list of heard) {
      const mine = list.filter((r: any) => r.pollId === poll.id);
      expectSeqNeverBack(mine);
      expect(mine.at(-1)).toEqual(stored2);
      for (const r of mine) expect(r.counts.reduce((x: number, y: number) => x + y, 0)).toBe(r.voters);
    }
    console.log(`results messages per watcher for ${2 * N} votes: ${heard.map((l) => l.length).join(", ")}`);
  }, 120_000);

  it(`${N} participants ask and upvote at once: every question stored once, upvotes exact`, async () => {
    const ev = await server.event();
    const sockets = await connectParticipants(ev.code, N);
    const asked = await Promise.all(sockets.map((s, i) => emitAck(s, "ask", { text: `Question ${i}`, clientId: `c${i}` })));
    const ids = asked.map((a) => expectAckOk(a).id);
    expect(new Set(ids).size).toBe(N);
    // Everyone upvotes the first three questions at once.
    const targets = ids.slice(0, 3);
    const start = performance.now();
    const acks = await Promise.all(
      sockets.flatMap((s) => targets.map((questionId) => emitAck(s, "upvote", { questionId, on: true }))),
    );
    const wall = performance.now() - start;
    for (const a of acks) expectAckOk(a);
    console.log(`upvotes: ${acks.length} in ${wall.toFixed(0)} ms → ${Math.round((acks.length / wall) * 1000)} upvotes/s`);
    const state = await publicState(server.url, ev.code);
    expect(state.questions).toHaveLength(N);
    for (const id of targets) expect(state.questions.find((q: any) => q.id === id).upvotes).toBe(N);
    expect(
      state.questions
        .slice(0, 3)
        .map((q: any) => q.id)
        .sort(),
    ).toEqual([...targets].sort());
  }, 120_000);
});
