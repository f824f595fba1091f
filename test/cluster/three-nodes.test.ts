// Three in-process nodes on one real redis-server: whatever node a phone, a screen or a
// moderator is on, everyone ends with the same results and questions, results stay coalesced
// cluster-wide, participant counts are cluster-wide, and two moderators merging the same pair
// on different nodes: one wins, the other 409, upvotes counted once, every node sees the merge.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emitAck, newParticipantId, record, waitFor } from "../helpers/clients.js";
import {
  askOk,
  closeSockets,
  createEvent,
  createOpenPoll,
  expectAckOk,
  expectSeqNeverBack,
  getResults,
  moderationState,
  moderatorSocket,
  participantSocket,
  patchRoom,
  pollBody,
  publicState,
  screenSocket,
  upvote,
  vote,
} from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import type { TestServer } from "../helpers/server.js";
import { closeNodes, startNodes, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;

describe.skipIf(!available)("three nodes on one Redis", () => {
  let redis: RedisServer;
  let nodes: TestServer[];
  let urls: string[];

  beforeAll(async () => {
    redis = await startRedis();
    nodes = await startNodes(3, redis.url);
    urls = nodes.map((n) => n.url);
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await closeNodes(nodes ?? []);
    await redis?.destroy();
  });

  /** The questions a client knows: its `state`, then every `question` event on top. */
  function questionView(socket: Socket, state: any): Map<string, any> {
    const view = new Map<string, any>(state.questions.map((q: any) => [q.id, q]));
    socket.on("state", (s: any) => {
      view.clear();
      for (const q of s.questions) view.set(q.id, q);
    });
    socket.on("question", (q: any) => view.set(q.id, q));
    return view;
  }

  const visible = (view: Map<string, any>) =>
    [...view.values()]
      .filter((q) => q.status === "live" || q.status === "answered")
      .map(({ id, status, upvotes, highlighted }) => ({ id, status, upvotes, highlighted }))
      .sort((a, b) => a.id.localeCompare(b.id));

  const latest = (results: any[], pollId: string) => results.filter((r) => r.pollId === pollId).at(-1);

  it("shows every screen the same results and questions, and moderation on A reaches clients on C", async () => {
    const [A, B, C] = urls as [string, string, string];
    const ev = await createEvent(A);
    await patchRoom(B, ev.moderatorKey, ev.code, { premoderation: true });
    const screens = await Promise.all(urls.map((u) => screenSocket(u, ev.code)));
    const screenResults = screens.map((s) => record(s.socket, "results"));
    const screenQuestions = screens.map((s) => questionView(s.socket, s.state));
    const modA = await moderatorSocket(A, ev.code, ev.moderatorKey);
    const modC = await moderatorSocket(C, ev.code, ev.moderatorKey);
    const modQuestions = [modA, modC].map((m) => questionView(m.socket, m.state));
    const people = await Promise.all(Array.from({ length: 9 }, (_, i) => participantSocket(urls[i % 3]!, ev.code)));
    const peopleQuestions = people.map((p) => questionView(p.socket, p.state));

    // A poll made on A and opened on B reaches the screens of every node.
    const opened = screens.map((s) => waitFor(s.socket, "poll", (p: any) => p.status === "open"));
    const poll = await createOpenPoll(A, ev.moderatorKey, ev.code, pollBody("single"));
    await Promise.all(opened);

    // Six vote through their socket, three over HTTP on another node than their socket's.
    await Promise.all(
      people.map((p, i) =>
        i < 6
          ? emitAck(p.socket, "vote", { pollId: poll.id, choice: [i % 3] }).then(expectAckOk)
          : vote(urls[(i + 1) % 3]!, poll.id, [2], p.participantId).then((r) => expect(r.status).toBe(200)),
      ),
    );
    const final = await getResults(C, poll.id);
    expect(final).toMatchObject({ voters: 9, counts: [2, 2, 5] });
    for (const seen of screenResults) {
      await waitUntil(() => latest(seen, poll.id)?.seq === final.seq, "every screen has the final results");
      expect(latest(seen, poll.id)).toEqual(final);
      expectSeqNeverBack(seen);
    }

    // Everyone asks (pre-moderation: pending); both moderators see every question.
    const asked = await Promise.all(
      people.map((p, i) => emitAck(p.socket, "ask", { text: `Question ${i} from node ${i % 3}?`, clientId: `c${i}` })),
    );
    const questions = asked.map((a) => expectAckOk(a));
    for (const view of modQuestions) await waitUntil(() => view.size === 9, "moderators see every pending question");

    // The moderator on A approves three and highlights one; clients on C see it.
    for (const q of questions.slice(0, 3))
      expectAckOk(await emitAck(modA.socket, "question:moderate", { questionId: q.id, action: "approve" }));
    expectAckOk(await emitAck(modA.socket, "question:moderate", { questionId: questions[1].id, action: "highlight" }));
    // A participant on C upvotes a question approved on A.
    expectAckOk(await emitAck(people[2]!.socket, "upvote", { questionId: questions[0].id, on: true }));

    const expected = visible(new Map((await publicState(B, ev.code)).questions.map((q: any) => [q.id, q])));
    expect(expected).toHaveLength(3);
    expect(expected.find((q) => q.id === questions[1].id)).toMatchObject({ highlighted: true });
    expect(expected.find((q) => q.id === questions[0].id)).toMatchObject({ upvotes: 1 });
    for (const view of [...screenQuestions, ...peopleQuestions]) {
      await waitUntil(
        () => JSON.stringify(visible(view)) === JSON.stringify(expected),
        "every client shows the public questions",
      );
    }
    for (const view of modQuestions) {
      await waitUntil(() => view.get(questions[1].id)?.highlighted === true, "moderators see the highlight");
      expect(view.size).toBe(9);
    }
    // Pending questions never reached the public, on any node.
    for (const view of screenQuestions) expect([...view.values()].every((q) => q.status !== "pending")).toBe(true);
  });

  it("coalesces a vote storm cluster-wide: far fewer results than votes, seq never back", async () => {
    const ev = await createEvent(urls[0]!);
    const poll = await createOpenPoll(urls[1]!, ev.moderatorKey, ev.code, pollBody("single", { options: ["A", "B", "C", "D"] }));
    const screens = await Promise.all(urls.map((u) => screenSocket(u, ev.code)));
    const seen = screens.map((s) => record(s.socket, "results"));
    const people = await Promise.all(Array.from({ length: 60 }, (_, i) => participantSocket(urls[i % 3]!, ev.code)));
    const peopleSeen = people.map((p) => record(p.socket, "results"));

    const ROUNDS = 5;
    const choices = people.map(() => 0);
    await Promise.all(
      people.map(async (p, i) => {
        for (let round = 0; round < ROUNDS; round++) {
          choices[i] = (i + round) % 4;
          expectAckOk(await emitAck(p.socket, "vote", { pollId: poll.id, choice: [choices[i]] }));
        }
      }),
    );
    const votes = people.length * ROUNDS;
    const final = await getResults(urls[2]!, poll.id);
    const counts = [0, 0, 0, 0];
    for (const c of choices) counts[c]! += 1;
    expect(final).toMatchObject({ voters: 60, counts });

    for (const list of [...seen, ...peopleSeen]) {
      await waitUntil(() => latest(list, poll.id)?.seq === final.seq, "every client has the final results");
      expect(latest(list, poll.id)).toEqual(final);
      expectSeqNeverBack(list);
    }
    for (const list of seen) expect(list.length).toBeLessThan(votes / 4);
    console.log(`vote storm: ${votes} votes, results per screen: ${seen.map((l) => l.length).join(", ")}`);
  });

  it("counts distinct participants across nodes, and follows them as they leave", async () => {
    const ev = await createEvent(urls[0]!);
    const count = async (url: string) => {
      const res = await moderationState(url, ev.moderatorKey, ev.code);
      return res.participants as number;
    };
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => participantSocket(urls[i % 3]!, ev.code)));
    // The same phone in two tabs on two nodes counts once; screens and moderators not at all.
    const twin = await participantSocket(urls[2]!, ev.code, people[0]!.participantId);
    await screenSocket(urls[1]!, ev.code);
    for (const url of urls) await waitUntil(async () => (await count(url)) === 6, "6 participants seen from every node");

    people[0]!.socket.close(); // its twin is still connected
    people[1]!.socket.close();
    await waitUntil(async () => (await count(urls[2]!)) === 5, "5 participants");
    twin.socket.close();
    await waitUntil(async () => (await count(urls[0]!)) === 4, "4 participants");
    const res = await fetch(`${urls[1]}/api/events/${ev.eventId}`, { headers: { authorization: `Bearer ${ev.moderatorKey}` } });
    expect((await res.json()).rooms[0].participants).toBe(4);
    // A moderator learns the count by push too.
    const mod = await moderatorSocket(urls[1]!, ev.code, ev.moderatorKey);
    const pushed = waitFor(mod.socket, "participants", (p: any) => p.participants === 5, 5_000);
    await participantSocket(urls[0]!, ev.code, newParticipantId());
    expect(await pushed).toEqual({ code: ev.code, participants: 5 });
  });

  it("reaches every node with room settings, resyncs (serverSideEmit) and an erased event's disconnects", async () => {
    const ev = await createEvent(urls[0]!);
    const poll = await createOpenPoll(urls[0]!, ev.moderatorKey, ev.code, pollBody("scale"));
    const clients = await Promise.all(urls.map((u, i) => (i === 1 ? screenSocket(u, ev.code) : participantSocket(u, ev.code))));
    const rooms = clients.map((c) => waitFor(c.socket, "room", (r: any) => r.qaOpen === false));
    await patchRoom(urls[1]!, ev.moderatorKey, ev.code, { qaOpen: false });
    await Promise.all(rooms);

    // Deleting a poll sends everyone a fresh state: this node directly, the others by serverSideEmit.
    const states = clients.map((c) => waitFor(c.socket, "state", (s: any) => s.polls.length === 0));
    const res = await fetch(`${urls[2]}/api/polls/${poll.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ev.moderatorKey}` },
    });
    expect(res.status).toBe(204);
    await Promise.all(states);

    // Erasing the event on one node disconnects its sockets on every node.
    const gone = clients.map((c) => new Promise((resolve) => c.socket.once("disconnect", resolve)));
    const erased = await fetch(`${urls[0]}/api/events/${ev.eventId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${nodes[0]!.adminToken}` },
    });
    expect(erased.status).toBe(204);
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect", "io server disconnect"]);
  });

  it("reports readiness with the adapter's connection", async () => {
    for (const url of urls) {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ready", store: "redis", adapter: "connected" });
    }
  });

  it("two moderators on different nodes merge the same pair: one wins, one 409, upvotes once, every node sees it", async () => {
    const [A, B, C] = urls as [string, string, string];
    const ev = await createEvent(A);
    const asker = newParticipantId();
    const target = await askOk(A, ev.code, "Quand les vidéos des conférences seront-elles en ligne ?");
    const duplicate = await askOk(B, ev.code, "Les vidéos des conférences seront-elles en ligne ?", { participantId: asker });
    // Supporters: two of the target only, one of both, one of the duplicate only; the asker also supports the target.
    const [both, targetOnly1, targetOnly2, duplicateOnly] = Array.from({ length: 4 }, newParticipantId);
    for (const [i, p] of [targetOnly1, targetOnly2, both, asker].entries()) {
      expect((await upvote(urls[i % 3]!, target.id, p!)).status).toBe(200);
    }
    for (const [i, p] of [both, duplicateOnly].entries()) expect((await upvote(urls[i % 3]!, duplicate.id, p!)).status).toBe(200);
    // The union: targetOnly1, targetOnly2, both, asker, duplicateOnly.
    const expected = 5;

    const phones = await Promise.all(urls.map((u) => participantSocket(u, ev.code)));
    const seenMerged = phones.map((p) =>
      waitFor(p.socket, "question", (q: any) => q.id === duplicate.id && q.status === "merged"),
    );
    const seenTarget = phones.map((p) => waitFor(p.socket, "question", (q: any) => q.id === target.id && q.upvotes === expected));
    const modB = await moderatorSocket(B, ev.code, ev.moderatorKey);
    const modC = await moderatorSocket(C, ev.code, ev.moderatorKey);
    const payload = { questionId: duplicate.id, action: "merge", into: target.id };
    const acks = await Promise.all([modB, modC].map((m) => emitAck(m.socket, "question:moderate", payload)));

    const won = acks.filter((a: any) => a.ok);
    const lost = acks.filter((a: any) => !a.ok);
    expect(won).toHaveLength(1);
    expect(expectAckOk(won[0])).toMatchObject({ id: duplicate.id, status: "merged", mergedInto: target.id });
    expect(lost.map((a: any) => a.error.code)).toEqual(["conflict"]);

    for (const q of await Promise.all(seenMerged)) expect(q).toMatchObject({ status: "merged", mergedInto: target.id });
    for (const q of await Promise.all(seenTarget)) expect(q.upvotes).toBe(expected);
    const byId = new Map((await moderationState(C, ev.moderatorKey, ev.code)).questions.map((q: any) => [q.id, q]));
    expect(byId.get(target.id)).toMatchObject({ status: "live", upvotes: expected });
    expect(byId.get(duplicate.id)).toMatchObject({ status: "merged", mergedInto: target.id });
    // Merging again, on any node, is refused: the duplicate is final.
    const again = await emitAck(modB.socket, "question:moderate", payload);
    expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });
  });
});
