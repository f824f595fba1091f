// Quiz use cases straight on the service, with a clock the test moves: a ballot past closesAt is
// refused before anything closed the quiz, and the clock's sweep closes a quiz no timer of this
// node knows of (the node that opened it died), once.
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors.js";
import { serviceHarness } from "../helpers/service-harness.js";

const ORGANIZER = { role: "organizer" } as const;

async function quizRoom() {
  let offsetMs = 0;
  const h = await serviceHarness({ now: () => new Date(Date.now() + offsetMs) });
  const ev = await h.tribune.events.create(ORGANIZER, { title: "Quiz day", rooms: [{ name: "Main" }] });
  const code = ev.rooms[0].code;
  const moderator = { role: "moderator", eventId: ev.id } as const;
  const draft = await h.tribune.polls.create(moderator, code, {
    title: "Phishing?",
    kind: "quiz",
    options: ["Yes", "No"],
    correct: [0],
    timeLimit: 60,
  });
  return { h, code, moderator, draft, later: (ms: number) => (offsetMs = ms) };
}

const refusal = async (p: Promise<unknown>): Promise<AppError> => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("quiz use cases", () => {
  it("refuse a ballot after closesAt (409) while the quiz is still open in the store", async () => {
    const { h, moderator, draft, later } = await quizRoom();
    await h.tribune.polls.move(moderator, draft.id, "open", undefined);
    later(61_000);
    const error = await refusal(h.tribune.polls.vote(draft.id, { participantId: "participant_0123456789", choice: [0] }));
    expect(error.code).toBe("conflict");
    expect(error.text.en).toMatch(/Time is up/);
    expect((await h.deps.store.getPoll(draft.id))?.status).toBe("open");
    expect((await h.deps.store.tally(draft.id))?.voters).toBe(0);
  });

  it("the sweep closes a due quiz once, reveals its results and tells the room the leaderboard", async () => {
    const { h, code, draft, later } = await quizRoom();
    // Opened "elsewhere": straight in the store, so no timer of this node knows of it.
    const openedAt = new Date();
    await h.deps.store.setPollStatus(draft.id, ["draft"], "open", {
      openedAt: openedAt.toISOString(),
      closesAt: new Date(openedAt.getTime() + 60_000).toISOString(),
    });
    await h.tribune.quiz.nickname(code, { participantId: "participant_0123456789", nickname: "Ann" });
    await h.tribune.polls.vote(draft.id, { participantId: "participant_0123456789", choice: [0] });
    expect(await h.tribune.quizClock.tick()).toBe(0); // not due yet
    later(60_500);
    h.outbox.clear();
    const [first, second] = await Promise.all([h.tribune.quizClock.tick(), h.tribune.quizClock.tick()]);
    expect(first + second).toBe(1);
    expect(await h.tribune.quizClock.tick()).toBe(0);
    const polls = h.outbox.of("poll");
    expect(polls).toHaveLength(1);
    expect(polls[0]?.[1]).toMatchObject({ id: draft.id, status: "closed", resultsVisible: true, correct: [0] });
    const boards = h.outbox.of("leaderboard");
    expect(boards).toHaveLength(1);
    expect(boards[0]?.[1].entries).toEqual([{ rank: 1, nickname: "Ann", score: expect.any(Number) }]);
    expect(h.outbox.of("resync")).toEqual([[code]]);
  });
});
