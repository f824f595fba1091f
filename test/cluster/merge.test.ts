// Merging duplicates on three nodes of one Redis: two moderators on different nodes merge the
// same pair at the same moment; one wins, the other is refused (409), the target's upvotes count
// each supporter once, and phones on every node see the merge.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emitAck, newParticipantId, waitFor } from "../helpers/clients.js";
import {
  askOk,
  closeSockets,
  createEvent,
  expectAckOk,
  moderationState,
  moderatorSocket,
  participantSocket,
  upvote,
} from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import type { TestServer } from "../helpers/server.js";
import { closeNodes, startNodes } from "./cluster-helpers.js";

const available = redisBinary() !== null;

describe.skipIf(!available)("merging on three nodes", () => {
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
