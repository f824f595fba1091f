// Reactions on three nodes and one Redis: 200 phones spread over the nodes react within their
// limit (4 a second each, the limit is 5) for 2 s. Each node coalesces for its own screens (its
// reactions and those the others share), so every screen, whatever its node, is sent every
// acknowledged reaction once and at most one message per 250 ms tick; the store's totals hold
// each reaction once; phones get none.
import { describe, expect, it } from "vitest";
import { REACTION_TICK_MS } from "../../server/service/reaction-coalescer.js";
import { emitAck, record } from "../helpers/clients.js";
import { createEvent, moderatorSocket, participantSocket, screenSocket, sleep } from "../helpers/fixtures.js";
import { added, type Counts, sum, totalsReach } from "../helpers/reactions.js";
import { redisBinary } from "../helpers/redis-server.js";
import { waitUntil } from "./cluster-helpers.js";
import { useNodes } from "./use-nodes.js";

const available = redisBinary() !== null;
const EMOJIS = ["👏", "❤️", "😂", "😮", "👍", "🎉"];
const PHONES = 200;
const ROUNDS = 8; // one reaction per phone every 250 ms: 2 s at 4 a second

describe.skipIf(!available)("reactions on three nodes", { timeout: 60_000 }, () => {
  const cluster = useNodes(3);

  it("200 phones over three nodes: every screen sees each acknowledged reaction once, coalesced per tick; the totals count each once", async () => {
    const nodes = cluster.nodes();
    const urls = cluster.urls();
    const ev = await createEvent(urls[0]!);
    // Two screens per node and a console on the last.
    const watchers = [
      ...(await Promise.all([...urls, ...urls].map((url) => screenSocket(url, ev.code)))),
      await moderatorSocket(urls[2]!, ev.code, ev.moderatorKey),
    ];
    const seen = watchers.map((w) => record<{ counts: Counts }>(w.socket, "reactions"));
    const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => participantSocket(urls[i % 3]!, ev.code)));
    const onPhones = phones.map((p) => record(p.socket, "reactions"));

    const started = Date.now();
    const sent: { emoji: string; ack: Promise<{ ok: boolean }> }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, phone] of phones.entries()) {
        const emoji = EMOJIS[(i + round) % EMOJIS.length]!;
        sent.push({ emoji, ack: emitAck(phone.socket, "react", { emoji }) });
      }
      await sleep(REACTION_TICK_MS);
    }
    const acked: Counts = {};
    for (const { emoji, ack } of sent) if ((await ack).ok) acked[emoji] = (acked[emoji] ?? 0) + 1;
    // Within the limit: none refused.
    expect(sum(acked)).toBe(PHONES * ROUNDS);

    // Each node saves its own reactions: the room's totals are every acknowledged one, once.
    const totals = await totalsReach(nodes[0]!.app.store, ev.code, sum(acked));
    expect(totals).toEqual(acked);
    for (const node of nodes) expect(await node.app.store.reactionTotals(ev.code)).toEqual(acked);

    // Every screen and the console, whatever its node, is sent them all, then nothing more.
    await waitUntil(() => seen.every((s) => sum(added(s)) >= sum(acked)), "every screen sent every reaction");
    await sleep(3 * REACTION_TICK_MS);
    const elapsed = Date.now() - started;
    for (const messages of seen) {
      expect(added(messages)).toEqual(acked);
      // One message per tick at most from the screen's node, plus the first one of an idle room.
      expect(messages.length).toBeLessThanOrEqual(Math.ceil(elapsed / REACTION_TICK_MS) + 1);
    }
    for (const messages of onPhones) expect(messages).toEqual([]);
  });
});
