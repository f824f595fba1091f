// The phones' slices of each `results`, with the event loop's turns played by hand.
import { describe, expect, it } from "vitest";
import { PhoneFanout, SOCKETS_PER_TURN } from "../../server/realtime/phone-fanout.js";
import type { Results } from "../../shared/model.js";

const results = (pollId: string, seq: number): Results => ({ pollId, voters: seq, counts: [seq], seq });

/** A fan-out over `sizes.length` slices of the given sizes; `turn()` runs one deferred step. */
function fanout(sizes: number[]) {
  const sent: { slice: number; pollId: string; seq: number }[] = [];
  let next: (() => void) | null = null;
  const f = new PhoneFanout(
    sizes.length,
    (_code, slice, r) => {
      sent.push({ slice, pollId: r.pollId, seq: r.seq });
      return sizes[slice]!;
    },
    (step) => {
      expect(next).toBeNull(); // one step scheduled at a time
      next = step;
    },
  );
  const turn = () => {
    const step = next;
    next = null;
    step?.();
    return step !== null;
  };
  const drain = () => {
    let turns = 0;
    while (turn()) turns++;
    return turns;
  };
  return { f, sent, turn, drain };
}

describe("PhoneFanout", () => {
  it("sends a small room's every slice in one turn, each once", () => {
    const { f, sent, drain } = fanout([3, 3, 0, 2]);
    f.offer("ROOM01", results("p1", 1));
    expect(sent).toEqual([]); // not before the next turn: the caller's screens go first
    expect(drain()).toBe(1);
    expect(sent.map((s) => s.slice)).toEqual([0, 1, 2, 3]);
  });

  it("spreads a big room over turns, a budget of sockets per turn", () => {
    const size = SOCKETS_PER_TURN / 2;
    const { f, sent, turn, drain } = fanout(Array(8).fill(size));
    f.offer("ROOM01", results("p1", 1));
    turn();
    expect(sent.map((s) => s.slice)).toEqual([0, 1]);
    expect(drain()).toBe(3);
    expect(sent.map((s) => s.slice)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives each slice the newest results once when newer ones come mid-way", () => {
    const { f, sent, turn, drain } = fanout(Array(6).fill(SOCKETS_PER_TURN / 2));
    f.offer("ROOM01", results("p1", 1));
    turn(); // slices 0 and 1 have seq 1
    f.offer("ROOM01", results("p1", 2));
    f.offer("ROOM01", results("p1", 3));
    drain();
    const bySlice = (slice: number) => sent.filter((s) => s.slice === slice).map((s) => s.seq);
    expect(bySlice(0)).toEqual([1, 3]);
    expect(bySlice(1)).toEqual([1, 3]);
    for (const slice of [2, 3, 4, 5]) expect(bySlice(slice)).toEqual([3]);
  });

  it("sends the same results again when offered again (a visibility change keeps the seq)", () => {
    const { f, sent, drain } = fanout([1, 1]);
    f.offer("ROOM01", results("p1", 4));
    drain();
    f.offer("ROOM01", results("p1", 4));
    drain();
    expect(sent.map((s) => [s.slice, s.seq])).toEqual([
      [0, 4],
      [1, 4],
      [0, 4],
      [1, 4],
    ]);
  });

  it("keeps each poll apart and sends nothing more of a cancelled one", () => {
    const { f, sent, turn, drain } = fanout(Array(4).fill(SOCKETS_PER_TURN / 2));
    f.offer("ROOM01", results("p1", 1));
    f.offer("ROOM01", results("p2", 7));
    turn(); // the budget goes to p1's first two slices
    f.cancel("p1");
    drain();
    expect(sent.filter((s) => s.pollId === "p1").map((s) => s.slice)).toEqual([0, 1]);
    expect(sent.filter((s) => s.pollId === "p2").map((s) => s.slice)).toEqual([0, 1, 2, 3]);
  });
});
