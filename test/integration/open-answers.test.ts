// Open-answer polls through both doors, on the store the project runs with: a text kept one by
// one, replaced by the participant's new ballot, hidden from the public by a moderator.
import { describe, expect, it } from "vitest";
import { api, emitAck, newParticipantId, waitFor } from "../helpers/clients.js";
import { expectAckError, expectAckOk, expectError, getResults, pollBody, vote } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

async function openPoll() {
  const ev = await server.event();
  const poll = await server.openPoll(ev, pollBody("open"));
  return { ev, poll };
}

const hide = (pollId: string, answerId: string, token?: string, action = "hide", body?: unknown) =>
  api(server.url, "POST", `/api/polls/${pollId}/answers/${answerId}/${action}`, { ...(token ? { token } : {}), body });

describe("open-answer polls", () => {
  it("take no options, and keep each participant's answer, trimmed; a new ballot replaces it", async () => {
    const { ev, poll } = await openPoll();
    expect(poll).toMatchObject({ kind: "open", options: [], resultsVisible: true });
    const ann = newParticipantId();
    const first = await vote(server.url, poll.id, "  Plus de pauses  ", ann);
    expect(first.status).toBe(200);
    expect(first.body.answers).toEqual([{ id: expect.any(String), text: "Plus de pauses", createdAt: expect.any(String) }]);
    await vote(server.url, poll.id, "Du café", newParticipantId());
    const replaced = await vote(server.url, poll.id, "Des pauses plus longues", ann);
    expect(replaced.body.voters).toBe(2);
    expect(replaced.body.answers.map((a: { text: string }) => a.text)).toEqual(["Des pauses plus longues", "Du café"]);
    expect(replaced.body.answers[0].id).not.toBe(first.body.answers[0].id);
    const { state } = await server.participant(ev.code, ann);
    expect(state.me.ballots[poll.id]).toBe("Des pauses plus longues");
  });

  it("refuse 281 characters (and an empty text) and change nothing; 280 pass", async () => {
    const { poll } = await openPoll();
    const pid = newParticipantId();
    for (const choice of ["x".repeat(281), "   ", 3]) expectError(await vote(server.url, poll.id, choice, pid), 400, "invalid");
    expect(await getResults(server.url, poll.id)).toMatchObject({ voters: 0, answers: [] });
    expect((await vote(server.url, poll.id, "é".repeat(280), pid)).status).toBe(200);
  });

  it("HTTP: a moderator hides an answer from the public and shows it again", async () => {
    const { ev, poll } = await openPoll();
    const kept = (await vote(server.url, poll.id, "Merci !")).body.answers[0];
    const rude = (await vote(server.url, poll.id, "Un texte à cacher")).body.answers[0];
    const hidden = await hide(poll.id, rude.id, ev.moderatorKey);
    expect(hidden.status).toBe(200);
    expect(hidden.body.answers).toEqual([{ ...rude, hidden: true }, kept]);
    expect((await getResults(server.url, poll.id)).answers).toEqual([kept]);
    expect((await getResults(server.url, poll.id, ev.moderatorKey)).answers).toEqual([{ ...rude, hidden: true }, kept]);
    const state = await api(server.url, "GET", `/api/rooms/${ev.code}`);
    expect(state.body.polls[0].results.answers).toEqual([kept]);
    const moderation = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation`, { token: ev.moderatorKey });
    expect(moderation.body.polls[0].results.answers[0]).toEqual({ ...rude, hidden: true });
    expect((await hide(poll.id, rude.id, ev.moderatorKey)).status).toBe(200); // hiding twice changes nothing
    const shown = await hide(poll.id, rude.id, ev.moderatorKey, "show");
    expect(shown.body.answers).toEqual([rude, kept]);
    expect((await getResults(server.url, poll.id)).answers).toEqual([rude, kept]);
  });

  it("HTTP: refuses in the contract's order: 401, 404 (poll, answer), 403, 400", async () => {
    const { ev, poll } = await openPoll();
    const other = await server.event();
    const answer = (await vote(server.url, poll.id, "Une idée")).body.answers[0];
    expectError(await hide(poll.id, answer.id), 401, "unauthorized");
    expectError(await hide("nope", answer.id, ev.moderatorKey), 404, "not_found");
    expectError(await hide(poll.id, "nope", other.moderatorKey), 404, "not_found");
    expectError(await hide(poll.id, answer.id, other.moderatorKey), 403, "forbidden");
    expectError(await hide(poll.id, answer.id, ev.moderatorKey, "hide", JSON.parse('{"__proto__": {"x": 1}}')), 400, "invalid");
    // A replaced answer is gone: hiding it is a 404, the new one is not hidden by mistake.
    const pid = newParticipantId();
    const old = (await vote(server.url, poll.id, "Avant", pid)).body.answers[0];
    await vote(server.url, poll.id, "Après", pid);
    expectError(await hide(poll.id, old.id, ev.moderatorKey), 404, "not_found");
    expect((await getResults(server.url, poll.id)).answers.map((a: { text: string }) => a.text)).toContain("Après");
  });

  it("Socket.IO: vote, answer:hide and answer:show; the public's results leave the hidden one out", async () => {
    const { ev, poll } = await openPoll();
    const phone = await server.participant(ev.code);
    const screen = await server.screen(ev.code);
    const mod = await server.moderator(ev.code, ev.moderatorKey);
    const voted = expectAckOk(await emitAck(phone.socket, "vote", { pollId: poll.id, choice: "Une question de fond" }));
    const answer = voted.answers[0];
    expectAckError(await emitAck(phone.socket, "answer:hide", { pollId: poll.id, answerId: answer.id }), "forbidden");
    expectAckError(await emitAck(mod.socket, "answer:hide", { pollId: poll.id, answerId: "nope" }), "not_found");
    expectAckError(await emitAck(mod.socket, "answer:hide", { pollId: poll.id }), "invalid");
    const onScreen = waitFor(screen.socket, "results", (r) => r.pollId === poll.id && r.answers.length === 0);
    const onConsole = waitFor(mod.socket, "results", (r) => r.pollId === poll.id && r.answers[0]?.hidden === true);
    const hidden = expectAckOk(await emitAck(mod.socket, "answer:hide", { pollId: poll.id, answerId: answer.id }));
    expect(hidden.answers).toEqual([{ ...answer, hidden: true }]);
    await Promise.all([onScreen, onConsole]);
    const back = waitFor(screen.socket, "results", (r) => r.pollId === poll.id && r.answers.length === 1);
    expectAckOk(await emitAck(mod.socket, "answer:show", { pollId: poll.id, answerId: answer.id }));
    expect((await back).answers).toEqual([answer]);
  });
});
