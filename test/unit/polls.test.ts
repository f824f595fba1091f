import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ballotKeys,
  buildResults,
  checkOptions,
  hideResults,
  normalizeChoice,
  POLL_MOVES,
  type TallySnapshot,
} from "../../server/core/polls.js";
import type { Poll, PollKind, PollStatus } from "../../shared/model.js";
import { isPublicPoll } from "../../shared/visibility.js";
import { refusal } from "../helpers/refusal.js";

const options = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);
const poll = (kind: PollKind, n = 0): Pick<Poll, "id" | "kind" | "options"> => ({ id: "p1", kind, options: options(n) });
const snap = (tally: Record<string, number>, voters = 0, seq = 7): TallySnapshot => ({ tally, voters, seq });

describe("checkOptions", () => {
  it.each(["single", "multiple"] as const)("%s polls take 2 to 12 options, returned as given", (kind) => {
    expect(checkOptions(kind, options(2))).toEqual(options(2));
    expect(checkOptions(kind, options(12))).toEqual(options(12));
    for (const bad of [undefined, [], options(1), options(13)]) {
      const error = refusal(() => checkOptions(kind, bad));
      expect(error.code).toBe("invalid");
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/2 to 12 options/);
    }
  });

  it.each(["scale", "wordcloud"] as const)("%s polls take no options", (kind) => {
    expect(checkOptions(kind, undefined)).toEqual([]);
    expect(checkOptions(kind, [])).toEqual([]);
    expect(refusal(() => checkOptions(kind, ["A"])).code).toBe("invalid");
  });
});

describe("normalizeChoice", () => {
  it("single: exactly one existing option", () => {
    const p = poll("single", 4);
    expect(normalizeChoice(p, [0])).toEqual([0]);
    expect(normalizeChoice(p, [3])).toEqual([3]);
    for (const bad of [[], [0, 1], [4], [-1], [1.5], [Number.NaN], "1", 1, null, undefined, { 0: 1 }]) {
      expect(refusal(() => normalizeChoice(p, bad)).code).toBe("invalid");
    }
  });

  it("multiple: distinct existing options, stored sorted", () => {
    const p = poll("multiple", 5);
    expect(normalizeChoice(p, [3, 0, 2])).toEqual([0, 2, 3]);
    expect(normalizeChoice(p, [4])).toEqual([4]);
    expect(normalizeChoice(p, [4, 3, 2, 1, 0])).toEqual([0, 1, 2, 3, 4]);
    expect(refusal(() => normalizeChoice(p, [1, 1])).message).toMatch(/once/);
    expect(refusal(() => normalizeChoice(p, [2, 0, 2])).message).toMatch(/once/);
    expect(refusal(() => normalizeChoice(p, [])).message).toMatch(/at least one/);
    expect(refusal(() => normalizeChoice(p, [0, 5])).message).toMatch(/does not exist/);
    expect(refusal(() => normalizeChoice(p, [-1])).message).toMatch(/does not exist/);
    expect(refusal(() => normalizeChoice(p, ["0"])).code).toBe("invalid");
  });

  it("multiple: any set of existing options comes back sorted, whatever the order sent", () => {
    const p = poll("multiple", 12);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 12 }), (picked) => {
        const stored = normalizeChoice(p, picked) as number[];
        expect(stored).toEqual([...picked].sort((a, b) => a - b));
      }),
    );
  });

  it("scale: a whole number from 1 to 5", () => {
    const p = poll("scale");
    for (const v of [1, 2, 3, 4, 5]) expect(normalizeChoice(p, v)).toBe(v);
    for (const bad of [0, 6, -1, 2.5, "3", [3], null]) {
      expect(refusal(() => normalizeChoice(p, bad)).code).toBe("invalid");
    }
  });

  it("wordcloud: trimmed, case-folded, 1 to 40 code points", () => {
    const p = poll("wordcloud");
    expect(normalizeChoice(p, "  Paris \n")).toBe("paris");
    expect(normalizeChoice(p, "ÉCOLE Normale")).toBe("école normale");
    expect(normalizeChoice(p, "a")).toBe("a");
    // Emoji are two UTF-16 units but one code point each: 40 of them fit, 41 do not.
    const emoji = "😀".repeat(40);
    expect(emoji.length).toBe(80);
    expect(normalizeChoice(p, `  ${emoji}  `)).toBe(emoji);
    expect(refusal(() => normalizeChoice(p, `${emoji}😀`)).message).toMatch(/1 to 40/);
    expect(normalizeChoice(p, "x".repeat(40))).toBe("x".repeat(40));
    expect(refusal(() => normalizeChoice(p, "x".repeat(41))).code).toBe("invalid");
    for (const bad of ["", "   ", 3, ["word"], null]) {
      expect(refusal(() => normalizeChoice(p, bad)).code).toBe("invalid");
    }
  });
});

describe("ballotKeys", () => {
  it("counts an option list per index, a scale value or a word once", () => {
    expect(ballotKeys(poll("multiple", 12), [0, 2, 11])).toEqual(["0", "2", "11"]);
    expect(ballotKeys(poll("scale"), 4)).toEqual(["4"]);
    expect(ballotKeys(poll("wordcloud"), "café")).toEqual(["café"]);
  });
});

describe("buildResults", () => {
  it("single/multiple: one count per option, zero where nobody chose it", () => {
    expect(buildResults(poll("multiple", 4), snap({ "0": 2, "3": 5 }, 6, 9))).toEqual({
      pollId: "p1",
      voters: 6,
      counts: [2, 0, 0, 5],
      seq: 9,
    });
    // A key beyond the options (e.g. left by an edit) is not shown.
    expect(buildResults(poll("single", 2), snap({ "1": 1, "5": 3 })).counts).toEqual([0, 1]);
  });

  it("scale: five counts for the values 1 to 5", () => {
    const results = buildResults(poll("scale"), snap({ "1": 4, "3": 2, "5": 1 }, 7));
    expect(results.counts).toEqual([4, 0, 2, 0, 1]);
    expect(results.words).toBeUndefined();
    expect(buildResults(poll("scale"), snap({})).counts).toEqual([0, 0, 0, 0, 0]);
  });

  it("wordcloud: most frequent first, ties alphabetical, zero counts dropped", () => {
    const results = buildResults(poll("wordcloud"), snap({ lyon: 2, paris: 5, brest: 2, nice: 0 }, 9, 3));
    expect(results).toEqual({
      pollId: "p1",
      voters: 9,
      words: [
        { text: "paris", count: 5 },
        { text: "brest", count: 2 },
        { text: "lyon", count: 2 },
      ],
      seq: 3,
    });
    expect(results.counts).toBeUndefined();
  });

  it("wordcloud: only the 100 most frequent answers", () => {
    const tally: Record<string, number> = {};
    for (let i = 0; i < 150; i++) tally[`w${String(i).padStart(3, "0")}`] = i + 1;
    const words = buildResults(poll("wordcloud"), snap(tally)).words!;
    expect(words).toHaveLength(100);
    expect(words[0]).toEqual({ text: "w149", count: 150 });
    expect(words[99]).toEqual({ text: "w050", count: 51 });
    for (let i = 1; i < words.length; i++) expect(words[i]!.count).toBeLessThanOrEqual(words[i - 1]!.count);
  });

  it("hideResults keeps the number of voters and the seq only", () => {
    const full = buildResults(poll("single", 2), snap({ "0": 1 }, 1, 4));
    expect(hideResults(full)).toEqual({ pollId: "p1", voters: 1, seq: 4 });
    const words = buildResults(poll("wordcloud"), snap({ a: 1 }, 1, 2));
    expect(hideResults(words)).toEqual({ pollId: "p1", voters: 1, seq: 2 });
  });
});

describe("poll transitions", () => {
  const statuses: PollStatus[] = ["draft", "open", "closed"];
  const allowed: Record<string, PollStatus[]> = { open: ["draft", "closed"], close: ["open"] };

  it.each(Object.keys(allowed))("%s moves only from its statuses", (move) => {
    const rule = POLL_MOVES[move as keyof typeof POLL_MOVES];
    for (const status of statuses) expect(rule.from.includes(status)).toBe(allowed[move]!.includes(status));
  });

  it("open leads to open, close to closed", () => {
    expect(POLL_MOVES.open.to).toBe("open");
    expect(POLL_MOVES.close.to).toBe("closed");
    expect(Object.keys(POLL_MOVES).sort()).toEqual(["close", "open"]);
  });

  it("the public never sees a draft", () => {
    expect(isPublicPoll({ status: "draft" })).toBe(false);
    expect(isPublicPoll({ status: "open" })).toBe(true);
    expect(isPublicPoll({ status: "closed" })).toBe(true);
  });
});
