// Retention set after creation, straight on the service with a clock the test moves: a retention
// that has already ended erases participant ids at once, in the same request; a longer one does not.
import { describe, expect, it } from "vitest";
import { serviceHarness } from "../helpers/service-harness.js";

const ORGANIZER = { role: "organizer" } as const;
const DAY = 24 * 60 * 60 * 1000;

async function votedEvent() {
  let now = Date.parse("2026-06-28T09:00:00.000Z");
  const h = await serviceHarness({ now: () => new Date(now) });
  const ev = await h.tribune.events.create(ORGANIZER, { title: "Day", rooms: [{ name: "Main" }], retentionDays: 30 });
  const code = ev.rooms[0]!.code;
  const moderator = { role: "moderator", eventId: ev.id } as const;
  const poll = await h.tribune.polls.create(moderator, code, { title: "Lunch?", kind: "single", options: ["Yes", "No"] });
  await h.tribune.polls.move(moderator, poll.id, "open", undefined);
  await h.tribune.polls.vote(poll.id, { participantId: "participant_0123456789", choice: [1] });
  return { h, ev, code, poll, later: (days: number) => (now += days * DAY) };
}

describe("retention set by the organizer", () => {
  it("erases participant ids at once when the new retention has already ended; the tally stays", async () => {
    const { h, ev, code, poll, later } = await votedEvent();
    later(10);
    const view = await h.tribune.events.update(ORGANIZER, ev.id, { retentionDays: 7 });
    expect(view.retentionDays).toBe(7);
    expect((await h.deps.store.participantData(code, "participant_0123456789")).ballots).toEqual({});
    expect((await h.deps.store.tally(poll.id))?.voters).toBe(1);
  });

  it("keeps them while the new retention runs, and refuses a moderator", async () => {
    const { h, ev, code, poll, later } = await votedEvent();
    later(10);
    await h.tribune.events.update(ORGANIZER, ev.id, { retentionDays: 11 });
    expect((await h.deps.store.participantData(code, "participant_0123456789")).ballots).toEqual({ [poll.id]: [1] });
    const moderator = { role: "moderator", eventId: ev.id } as const;
    await expect(h.tribune.events.update(moderator, ev.id, { retentionDays: 1 })).rejects.toMatchObject({ code: "forbidden" });
    expect((await h.deps.store.getEvent(ev.id))?.retentionDays).toBe(11);
  });
});
