// `results` are coalesced: a vote in an idle poll is sent at once, a burst costs few messages.
// Counts of messages are asserted relative to the number of votes, never timings.
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, record, waitFor } from "../helpers/clients.js";
import {
  barrier,
  createOpenPoll,
  expectAckOk,
  expectSeqNeverBack,
  getResults,
  pollBody,
  sleep,
  until,
  vote,
} from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

async function participants(code: string, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = await Promise.all(Array.from({ length: Math.min(25, n - i) }, () => server.participant(code)));
    sockets.push(...batch.map((b) => b.socket));
  }
  return sockets;
}

const forPoll = (list: any[], pollId: string) => list.filter((r) => r.pollId === pollId);

describe("results coalescing", () => {
  it("a vote in an idle poll produces `results` for every watcher", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const screen = await server.screen(ev.code);
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const waits = [screen.socket, mod.socket].map((s) => waitFor(s, "results", (r: any) => r.pollId === poll.id, 2000));
    const ack = await vote(server.url, poll.id, [0]);
    for (const r of await Promise.all(waits)) expect(r).toEqual(ack.body);
    // Idle again: a second, lone vote is sent too.
    await sleep(300);
    const next = waitFor(screen.socket, "results", (r: any) => r.pollId === poll.id && r.voters === 2, 2000);
    const ack2 = await vote(server.url, poll.id, [1]);
    expect(await next).toEqual(ack2.body);
  });

  it("a burst of 100 socket votes produces far fewer than 100 `results` per screen; seq never goes back; the last equals GET", async () => {
    const ev = await server.event();
    const poll = await createOpenPoll(
      server.url,
      ev.moderatorKey,
      ev.code,
      pollBody("single", { options: ["A", "B", "C", "D"] }),
    );
    const voters = await participants(ev.code, 100);
    const screens = await Promise.all([0, 1, 2].map(() => server.screen(ev.code)));
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const watchers = [...screens.map((s) => s.socket), mod.socket];
    const heard = watchers.map((s) => record(s, "results"));

    const acks = await Promise.all(voters.map((s, i) => emitAck(s, "vote", { pollId: poll.id, choice: [i % 4] })));
    for (const a of acks) expectAckOk(a);
    for (const list of heard) await until(list, (r: any) => r.pollId === poll.id && r.voters === 100, 5000);
    await sleep(300);
    await barrier(server.url, ev.moderatorKey, ev.code, watchers);

    const stored = await getResults(server.url, poll.id);
    expect(stored).toMatchObject({ voters: 100, counts: [25, 25, 25, 25] });
    for (const list of heard) {
      const mine = forPoll(list, poll.id);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length, `${mine.length} results messages for 100 votes`).toBeLessThanOrEqual(25);
      expectSeqNeverBack(mine);
      expect(mine.at(-1)).toEqual(stored);
    }
    console.log(
      `coalescing: 100 socket votes → ${heard.map((l) => forPoll(l, poll.id).length).join(", ")} results messages per watcher`,
    );
  });

  it("phones spread over more slices than there are reach the stored results, in order", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const phones = await participants(ev.code, 40);
    const heard = phones.map((s) => record(s, "results"));
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => vote(server.url, poll.id, [i % 2])));
    for (const r of replies) expect(r.status).toBe(200);
    const stored = await getResults(server.url, poll.id);
    expect(stored).toMatchObject({ voters: 30 });
    for (const list of heard) await until(list, (r: any) => r.pollId === poll.id && r.seq === stored.seq, 5000);
    for (const list of heard) {
      const mine = forPoll(list, poll.id);
      expectSeqNeverBack(mine);
      expect(mine.at(-1)).toEqual(stored);
    }
  });

  it("a burst of 100 HTTP votes (ballots replaced too) produces far fewer than 100 `results` per screen", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev, pollBody("wordcloud"));
    const screen = await server.screen(ev.code);
    const heard = record(screen.socket, "results");
    const pids = Array.from({ length: 50 }, () => newParticipantId());
    // 50 participants vote, then all change their ballot: 100 votes, 50 voters.
    const first = await Promise.all(pids.map((pid, i) => vote(server.url, poll.id, `word${i % 5}`, pid)));
    const second = await Promise.all(pids.map((pid) => vote(server.url, poll.id, " Final ", pid)));
    for (const r of [...first, ...second]) expect(r.status).toBe(200);
    const stored = await getResults(server.url, poll.id);
    expect(stored).toMatchObject({ voters: 50, words: [{ text: "final", count: 50 }] });
    await until(heard, (r: any) => r.seq === stored.seq, 5000);
    await sleep(300);
    await barrier(server.url, ev.moderatorKey, ev.code, [screen.socket]);
    const mine = forPoll(heard, poll.id);
    expect(mine.length, `${mine.length} results messages for 100 votes`).toBeLessThanOrEqual(25);
    expectSeqNeverBack(mine);
    expect(mine.at(-1)).toEqual(stored);
  });

  it("coalesces per poll: bursts in two rooms each reach their own screens, few messages each", async () => {
    const ev = await server.event({ rooms: 2 });
    const [a, b] = ev.rooms.map((r) => r.code);
    const pollA = await createOpenPoll(server.url, ev.moderatorKey, a);
    const pollB = await createOpenPoll(server.url, ev.moderatorKey, b, pollBody("scale"));
    const screenA = await server.screen(a);
    const screenB = await server.screen(b);
    const heardA = record(screenA.socket, "results");
    const heardB = record(screenB.socket, "results");
    const votesA = Array.from({ length: 60 }, (_, i) => vote(server.url, pollA.id, [i % 3]));
    const votesB = Array.from({ length: 60 }, (_, i) => vote(server.url, pollB.id, (i % 5) + 1));
    const replies = await Promise.all([...votesA, ...votesB]);
    for (const r of replies) expect(r.status).toBe(200);
    const storedA = await getResults(server.url, pollA.id);
    const storedB = await getResults(server.url, pollB.id);
    expect(storedA).toMatchObject({ voters: 60, counts: [20, 20, 20] });
    expect(storedB).toMatchObject({ voters: 60, counts: [12, 12, 12, 12, 12] });
    await until(heardA, (r: any) => r.seq === storedA.seq, 5000);
    await until(heardB, (r: any) => r.seq === storedB.seq, 5000);
    expect(forPoll(heardA, pollB.id)).toEqual([]);
    expect(forPoll(heardB, pollA.id)).toEqual([]);
    for (const [list, stored] of [
      [heardA, storedA],
      [heardB, storedB],
    ] as const) {
      expect(list.length).toBeLessThanOrEqual(15);
      expectSeqNeverBack(list);
      expect(list.at(-1)).toEqual(stored);
    }
  });

  it("seq grows with every change: votes and a reset", async () => {
    const ev = await server.event();
    const poll = await server.openPoll(ev);
    const r0 = await getResults(server.url, poll.id);
    const r1 = (await vote(server.url, poll.id, [0])).body;
    const r2 = (await vote(server.url, poll.id, [1])).body;
    const { body: reset } = await api(server.url, "POST", `/api/polls/${poll.id}/reset`, { token: ev.moderatorKey });
    expect(r1.seq).toBeGreaterThan(r0.seq);
    expect(r2.seq).toBeGreaterThan(r1.seq);
    expect(reset.seq).toBeGreaterThan(r2.seq);
    const screen = await server.screen(ev.code);
    // The reset's own broadcast may still be on its way: wait for the one that carries the vote.
    const next = waitFor(screen.socket, "results", (r: any) => r.pollId === poll.id && r.voters === 1);
    const r3 = (await vote(server.url, poll.id, [2])).body;
    expect(r3.seq).toBeGreaterThan(reset.seq);
    const got = await next;
    expect(got.seq).toBeGreaterThan(reset.seq);
  });
});
