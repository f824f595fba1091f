// autoSessions: the server starts each session at its startsAt and ends it at its endsAt, the way
// a moderator's start and end do (phones get state again, another session's open poll closes),
// and leaves alone a session a moderator moved by hand. The clock looks every 100 ms here.
import { describe, expect, it } from "vitest";
import { waitFor } from "../helpers/clients.js";
import { api, type EventFixture, sleep } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer({ sessionClockMs: 100 });

/** Enough looks of the clock for a due move to have been made, were it due. */
const SOME_LOOKS_MS = 800;

const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();

async function setAuto(ev: EventFixture, on: boolean): Promise<void> {
  const res = await api(server.url, "PATCH", `/api/events/${ev.eventId}`, { token: ev.moderatorKey, body: { autoSessions: on } });
  expect(res.status).toBe(200);
  expect(res.body.autoSessions).toBe(on);
}

async function createSession(ev: EventFixture, startsAt: string, endsAt: string | null, title = "Talk") {
  const res = await api(server.url, "POST", `/api/rooms/${ev.code}/sessions`, {
    token: ev.moderatorKey,
    body: { title, speakers: ["Ada Lovelace"], startsAt, endsAt },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function move(ev: EventFixture, sessionId: string, action: "start" | "end") {
  const res = await api(server.url, "POST", `/api/sessions/${sessionId}/${action}`, { token: ev.moderatorKey });
  expect(res.status).toBe(200);
  return res.body;
}

/** A session's status as the programme shows it. */
async function statusOf(ev: EventFixture, sessionId: string): Promise<string> {
  const res = await api(server.url, "GET", `/api/programme/${ev.code}`);
  expect(res.status).toBe(200);
  return res.body.sessions.find((s: any) => s.id === sessionId).status;
}

async function untilStatus(ev: EventFixture, sessionId: string, status: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await statusOf(ev, sessionId)) !== status) {
    if (Date.now() > deadline) throw new Error(`session ${sessionId} never became ${status}`);
    await sleep(50);
  }
}

describe("autoSessions on", () => {
  it("starts a session at its startsAt and ends it at its endsAt; phones get the new state, another session's open poll closes", async () => {
    const ev = await server.event();
    await setAuto(ev, true);
    const poll = await server.openPoll(ev); // of no session, open before the programme begins
    const talk = await createSession(ev, inMs(1000), inMs(2500), "Keynote");
    const phone = await server.participant(ev.code);
    const screen = await server.screen(ev.code);
    expect(phone.state.room.session).toBeNull();

    const started = (s: any) => s.room.session?.id === talk.id && s.room.session.status === "live";
    const [phoneState, screenState] = await Promise.all([
      waitFor(phone.socket, "state", started, 10_000),
      waitFor(screen.socket, "state", started, 10_000),
    ]);
    expect(phoneState.room.session).toMatchObject({ title: "Keynote", speakers: ["Ada Lovelace"], status: "live" });
    expect(phoneState.polls).toEqual([]); // the open poll was of no session: it is not the current session's
    expect(screenState.room.session.id).toBe(talk.id);
    const all = await api(server.url, "GET", `/api/rooms/${ev.code}/moderation?session=all`, { token: ev.moderatorKey });
    expect(all.body.polls.find((p: any) => p.id === poll.id).status).toBe("closed");

    const ended = await waitFor(phone.socket, "room", (room: any) => room.session?.status === "ended", 10_000);
    expect(ended.session.id).toBe(talk.id); // still the room's current session once ended
    expect(await statusOf(ev, talk.id)).toBe("ended");
  });

  it("runs back-to-back sessions in order: the next one starts as the first ends", async () => {
    const ev = await server.event();
    await setAuto(ev, true);
    const first = await createSession(ev, inMs(500), inMs(1500), "First");
    const second = await createSession(ev, inMs(1500), inMs(60_000), "Second");
    const phone = await server.participant(ev.code);
    await waitFor(phone.socket, "state", (s: any) => s.room.session?.id === first.id, 10_000);
    await waitFor(phone.socket, "state", (s: any) => s.room.session?.id === second.id, 10_000);
    expect(await statusOf(ev, first.id)).toBe("ended");
    expect(await statusOf(ev, second.id)).toBe("live");
  });

  it("does not start again a session a moderator ended by hand, nor start one moved by hand before its slot", async () => {
    const ev = await server.event({ rooms: 2 });
    await setAuto(ev, true);
    const talk = await createSession(ev, inMs(300), inMs(60_000));
    await untilStatus(ev, talk.id, "live");
    await move(ev, talk.id, "end");

    const early = await createSession({ ...ev, code: ev.rooms[1]!.code }, inMs(500), inMs(60_000));
    await move(ev, early.id, "start");
    await move(ev, early.id, "end");
    await sleep(500 + SOME_LOOKS_MS);
    expect(await statusOf(ev, talk.id)).toBe("ended");
    expect(await statusOf(ev, early.id)).toBe("ended");
  });

  it("does not end a session a moderator started again after its end", async () => {
    const ev = await server.event();
    await setAuto(ev, true);
    const talk = await createSession(ev, inMs(300), inMs(800));
    await untilStatus(ev, talk.id, "ended");
    await move(ev, talk.id, "start"); // running late: the moderator takes it back
    await sleep(SOME_LOOKS_MS);
    expect(await statusOf(ev, talk.id)).toBe("live");
  });
});

describe("autoSessions off", () => {
  it("moves nothing: sessions wait for a moderator", async () => {
    const ev = await server.event();
    const talk = await createSession(ev, inMs(200), inMs(60_000));
    await sleep(200 + SOME_LOOKS_MS);
    expect(await statusOf(ev, talk.id)).toBe("upcoming");
    const state = await api(server.url, "GET", `/api/rooms/${ev.code}`);
    expect(state.body.room.session).toBeNull();
  });

  it("stops moving sessions once switched off", async () => {
    const ev = await server.event();
    await setAuto(ev, true);
    await setAuto(ev, false);
    const talk = await createSession(ev, inMs(200), inMs(60_000));
    await sleep(200 + SOME_LOOKS_MS);
    expect(await statusOf(ev, talk.id)).toBe("upcoming");
  });
});
