// What reaction tests add up: the counts the screens were sent, and the room's stored totals once
// they are written (once per tick, so a test waits for them).
import type { Store } from "../../server/store/store.js";
import { sleep } from "./fixtures.js";

export type Counts = Record<string, number>;

/** What the screens were sent, added up. */
export function added(messages: { counts: Counts }[]): Counts {
  const total: Counts = {};
  for (const m of messages) for (const [emoji, n] of Object.entries(m.counts)) total[emoji] = (total[emoji] ?? 0) + n;
  return total;
}

export const sum = (counts: Counts): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Waits until the room's totals in the store reach `expected` reactions; answers them as they then are. */
export async function totalsReach(store: Pick<Store, "reactionTotals">, code: string, expected: number): Promise<Counts> {
  for (let i = 0; i < 100; i++) {
    const totals = await store.reactionTotals(code);
    if (sum(totals) >= expected) return totals;
    await sleep(50);
  }
  return store.reactionTotals(code);
}
