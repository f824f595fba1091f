import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMove, canUpvote, MODERATION, type QuestionRecord, toPublicQuestion } from "../../server/core/questions.js";
import type { ModerationAction, Question, QuestionStatus } from "../../shared/model.js";
import { compareQuestions } from "../../shared/question-order.js";
import { isPublicStatus } from "../../shared/visibility.js";

const STATUSES: QuestionStatus[] = ["pending", "live", "answered", "rejected", "archived", "merged"];
const ACTIONS: ModerationAction[] = ["approve", "reject", "answer", "highlight", "unhighlight", "archive", "merge"];

const question = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  sessionId: null,
  reply: null,
  repliedAt: null,
  labels: [],
  id: "q1",
  roomCode: "ABCDEF",
  text: "Why?",
  author: "",
  status: "live",
  upvotes: 0,
  highlighted: false,
  createdAt: "2026-06-28T09:30:00.000Z",
  participantId: "participant-secret-id",
  clientId: "c1",
  ...over,
});

// The contract's table, written out in full: action → status → resulting status (absent: 409).
const EXPECTED: Record<ModerationAction, Partial<Record<QuestionStatus, QuestionStatus>>> = {
  approve: { pending: "live", rejected: "live" },
  reject: { pending: "rejected", live: "rejected" },
  answer: { live: "answered" },
  archive: { pending: "archived", live: "archived", answered: "archived", rejected: "archived" },
  highlight: { live: "live", answered: "answered" },
  unhighlight: { live: "live", answered: "answered" },
  // A merged question is final: no action applies to it.
  merge: { pending: "merged", live: "merged", answered: "merged" },
};

describe("moderation transitions", () => {
  for (const action of ACTIONS) {
    for (const status of STATUSES) {
      const to = EXPECTED[action][status];
      it(`${action} on ${status}: ${to ? `→ ${to}` : "refused"}`, () => {
        const move = MODERATION[action];
        expect(move.from.includes(status)).toBe(to !== undefined);
        if (!to) return;
        // Only a public question can carry a highlight; try both where possible.
        for (const highlighted of isPublicStatus(status) ? [false, true] : [false]) {
          const after = applyMove(question({ status, highlighted }), move);
          expect(after.status).toBe(to);
          const expectedHighlight =
            action === "highlight" ? true : action === "unhighlight" ? false : isPublicStatus(to) && highlighted;
          expect(after.highlighted).toBe(expectedHighlight);
        }
      });
    }
  }

  it("a question that leaves live/answered loses its highlight", () => {
    const lit = question({ status: "live", highlighted: true });
    expect(applyMove(lit, MODERATION.reject)).toMatchObject({ status: "rejected", highlighted: false });
    expect(applyMove(lit, MODERATION.archive)).toMatchObject({ status: "archived", highlighted: false });
    expect(applyMove(lit, MODERATION.answer)).toMatchObject({ status: "answered", highlighted: true });
    expect(applyMove(lit, MODERATION.merge)).toMatchObject({ status: "merged", highlighted: false });
    const answered = question({ status: "answered", highlighted: true });
    expect(applyMove(answered, MODERATION.archive)).toMatchObject({ status: "archived", highlighted: false });
    // Approving a rejected question does not bring back a highlight it lost.
    const rejected = applyMove(lit, MODERATION.reject);
    expect(applyMove(rejected, MODERATION.approve)).toMatchObject({ status: "live", highlighted: false });
  });

  it("keeps every other field, including the stored ones, and leaves its input alone", () => {
    const before = question({ status: "pending", upvotes: 3 });
    const copy = { ...before };
    const after = applyMove(before, MODERATION.approve);
    expect(after).toEqual({ ...before, status: "live" });
    expect(after.participantId).toBe("participant-secret-id");
    expect(before).toEqual(copy);
  });

  it("only live and answered questions are public", () => {
    expect(STATUSES.filter(isPublicStatus)).toEqual(["live", "answered"]);
  });
});

describe("canUpvote", () => {
  it("upvotes go to live questions; withdrawing also works on answered ones", () => {
    for (const status of STATUSES) {
      expect(canUpvote(status, true)).toBe(status === "live");
      expect(canUpvote(status, false)).toBe(status === "live" || status === "answered");
    }
  });
});

describe("compareQuestions", () => {
  it("sorts by upvotes, most first, then oldest first", () => {
    const a = question({ id: "a", upvotes: 1, createdAt: "2026-06-28T09:00:00.000Z" });
    const b = question({ id: "b", upvotes: 5, createdAt: "2026-06-28T09:05:00.000Z" });
    const c = question({ id: "c", upvotes: 1, createdAt: "2026-06-28T08:59:59.999Z" });
    const d = question({ id: "d", upvotes: 0, createdAt: "2026-06-28T08:00:00.000Z" });
    expect([a, b, c, d].sort(compareQuestions).map((q) => q.id)).toEqual(["b", "c", "a", "d"]);
  });

  it("breaks a full tie by id, and is a consistent order", () => {
    const at = "2026-06-28T09:00:00.000Z";
    const x = question({ id: "x", createdAt: at });
    const y = question({ id: "y", createdAt: at });
    expect(compareQuestions(x, y)).toBeLessThan(0);
    expect(compareQuestions(y, x)).toBeGreaterThan(0);
    expect(compareQuestions(x, x)).toBe(0);
    const arb = fc.record({
      id: fc.constantFrom("a", "b", "c"),
      upvotes: fc.integer({ min: 0, max: 3 }),
      createdAt: fc.constantFrom("2026-06-28T09:00:00.000Z", "2026-06-28T09:00:00.001Z"),
    });
    fc.assert(
      fc.property(arb, arb, arb, (p, q, r) => {
        const [a, b, c] = [question(p), question(q), question(r)];
        expect(Math.sign(compareQuestions(a, b)) + Math.sign(compareQuestions(b, a))).toBe(0);
        if (compareQuestions(a, b) <= 0 && compareQuestions(b, c) <= 0) expect(compareQuestions(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe("toPublicQuestion", () => {
  it("drops the author's device id, client id and anything else not public", () => {
    const stored = { ...question(), extra: "x" } as QuestionRecord & { extra: string };
    const shown: Question = toPublicQuestion(stored);
    expect(Object.keys(shown).sort()).toEqual(
      [
        "author",
        "createdAt",
        "highlighted",
        "id",
        "labels",
        "repliedAt",
        "reply",
        "roomCode",
        "sessionId",
        "status",
        "text",
        "upvotes",
      ].sort(),
    );
    expect(JSON.stringify(shown)).not.toContain("participant-secret-id");
  });
});
