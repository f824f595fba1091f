// The report's recorder: counts per room and minute in memory, one write per room per flush,
// minutes given back (and merged) when the store refuses a write.
import { describe, expect, it } from "vitest";
import { ActivityRecorder } from "../../server/service/activity-recorder.js";
import type { ActivityBatch } from "../../server/store/store.js";

function recorder(fail = false) {
  const writes: { code: string; batches: ActivityBatch[] }[] = [];
  let now = Date.parse("2026-06-28T09:00:10.000Z");
  const store = {
    fail,
    async recordActivity(code: string, batches: ActivityBatch[]) {
      if (store.fail) throw new Error("store down");
      writes.push({ code, batches });
    },
  };
  const rec = new ActivityRecorder(store, () => new Date(now), 0);
  return { rec, writes, store, advance: (ms: number) => (now += ms) };
}

describe("ActivityRecorder", () => {
  it("counts per room and minute, participants as the highest heard, each id once", async () => {
    const { rec, writes, advance } = recorder();
    rec.participants("ROOM01", 5);
    rec.count("ROOM01", "votes", 1, "a");
    rec.count("ROOM01", "votes", 1, "a");
    rec.participants("ROOM01", 3);
    rec.count("ROOM01", "questions", 1, "b");
    advance(60_000);
    rec.count("ROOM01", "reactions", 2, "c");
    rec.seen("ROOM02", "d");
    await rec.flush();
    expect(writes).toEqual([
      {
        code: "ROOM01",
        batches: [
          { minute: "2026-06-28T09:00:00.000Z", participants: 5, votes: 2, questions: 1, reactions: 0, seen: ["a", "b"] },
          // A new minute starts from the last count heard.
          { minute: "2026-06-28T09:01:00.000Z", participants: 3, votes: 0, questions: 0, reactions: 2, seen: ["c"] },
        ],
      },
      {
        code: "ROOM02",
        batches: [{ minute: "2026-06-28T09:01:00.000Z", participants: 0, votes: 0, questions: 0, reactions: 0, seen: ["d"] }],
      },
    ]);
    await rec.flush();
    expect(writes).toHaveLength(2); // nothing new, nothing written
  });

  it("keeps what a failed write held and adds it to the next one", async () => {
    const { rec, writes, store } = recorder(true);
    rec.count("ROOM01", "votes", 1, "a");
    await expect(rec.flush("ROOM01")).rejects.toThrow("store down");
    rec.count("ROOM01", "votes", 1, "b");
    store.fail = false;
    await rec.flush("ROOM01");
    expect(writes).toEqual([
      {
        code: "ROOM01",
        batches: [
          { minute: "2026-06-28T09:00:00.000Z", participants: 0, votes: 2, questions: 0, reactions: 0, seen: ["a", "b"] },
        ],
      },
    ]);
  });

  it("writes what is left when it closes, and forgets an erased room", async () => {
    const { rec, writes } = recorder();
    rec.count("GONE01", "votes", 1, "a");
    rec.forget("GONE01");
    rec.count("ROOM01", "questions", 1, "b");
    await rec.close();
    expect(writes.map((w) => w.code)).toEqual(["ROOM01"]);
  });
});
