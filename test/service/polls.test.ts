// Poll use cases, straight on the service: what each one stores and what it broadcasts.
import { describe, expect, it, vi } from "vitest";
import { serviceHarness } from "../helpers/service-harness.js";

const ORGANIZER = { role: "organizer" } as const;

async function room() {
  const h = await serviceHarness();
  const ev = await h.tribune.events.create(ORGANIZER, { title: "Service day", rooms: [{ name: "Main" }] });
  const code = ev.rooms[0].code;
  const moderator = { role: "moderator", eventId: ev.id } as const;
  return { h, code, moderator };
}

describe("poll use cases", () => {
  it("create sends the draft as `poll` and marks nothing dirty", async () => {
    const { h, code, moderator } = await room();
    const poll = await h.tribune.polls.create(moderator, code, { title: "Lunch?", kind: "single", options: ["Yes", "No"] });
    expect(poll.status).toBe("draft");
    expect(h.outbox.calls).toEqual([{ method: "poll", args: [code, poll] }]);
    expect(h.dirty.published).toEqual([]);
  });

  it("open sends the open poll as `poll`", async () => {
    const { h, code, moderator } = await room();
    const draft = await h.tribune.polls.create(moderator, code, { title: "Lunch?", kind: "single", options: ["Yes", "No"] });
    h.outbox.clear();
    const opened = await h.tribune.polls.move(moderator, draft.id, "open", undefined);
    expect(opened.status).toBe("open");
    expect(h.outbox.calls).toContainEqual({ method: "poll", args: [code, opened, true] });
  });

  it("a vote marks the poll dirty, and the coalesced flush sends its results to both audiences", async () => {
    const { h, code, moderator } = await room();
    const draft = await h.tribune.polls.create(moderator, code, { title: "Lunch?", kind: "single", options: ["Yes", "No"] });
    await h.tribune.polls.move(moderator, draft.id, "open", undefined);
    h.outbox.clear();
    const results = await h.tribune.polls.vote(draft.id, { participantId: "participant_0123456789", choice: [1] });
    expect(results.counts).toEqual([0, 1]);
    expect(h.dirty.published).toEqual([[code, draft.id]]);
    const [sent] = await vi.waitFor(() => {
      const calls = h.outbox.of("results");
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(sent[0]).toBe(code);
    expect(sent[1]).toMatchObject({ pollId: draft.id, counts: [0, 1], voters: 1 });
    expect(sent[2]).toMatchObject({ pollId: draft.id, counts: [0, 1] });
  });

  it("hidden results go to moderators only", async () => {
    const { h, code, moderator } = await room();
    const draft = await h.tribune.polls.create(moderator, code, { title: "Secret", kind: "scale", resultsVisible: false });
    await h.tribune.polls.move(moderator, draft.id, "open", undefined);
    await h.tribune.polls.vote(draft.id, { participantId: "participant_0123456789", choice: 4 });
    const [sent] = await vi.waitFor(() => {
      const calls = h.outbox.of("results");
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(sent[1]).toMatchObject({ pollId: draft.id, voters: 1, counts: [0, 0, 0, 1, 0] });
    expect(sent[2]).toEqual({ pollId: draft.id, voters: 1, seq: sent[1].seq });
  });
});
