// Each poll kind's rules (shared/poll-kinds) against the same questions: which ballots it takes and
// how it stores them, which it refuses and in which words, what it counts, its results and exports.
import { describe, expect, it } from "vitest";
import type { Choice, PollKind } from "../../shared/model.js";
import { buildResults, POLL_KINDS } from "../../shared/poll-kinds/index.js";
import { refusal } from "../helpers/refusal.js";

const options = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);

interface Sample {
  /** Options of the sample poll. */
  options: string[];
  /** Ballots as sent, with their stored form and tally keys. */
  accepts: [sent: unknown, stored: Choice, keys: string[]][];
  /** Ballots refused, with a piece of their English sentence. */
  refuses: [sent: unknown, en: RegExp][];
}

/** A Record over PollKind: a kind without samples is a type error. */
const SAMPLES: Record<PollKind, Sample> = {
  single: {
    options: options(3),
    accepts: [[[2], [2], ["2"]]],
    refuses: [
      [[0, 1], /exactly one/],
      [[3], /does not exist/],
      [[], /exactly one/],
      ["0", /list of option numbers/],
    ],
  },
  multiple: {
    options: options(4),
    accepts: [
      [
        [3, 0],
        [0, 3],
        ["0", "3"],
      ],
      [[1], [1], ["1"]],
    ],
    refuses: [
      [[1, 1], /once/],
      [[], /at least one/],
      [[4], /does not exist/],
      [[0.5], /list of option numbers/],
    ],
  },
  scale: {
    options: [],
    accepts: [
      [1, 1, ["1"]],
      [5, 5, ["5"]],
    ],
    refuses: [
      [0, /1 to 5/],
      [6, /1 to 5/],
      [2.5, /1 to 5/],
      [[3], /1 to 5/],
    ],
  },
  wordcloud: {
    options: [],
    accepts: [["  Élan ", "élan", ["élan"]]],
    refuses: [
      ["   ", /1 to 40/],
      [3, /a word/],
    ],
  },
  ranking: {
    options: options(3),
    // Borda: first of 3 gets 2 points (its key twice), second 1, last none.
    accepts: [
      [
        [2, 0, 1],
        [2, 0, 1],
        ["2", "2", "0"],
      ],
      [
        [0, 1, 2],
        [0, 1, 2],
        ["0", "0", "1"],
      ],
    ],
    refuses: [
      [[0, 0, 1], /once/],
      [[0, 1], /Rank every option/],
      [[0, 1, 3], /does not exist/],
      [[-1, 0, 1], /does not exist/],
      [[0, 1, 2, 0], /once/],
      [2, /list of option numbers/],
      [[0, 1.5, 2], /list of option numbers/],
    ],
  },
  quiz: {
    options: options(4),
    // One option, as a single choice.
    accepts: [[[3], [3], ["3"]]],
    refuses: [
      [[0, 1], /exactly one/],
      [[4], /does not exist/],
      ["0", /list of option numbers/],
    ],
  },
  open: {
    options: [],
    // Trimmed, case kept; counted per answer, not per key.
    accepts: [
      ["  Plus de pauses ! ", "Plus de pauses !", []],
      ["é".repeat(280), "é".repeat(280), []],
    ],
    refuses: [
      ["   ", /1 to 280/],
      ["x".repeat(281), /1 to 280/],
      [3, /a text/],
      [["a"], /a text/],
    ],
  },
};

describe.each(Object.keys(POLL_KINDS) as PollKind[])("%s", (kind) => {
  const rules = POLL_KINDS[kind];
  const sample = SAMPLES[kind];
  const poll = { id: "p1", kind, options: sample.options };

  it("takes the options of its sample", () => {
    expect(rules.checkOptions(sample.options)).toEqual(sample.options);
    expect(rules.options === null).toBe(sample.options.length === 0);
  });

  it("refuses too few or too many options, in both languages", () => {
    const wrong = rules.options ? [options(rules.options.min - 1), options(rules.options.max + 1)] : [options(2)];
    for (const list of wrong) {
      const error = refusal(() => rules.checkOptions(list));
      expect(error.code).toBe("invalid");
      expect(error.text.fr).not.toBe(error.text.en);
    }
  });

  it("stores a ballot in its stored form, which it takes again unchanged", () => {
    for (const [sent, stored, keys] of sample.accepts) {
      expect(rules.normalizeChoice(poll, sent)).toEqual(stored);
      expect(rules.normalizeChoice(poll, stored)).toEqual(stored);
      expect(rules.tallyKeys(stored, poll)).toEqual(keys);
    }
  });

  it("refuses a bad ballot with a sentence in English and French", () => {
    for (const [sent, en] of sample.refuses) {
      const error = refusal(() => rules.normalizeChoice(poll, sent));
      expect(error.code).toBe("invalid");
      expect(error.status).toBe(400);
      expect(error.text.en).toMatch(en);
      expect(error.text.fr.length).toBeGreaterThan(0);
    }
    for (const sent of [null, undefined, { 0: 1 }]) expect(refusal(() => rules.normalizeChoice(poll, sent)).code).toBe("invalid");
  });

  it("counts its ballots in its results and exports", () => {
    const tally: Record<string, number> = {};
    for (const [, stored] of sample.accepts) for (const key of rules.tallyKeys(stored, poll)) tally[key] = (tally[key] ?? 0) + 1;
    const results = buildResults(poll, { tally, voters: sample.accepts.length, seq: 3 });
    expect(results.pollId).toBe("p1");
    expect(results.voters).toBe(sample.accepts.length);
    expect(results.seq).toBe(3);
    const rows = rules.csvRows(poll, results);
    const total = (results.counts ?? results.words?.map((w) => w.count) ?? []).reduce((a, b) => a + b, 0);
    expect(rows.reduce((a, [, count]) => a + count, 0)).toBe(total);
    expect(total).toBe(Object.values(tally).reduce((a, b) => a + b, 0));
    if (results.counts) {
      expect(results.counts).toHaveLength(rules.labels(poll).length);
      expect(rows.map(([label]) => label)).toEqual(rules.labels(poll));
    }
  });

  it("shows zeros (or no words) before any ballot", () => {
    const empty = buildResults(poll, { tally: {}, voters: 0, seq: 0 });
    if (empty.counts) expect(empty.counts).toEqual(rules.labels(poll).map(() => 0));
    else expect(empty.words ?? empty.answers).toEqual([]);
  });
});

describe("ranking: Borda points", () => {
  const rules = POLL_KINDS.ranking;
  const poll = { id: "p1", kind: "ranking" as const, options: options(4) };
  const count = (ballots: number[][]) => {
    const tally: Record<string, number> = {};
    for (const b of ballots) for (const key of rules.tallyKeys(b, poll)) tally[key] = (tally[key] ?? 0) + 1;
    return buildResults(poll, { tally, voters: ballots.length, seq: 1 }).counts;
  };

  it("gives n − 1 − p points to the option at position p", () => {
    expect(count([[3, 1, 0, 2]])).toEqual([1, 2, 0, 3]);
    expect(count([[0, 1, 2, 3]])).toEqual([3, 2, 1, 0]);
  });

  it("adds the points of every ballot; each ballot gives n(n − 1)/2 in all", () => {
    const ballots = [
      [3, 1, 0, 2],
      [0, 1, 2, 3],
      [1, 0, 3, 2],
    ];
    expect(count(ballots)).toEqual([1 + 3 + 2, 2 + 2 + 3, 0 + 1 + 0, 3 + 0 + 1]);
    expect(count(ballots)!.reduce((a, b) => a + b, 0)).toBe(3 * 6);
  });

  it("takes 2 to 10 options", () => {
    expect(rules.checkOptions(options(2))).toHaveLength(2);
    expect(rules.checkOptions(options(10))).toHaveLength(10);
    expect(refusal(() => rules.checkOptions(options(11))).text).toEqual({
      en: "A ranking poll needs 2 to 10 options.",
      fr: "Un classement demande de 2 à 10 options.",
    });
    expect(refusal(() => rules.checkOptions(undefined)).code).toBe("invalid");
  });

  it("keeps the ordering as given: it is the stored form", () => {
    expect(rules.normalizeChoice(poll, [2, 3, 0, 1])).toEqual([2, 3, 0, 1]);
  });

  it("exports one row per option with its points", () => {
    const results = buildResults(poll, { tally: { "3": 3, "1": 2, "0": 1 }, voters: 1, seq: 1 });
    expect(rules.csvRows(poll, results)).toEqual([
      ["Option 1", 1],
      ["Option 2", 2],
      ["Option 3", 0],
      ["Option 4", 3],
    ]);
    expect(rules.csvRows(poll, null).map(([, n]) => n)).toEqual([0, 0, 0, 0]);
  });
});

describe("open answers", () => {
  const rules = POLL_KINDS.open;
  const poll = { id: "p1", kind: "open" as const, options: [] };
  const answer = (i: number, hidden = false) => ({
    id: `a${i}`,
    text: `Answer ${i}`,
    createdAt: `2026-11-30T09:00:${String(i % 60).padStart(2, "0")}.000Z`,
    hidden,
  });

  it("keeps each ballot's text as an answer, counting no key", () => {
    expect(rules.keepsAnswers).toBe(true);
    expect(rules.tallyKeys("Une idée", poll)).toEqual([]);
    expect(rules.labels(poll)).toEqual([]);
  });

  it("carries the answers it is given, newest first as given, at most 100, hidden ones marked", () => {
    const answers = Array.from({ length: 120 }, (_, i) => answer(120 - i, i === 1));
    const results = buildResults(poll, { tally: {}, voters: 120, seq: 9, answers });
    expect(results.answers).toHaveLength(100);
    expect(results.answers![0]).toEqual({ id: "a120", text: "Answer 120", createdAt: answers[0]!.createdAt });
    expect(results.answers![1]).toMatchObject({ id: "a119", hidden: true });
    expect(results.answers!.filter((a) => "hidden" in a)).toHaveLength(1);
    expect(results.counts).toBeUndefined();
    expect(results.words).toBeUndefined();
  });

  it("exports the visible answers one per row", () => {
    const results = buildResults(poll, { tally: {}, voters: 2, seq: 2, answers: [answer(2, true), answer(1)] });
    expect(rules.csvRows(poll, results)).toEqual([["Answer 1", 1]]);
  });

  it("refuses 281 characters in both languages", () => {
    expect(refusal(() => rules.normalizeChoice(poll, "x".repeat(281))).text).toEqual({
      en: "The answer must be 1 to 280 characters.",
      fr: "La réponse doit faire de 1 à 280 caractères.",
    });
  });
});
