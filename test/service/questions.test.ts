// Q&A use cases, straight on the service: who each `question` is sent to.
import { describe, expect, it } from "vitest";
import { serviceHarness } from "../helpers/service-harness.js";

const ORGANIZER = { role: "organizer" } as const;
const AUTHOR = "participant_0123456789";

async function room(premoderation: boolean) {
  const h = await serviceHarness();
  const ev = await h.tribune.events.create(ORGANIZER, { title: "Service day", rooms: [{ name: "Main" }] });
  const code = ev.rooms[0].code;
  const moderator = { role: "moderator", eventId: ev.id } as const;
  await h.tribune.events.updateRoom(moderator, code, { premoderation });
  h.outbox.clear();
  return { h, code, moderator };
}

/** The `question` calls, as [code, question id, status, toPublic]. */
const questionsSent = (h: Awaited<ReturnType<typeof room>>["h"]) =>
  h.outbox.of("question").map(([code, q, toPublic]) => [code, q.id, q.status, toPublic]);

describe("question use cases", () => {
  it("a question asked without pre-moderation goes to everyone", async () => {
    const { h, code } = await room(false);
    const { question } = await h.tribune.questions.ask(code, { participantId: AUTHOR, text: "Is it live?" });
    expect(question.status).toBe("live");
    expect(questionsSent(h)).toEqual([[code, question.id, "live", true]]);
    expect(h.outbox.of("question")[0][1].participantId).toBe(AUTHOR);
  });

  it("a pending question goes to moderators and its author only", async () => {
    const { h, code } = await room(true);
    const { question } = await h.tribune.questions.ask(code, { participantId: AUTHOR, text: "Is it pending?" });
    expect(questionsSent(h)).toEqual([[code, question.id, "pending", false]]);
  });

  it("approving a pending question sends it to the public", async () => {
    const { h, code, moderator } = await room(true);
    const { question } = await h.tribune.questions.ask(code, { participantId: AUTHOR, text: "Approve me?" });
    h.outbox.clear();
    await h.tribune.questions.moderate(moderator, question.id, { action: "approve" });
    expect(questionsSent(h)).toEqual([[code, question.id, "live", true]]);
  });

  it("rejecting a pending question tells moderators and its author only", async () => {
    const { h, code, moderator } = await room(true);
    const { question } = await h.tribune.questions.ask(code, { participantId: AUTHOR, text: "Reject me?" });
    h.outbox.clear();
    await h.tribune.questions.moderate(moderator, question.id, { action: "reject" });
    expect(questionsSent(h)).toEqual([[code, question.id, "rejected", false]]);
    expect(h.outbox.of("question")[0][1].participantId).toBe(AUTHOR);
  });

  it("rejecting a live question tells the public too, so that it leaves the screens", async () => {
    const { h, code, moderator } = await room(false);
    const { question } = await h.tribune.questions.ask(code, { participantId: AUTHOR, text: "Seen, then rejected?" });
    h.outbox.clear();
    await h.tribune.questions.moderate(moderator, question.id, { action: "reject" });
    expect(questionsSent(h)).toEqual([[code, question.id, "rejected", true]]);
  });

  it("a refused question changes nothing and sends nothing", async () => {
    const { h, code } = await room(false);
    await expect(h.tribune.questions.ask(code, { participantId: AUTHOR, text: "" })).rejects.toMatchObject({ code: "invalid" });
    expect(h.outbox.calls).toEqual([]);
  });
});
