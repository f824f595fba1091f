// One contract for every Store implementation (sqlite, redis): behaviour through the
// interface only. Each test makes its own event, rooms and ids, so the suite never
// depends on an empty store and tests may share one.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tally } from "../../server/core/polls.js";
import type { QuestionRecord } from "../../server/core/questions.js";
import { newId, newRoomCode } from "../../server/core/rooms.js";
import type { ActivityBatch, NewEvent, SessionActivity, SessionRecord, Store } from "../../server/store/store.js";
import { LIMITS } from "../../shared/limits.js";
import type { Choice, Poll, PollKind, PollStatus, QuestionStatus } from "../../shared/model.js";
import { POLL_KINDS } from "../../shared/poll-kinds/index.js";

/** Narrows a command's answer to its success shape, failing the test on any refusal. */
function must<T>(value: T): Exclude<T, string> {
  if (typeof value === "string") throw new Error(`expected success, got "${value}"`);
  return value as Exclude<T, string>;
}

/** A tally as a reader sees it: a key nobody counts toward is the same as an absent key. */
function counted(tally: Tally | undefined): Tally {
  return Object.fromEntries(Object.entries(tally ?? {}).filter(([, n]) => n !== 0));
}

const BASE = Date.parse("2026-06-28T09:00:00.000Z");
let tick = 0;
/** Increasing ISO times, one second apart. */
const at = (): string => new Date(BASE + tick++ * 1000).toISOString();
const pid = (): string => `p_${randomBytes(12).toString("base64url")}`;
const LIVE: QuestionStatus[] = ["live"];

export function storeContractSuite(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    function newEvent(rooms = 1): NewEvent {
      return {
        id: newId(),
        code: newRoomCode(),
        title: `Event ${newId()}`,
        keyHash: randomBytes(32).toString("hex"),
        createdAt: at(),
        rooms: Array.from({ length: rooms }, (_, i) => ({ id: newId(), code: newRoomCode(), name: `Room ${i + 1}` })),
      };
    }

    async function makeEvent(rooms = 1): Promise<NewEvent> {
      const event = newEvent(rooms);
      expect(await store.createEvent(event)).toBe("ok");
      return event;
    }

    async function makeRoom(): Promise<string> {
      return (await makeEvent(1)).rooms[0]!.code;
    }

    async function makePoll(roomCode: string, kind: PollKind = "single", status: PollStatus = "draft"): Promise<Poll> {
      const options = POLL_KINDS[kind].options ? ["A", "B", "C", "D"] : [];
      const poll: Poll = {
        id: newId(),
        roomCode,
        sessionId: null,
        title: "Poll",
        kind,
        options,
        status: "draft",
        resultsVisible: true,
        createdAt: at(),
      };
      await store.createPoll(poll);
      if (status !== "draft") must(await store.setPollStatus(poll.id, ["draft"], "open"));
      if (status === "closed") must(await store.setPollStatus(poll.id, ["open"], "closed"));
      return { ...poll, status };
    }

    function newQuestion(roomCode: string, over: Partial<QuestionRecord> = {}): QuestionRecord {
      return {
        id: newId(),
        roomCode,
        participantId: pid(),
        clientId: newId(),
        text: "What about the budget?",
        author: "Ada",
        status: "live",
        upvotes: 0,
        highlighted: false,
        createdAt: at(),
        sessionId: null,
        reply: null,
        repliedAt: null,
        labels: [],
        ...over,
      };
    }

    async function makeQuestion(roomCode: string, over: Partial<QuestionRecord> = {}): Promise<QuestionRecord> {
      const result = must(await store.ask(newQuestion(roomCode, over), true));
      expect(result.created).toBe(true);
      return result.question;
    }

    const vote = (pollId: string, participant: string, choice: Choice, keys: string[]) =>
      store.castBallot(pollId, participant, choice, keys);

    it("is ready once open and names its kind", () => {
      expect(store.ready()).toBe(true);
      expect(typeof store.kind).toBe("string");
      expect(store.kind.length).toBeGreaterThan(0);
    });

    describe("events and rooms", () => {
      it("creates an event whose rooms start with Q&A open, no pre-moderation and the auto screen", async () => {
        const event = await makeEvent(2);
        const got = await store.getEvent(event.id);
        expect(got).toMatchObject({ id: event.id, title: event.title, createdAt: event.createdAt });
        expect(got!.rooms).toHaveLength(2);
        for (const room of event.rooms) {
          const expected = {
            id: room.id,
            eventId: event.id,
            code: room.code,
            name: room.name,
            eventTitle: event.title,
            premoderation: false,
            qaOpen: true,
            screen: { mode: "auto" },
            createdAt: event.createdAt,
            sessionId: null,
          };
          expect(got!.rooms).toContainEqual(expected);
          expect(await store.getRoom(room.code)).toEqual(expected);
        }
      });

      it("keeps an event's code, time zone (Europe/Paris) and autoSessions (off), and patches them", async () => {
        const event = await makeEvent(1);
        expect(await store.getEvent(event.id)).toMatchObject({
          code: event.code,
          timeZone: "Europe/Paris",
          autoSessions: false,
        });
        const patched = must(await store.updateEvent(event.id, { timeZone: "America/Montreal", autoSessions: true }));
        expect(patched).toMatchObject({ code: event.code, title: event.title, timeZone: "America/Montreal", autoSessions: true });
        expect(must(await store.updateEvent(event.id, { title: "Renamed" }))).toMatchObject({
          timeZone: "America/Montreal",
          autoSessions: true,
        });
        expect(await store.updateEvent(newId(), { autoSessions: true })).toBe("not_found");
      });

      it("finds the event of its own code or of any of its rooms' codes", async () => {
        const event = await makeEvent(2);
        expect(await store.eventIdForCode(event.code)).toBe(event.id);
        expect(await store.eventIdForCode(event.code.toLowerCase())).toBe(event.id);
        for (const room of event.rooms) expect(await store.eventIdForCode(room.code)).toBe(event.id);
        expect(await store.eventIdForCode(newRoomCode())).toBeNull();
        await store.deleteEvent(event.id);
        expect(await store.eventIdForCode(event.code)).toBeNull();
      });

      it("gives event and room codes one namespace: a code names one event or one room, never both", async () => {
        const first = await makeEvent(1);
        // An event whose own code is a room's code, or whose room's code is an event's code.
        const onRoomCode = { ...newEvent(1), code: first.rooms[0]!.code };
        expect(await store.createEvent(onRoomCode)).toBe("code_taken");
        expect(await store.getEvent(onRoomCode.id)).toBeNull();
        const roomOnEventCode = newEvent(1);
        roomOnEventCode.rooms[0]!.code = first.code;
        expect(await store.createEvent(roomOnEventCode)).toBe("code_taken");
        expect(await store.getEvent(roomOnEventCode.id)).toBeNull();
        // Within one event too.
        const own = newEvent(1);
        own.rooms[0]!.code = own.code;
        expect(await store.createEvent(own)).toBe("code_taken");
        const sameEventCode = { ...newEvent(1), code: first.code };
        expect(await store.createEvent(sameEventCode)).toBe("code_taken");
        // A room added later cannot take an event's code.
        const added = await store.addRoom(first.id, { id: newId(), code: first.code, name: "Late" }, at(), 50);
        expect(added).toBe("code_taken");
        expect((await store.getEvent(first.id))!.rooms).toHaveLength(1);
      });

      it("finds the event of a moderator key hash, and nothing for unknown ids, keys or codes", async () => {
        const event = await makeEvent();
        expect(await store.eventIdForKey(event.keyHash)).toBe(event.id);
        expect(await store.eventIdForKey(randomBytes(32).toString("hex"))).toBeNull();
        expect(await store.getEvent(newId())).toBeNull();
        expect(await store.getRoom(newRoomCode())).toBeNull();
      });

      it("refuses an event whose room code is taken, and writes nothing of it", async () => {
        const existing = await makeEvent();
        const event = newEvent(2);
        event.rooms[1]!.code = existing.rooms[0]!.code;
        expect(await store.createEvent(event)).toBe("code_taken");
        expect(await store.getEvent(event.id)).toBeNull();
        expect(await store.eventIdForKey(event.keyHash)).toBeNull();
        expect(await store.getRoom(event.rooms[0]!.code)).toBeNull();
        expect((await store.getRoom(existing.rooms[0]!.code))?.eventId).toBe(existing.id);
      });

      it("adds rooms until the event has maxRooms, then answers full", async () => {
        const event = await makeEvent(2);
        const room = { id: newId(), code: newRoomCode(), name: "Plenary" };
        const createdAt = at();
        const added = must(await store.addRoom(event.id, room, createdAt, 3));
        expect(added).toEqual({
          ...room,
          eventId: event.id,
          eventTitle: event.title,
          premoderation: false,
          qaOpen: true,
          screen: { mode: "auto" },
          createdAt,
          sessionId: null,
        });
        expect(await store.getRoom(room.code)).toEqual(added);
        const extra = { id: newId(), code: newRoomCode(), name: "Overflow" };
        expect(await store.addRoom(event.id, extra, at(), 3)).toBe("full");
        expect(await store.getRoom(extra.code)).toBeNull();
        expect((await store.getEvent(event.id))!.rooms.map((r) => r.code).sort()).toEqual(
          [...event.rooms.map((r) => r.code), room.code].sort(),
        );
      });

      it("refuses a room for an unknown event or with a taken code", async () => {
        const event = await makeEvent();
        const other = await makeEvent();
        const room = { id: newId(), code: newRoomCode(), name: "X" };
        expect(await store.addRoom(newId(), room, at(), 50)).toBe("not_found");
        expect(await store.getRoom(room.code)).toBeNull();
        const clash = { id: newId(), code: other.rooms[0]!.code, name: "X" };
        expect(await store.addRoom(event.id, clash, at(), 50)).toBe("code_taken");
        expect((await store.getRoom(clash.code))?.eventId).toBe(other.id);
        expect((await store.getEvent(event.id))!.rooms).toHaveLength(1);
      });

      it("patches a room's settings, keeping what the patch leaves out", async () => {
        const code = await makeRoom();
        const a = must(await store.updateRoom(code, { premoderation: true }));
        expect(a).toMatchObject({ code, premoderation: true, qaOpen: true, screen: { mode: "auto" } });
        const b = must(await store.updateRoom(code, { qaOpen: false, screen: { mode: "poll", pollId: "p1" } }));
        expect(b).toMatchObject({ premoderation: true, qaOpen: false, screen: { mode: "poll", pollId: "p1" } });
        const c = must(await store.updateRoom(code, { screen: { mode: "join" } }));
        expect(c.screen).toEqual({ mode: "join" });
        expect(await store.getRoom(code)).toEqual(c);
        expect(await store.updateRoom(newRoomCode(), { qaOpen: false })).toBe("not_found");
      });

      it("keeps an event's default pre-moderation and each room's own, from creation and later", async () => {
        const event = newEvent(2);
        event.premoderation = true;
        event.rooms[0]!.premoderation = true;
        expect(await store.createEvent(event)).toBe("ok");
        const got = (await store.getEvent(event.id))!;
        expect(got.premoderation).toBe(true);
        expect(got.rooms.map((r) => r.premoderation)).toEqual([true, false]);
        const added = must(
          await store.addRoom(event.id, { id: newId(), code: newRoomCode(), name: "Late", premoderation: true }, at(), 50),
        );
        expect(added.premoderation).toBe(true);
        expect((await makeEvent()).premoderation).toBeUndefined();
        const plain = await makeEvent();
        expect((await store.getEvent(plain.id))!.premoderation).toBe(false);
      });

      it("updates an event's title (its rooms show it) and default pre-moderation, keeping what the patch leaves out", async () => {
        const event = await makeEvent(2);
        const a = must(await store.updateEvent(event.id, { premoderation: true }));
        expect(a).toMatchObject({ id: event.id, title: event.title, premoderation: true, createdAt: event.createdAt });
        // Existing rooms keep their own setting.
        expect(a.rooms.map((r) => r.premoderation)).toEqual([false, false]);
        const b = must(await store.updateEvent(event.id, { title: "Renamed" }));
        expect(b).toMatchObject({ title: "Renamed", premoderation: true });
        expect(b.rooms.map((r) => r.eventTitle)).toEqual(["Renamed", "Renamed"]);
        expect((await store.getRoom(event.rooms[1]!.code))!.eventTitle).toBe("Renamed");
        expect((await store.roomData(event.rooms[0]!.code))!.room.eventTitle).toBe("Renamed");
        expect(await store.getEvent(event.id)).toEqual(b);
        expect(await store.updateEvent(newId(), { title: "X" })).toBe("not_found");
      });

      it("keeps an event's own blocklist words, replaced by a patch and erased with the event", async () => {
        const event = await makeEvent(1);
        const other = await makeEvent(1);
        expect(await store.eventBlocklist(event.id)).toEqual([]);
        expect((await store.getEvent(event.id))?.blocklist).toEqual([]);
        const patched = must(await store.updateEvent(event.id, { blocklist: ["lobby nucléaire", "Dupont"] }));
        expect(patched.blocklist).toEqual(["lobby nucléaire", "Dupont"]);
        expect(await store.eventBlocklist(event.id)).toEqual(["lobby nucléaire", "Dupont"]);
        expect(must(await store.updateEvent(event.id, { title: "Renamed" })).blocklist).toEqual(["lobby nucléaire", "Dupont"]);
        expect(await store.eventBlocklist(other.id)).toEqual([]);
        expect(must(await store.updateEvent(event.id, { blocklist: [] })).blocklist).toEqual([]);
        must(await store.updateEvent(event.id, { blocklist: ["budget"] }));
        must(await store.deleteEvent(event.id));
        expect(await store.eventBlocklist(event.id)).toEqual([]);
        expect(await store.eventBlocklist(newId())).toEqual([]);
      });

      it("erases an event with its rooms, polls, ballots, questions and upvotes", async () => {
        const event = await makeEvent(2);
        const kept = await makeEvent();
        const [r1, r2] = event.rooms.map((r) => r.code) as [string, string];
        const poll = await makePoll(r1, "single", "open");
        const voter = pid();
        must(await vote(poll.id, voter, [1], ["1"]));
        const question = await makeQuestion(r2);
        must(await store.setUpvote(question.id, voter, true, LIVE));
        const keptPoll = await makePoll(kept.rooms[0]!.code, "scale", "open");
        must(await vote(keptPoll.id, voter, 3, ["3"]));

        expect((must(await store.deleteEvent(event.id)) as string[]).sort()).toEqual([r1, r2].sort());
        expect(await store.getEvent(event.id)).toBeNull();
        expect(await store.eventIdForKey(event.keyHash)).toBeNull();
        expect(await store.getRoom(r1)).toBeNull();
        expect(await store.getRoom(r2)).toBeNull();
        expect(await store.roomData(r1)).toBeNull();
        expect(await store.getPoll(poll.id)).toBeNull();
        expect(await store.tally(poll.id)).toBeNull();
        expect(await store.getQuestion(question.id)).toBeNull();
        expect(await store.findAsk(r2, question.participantId, question.clientId!)).toBeNull();
        expect(await store.participantData(r1, voter)).toEqual({ ballots: {}, upvoted: [], nickname: null });
        expect(await store.participantData(r2, voter)).toEqual({ ballots: {}, upvoted: [], nickname: null });
        expect(await store.deleteEvent(event.id)).toBe("not_found");
        // The other event is untouched, and the erased codes may be used again.
        expect((await store.tally(keptPoll.id))?.voters).toBe(1);
        expect(await store.eventIdForKey(kept.keyHash)).toBe(kept.id);
        const again = newEvent(1);
        again.rooms[0]!.code = r1;
        expect(await store.createEvent(again)).toBe("ok");
        expect((await store.getRoom(r1))?.eventId).toBe(again.id);
        expect(await store.roomData(r1)).toMatchObject({ polls: [], questions: [] });
      });
    });

    describe("sessions", () => {
      function newSession(roomCode: string, over: Partial<SessionRecord> = {}): SessionRecord {
        return {
          id: newId(),
          roomCode,
          title: "Keynote",
          speakers: ["Ada", "Grace"],
          startsAt: "2026-06-28T09:00:00.000Z",
          endsAt: "2026-06-28T10:00:00.000Z",
          status: "upcoming",
          createdAt: at(),
          statusAt: null,
          ...over,
        };
      }
      async function makeSession(roomCode: string, over: Partial<SessionRecord> = {}): Promise<SessionRecord> {
        const s = newSession(roomCode, over);
        expect(await store.createSession(s, 200)).toBe("ok");
        return s;
      }

      it("stores sessions as created, lists a room's in creation order, and patches them", async () => {
        const code = await makeRoom();
        const a = await makeSession(code);
        const b = await makeSession(code, { title: "Panel", speakers: [], startsAt: null, endsAt: null });
        expect(await store.getSession(a.id)).toEqual(a);
        expect(await store.listSessions(code)).toEqual([a, b]);
        expect(await store.listSessions(await makeRoom())).toEqual([]);
        const patched = must(await store.updateSession(b.id, { title: "Debate", startsAt: "2026-06-28T11:00:00.000Z" }));
        expect(patched).toEqual({ ...b, title: "Debate", startsAt: "2026-06-28T11:00:00.000Z" });
        expect(must(await store.updateSession(b.id, { startsAt: null, speakers: ["Lin"] }))).toEqual({
          ...patched,
          startsAt: null,
          speakers: ["Lin"],
        });
        expect(await store.updateSession(newId(), { title: "x" })).toBe("not_found");
        expect(await store.getSession(newId())).toBeNull();
        expect(await store.createSession(newSession(newRoomCode()), 200)).toBe("not_found");
      });

      it("refuses a session past the room's maximum and writes nothing", async () => {
        const code = await makeRoom();
        await makeSession(code);
        await makeSession(code);
        const third = newSession(code);
        expect(await store.createSession(third, 2)).toBe("full");
        expect(await store.getSession(third.id)).toBeNull();
        expect(await store.listSessions(code)).toHaveLength(2);
      });

      it("starts a session in one step: current session, the live one ended, other sessions' open polls closed", async () => {
        const code = await makeRoom();
        const first = await makeSession(code);
        const second = await makeSession(code);
        const loose = await makePoll(code, "single", "open"); // of no session
        const start = "2026-06-28T09:00:01.000Z";
        const one = must(await store.setSessionStatus(first.id, ["upcoming", "ended"], "live", start));
        expect(one.session).toEqual({ ...first, status: "live", statusAt: start });
        expect(one.ended).toEqual([]);
        expect(one.closed.map((p) => [p.id, p.status])).toEqual([[loose.id, "closed"]]);
        expect((await store.getRoom(code))!.sessionId).toBe(first.id);
        // A poll of the first session, opened while it is current.
        const own: Poll = { ...(await makePoll(code)), sessionId: null };
        const mine = { ...own, id: newId(), sessionId: first.id };
        await store.createPoll(mine);
        must(await store.setPollStatus(mine.id, ["draft"], "open"));
        const two = must(await store.setSessionStatus(second.id, ["upcoming", "ended"], "live", "2026-06-28T10:00:00.000Z"));
        expect(two.ended.map((s) => [s.id, s.status])).toEqual([[first.id, "ended"]]);
        expect(two.closed.map((p) => p.id)).toEqual([mine.id]);
        expect((await store.getSession(first.id))!.status).toBe("ended");
        expect((await store.getRoom(code))!.sessionId).toBe(second.id);
        // Ending keeps it as the room's current session.
        const ended = must(await store.setSessionStatus(second.id, ["live"], "ended", "2026-06-28T11:00:00.000Z"));
        expect(ended.session.status).toBe("ended");
        expect((await store.getRoom(code))!.sessionId).toBe(second.id);
      });

      it("moves a session only from the given statuses (compare-and-set): a second attempt is a conflict", async () => {
        const code = await makeRoom();
        const s = await makeSession(code);
        must(await store.setSessionStatus(s.id, ["upcoming"], "live", at()));
        expect(await store.setSessionStatus(s.id, ["upcoming"], "live", at())).toBe("conflict");
        expect(await store.setSessionStatus(s.id, ["upcoming", "ended"], "live", at())).toBe("conflict");
        must(await store.setSessionStatus(s.id, ["live"], "ended", at()));
        expect(await store.setSessionStatus(s.id, ["live"], "ended", at())).toBe("conflict");
        expect(await store.setSessionStatus(newId(), ["live"], "ended", at())).toBe("not_found");
        const both = await Promise.all([
          store.setSessionStatus(s.id, ["ended"], "live", at()),
          store.setSessionStatus(s.id, ["ended"], "live", at()),
        ]);
        expect(both.filter((r) => r === "conflict")).toHaveLength(1);
      });

      it("gives a question the room's current session as it is asked, and opens only that session's polls", async () => {
        const code = await makeRoom();
        const before = await makeQuestion(code, { sessionId: "ignored" });
        expect(before.sessionId).toBeNull();
        const s = await makeSession(code);
        must(await store.setSessionStatus(s.id, ["upcoming"], "live", at()));
        const during = await makeQuestion(code);
        expect(during.sessionId).toBe(s.id);
        expect((await store.getQuestion(during.id))!.sessionId).toBe(s.id);
        const loose = await makePoll(code); // of no session: not the current one
        expect(await store.setPollStatus(loose.id, ["draft"], "open")).toBe("other_session");
        expect((await store.getPoll(loose.id))!.status).toBe("draft");
        const ahead = { ...loose, id: newId(), sessionId: s.id };
        await store.createPoll(ahead);
        expect((await store.getPoll(ahead.id))!.sessionId).toBe(s.id);
        must(await store.setPollStatus(ahead.id, ["draft"], "open"));
        const data = (await store.roomData(code))!;
        expect(data.room.sessionId).toBe(s.id);
        expect(data.sessions.map((x) => x.id)).toEqual([s.id]);
        expect(data.polls.find((p) => p.id === ahead.id)!.sessionId).toBe(s.id);
        expect(data.questions.find((q) => q.id === before.id)!.sessionId).toBeNull();
      });

      it("deletes a session that is not live: its items stay with no session, the room has no current one", async () => {
        const code = await makeRoom();
        const s = await makeSession(code);
        must(await store.setSessionStatus(s.id, ["upcoming"], "live", at()));
        const q = await makeQuestion(code);
        const poll = { ...(await makePoll(code)), id: newId(), sessionId: s.id };
        await store.createPoll(poll);
        expect(await store.deleteSession(s.id)).toBe("conflict");
        expect(await store.getSession(s.id)).not.toBeNull();
        must(await store.setSessionStatus(s.id, ["live"], "ended", at()));
        expect(must(await store.deleteSession(s.id)).id).toBe(s.id);
        expect(await store.getSession(s.id)).toBeNull();
        expect(await store.listSessions(code)).toEqual([]);
        expect((await store.getRoom(code))!.sessionId).toBeNull();
        expect((await store.getQuestion(q.id))!.sessionId).toBeNull();
        expect((await store.getPoll(poll.id))!.sessionId).toBeNull();
        expect(await store.deleteSession(s.id)).toBe("not_found");
      });

      it("imports a programme in one step: new rooms, their sessions, sessions of existing rooms, updates", async () => {
        const event = await makeEvent(1);
        const old = await makeSession(event.rooms[0]!.code);
        const room = { id: newId(), code: newRoomCode(), name: "Salle Colette", premoderation: true };
        const inNew = newSession(room.code, { title: "Table ronde", speakers: [] });
        const inOld = newSession(event.rooms[0]!.code, { title: "Clôture", startsAt: null, endsAt: null });
        const write = {
          createdAt: at(),
          rooms: [room],
          sessions: [inNew, inOld],
          updates: [{ id: old.id, speakers: ["Lin"], endsAt: null }],
        };
        expect(await store.importProgramme(event.id, write, 50, 200)).toBe("ok");
        const stored = (await store.getEvent(event.id))!.rooms.map((r) => [r.code, r.name, r.premoderation, r.eventId]);
        expect(stored).toEqual([
          [event.rooms[0]!.code, "Room 1", false, event.id],
          [room.code, "Salle Colette", true, event.id],
        ]);
        expect((await store.getRoom(room.code))!.qaOpen).toBe(true);
        expect(await store.listSessions(room.code)).toEqual([inNew]);
        expect(await store.listSessions(event.rooms[0]!.code)).toEqual([{ ...old, speakers: ["Lin"], endsAt: null }, inOld]);
        expect(await store.getSession(inNew.id)).toEqual(inNew);
        expect(await store.eventIdForCode(room.code)).toBe(event.id);
      });

      it("refuses a programme write as a whole: nothing of it is written", async () => {
        const event = await makeEvent(2);
        const [a, b] = event.rooms.map((r) => r.code) as [string, string];
        const kept = await makeSession(a);
        const fresh = () => ({ id: newId(), code: newRoomCode(), name: `New ${newId()}` });
        const sessions = [newSession(a), newSession(b)];
        const update = { id: kept.id, speakers: ["Changed"], endsAt: null };
        const refusals: [unknown, string][] = [
          [store.importProgramme(newId(), { createdAt: at(), rooms: [], sessions, updates: [] }, 50, 200), "not_found"],
          [
            store.importProgramme(event.id, { createdAt: at(), rooms: [fresh()], sessions, updates: [update] }, 2, 200),
            "rooms_full",
          ],
          [
            store.importProgramme(
              event.id,
              { createdAt: at(), rooms: [{ ...fresh(), code: b }], sessions, updates: [] },
              50,
              200,
            ),
            "code_taken",
          ],
          [
            store.importProgramme(event.id, { createdAt: at(), rooms: [fresh()], sessions, updates: [update] }, 50, 1),
            "sessions_full",
          ],
          [
            store.importProgramme(
              event.id,
              { createdAt: at(), rooms: [fresh()], sessions, updates: [update, { id: newId(), speakers: [], endsAt: null }] },
              50,
              200,
            ),
            "conflict",
          ],
          [
            store.importProgramme(
              event.id,
              { createdAt: at(), rooms: [], sessions: [newSession(newRoomCode())], updates: [] },
              50,
              200,
            ),
            "not_found",
          ],
        ];
        for (const [reply, expected] of refusals) expect(await reply).toBe(expected);
        expect((await store.getEvent(event.id))!.rooms.map((r) => r.code)).toEqual([a, b]);
        expect(await store.listSessions(a)).toEqual([kept]);
        expect(await store.listSessions(b)).toEqual([]);
        for (const s of sessions) expect(await store.getSession(s.id)).toBeNull();
      });

      it("lists the events with autoSessions on, and forgets an erased one", async () => {
        const on = await makeEvent(1);
        const off = await makeEvent(1);
        must(await store.updateEvent(on.id, { autoSessions: true }));
        expect(await store.autoSessionEvents()).toContain(on.id);
        expect(await store.autoSessionEvents()).not.toContain(off.id);
        must(await store.updateEvent(on.id, { autoSessions: false }));
        expect(await store.autoSessionEvents()).not.toContain(on.id);
        must(await store.updateEvent(on.id, { autoSessions: true }));
        const s = await makeSession(on.rooms[0]!.code);
        await store.deleteEvent(on.id);
        expect(await store.autoSessionEvents()).not.toContain(on.id);
        expect(await store.getSession(s.id)).toBeNull();
      });
    });

    describe("polls", () => {
      it("stores a poll as created, with an empty tally", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "multiple");
        expect(await store.getPoll(poll.id)).toEqual(poll);
        const tally = await store.tally(poll.id);
        expect(tally?.voters).toBe(0);
        expect(counted(tally?.tally)).toEqual({});
        expect(await store.getPoll(newId())).toBeNull();
        expect(await store.tally(newId())).toBeNull();
      });

      it("updates a draft; with draftOnly refuses anything else and changes nothing", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single");
        const updated = must(await store.updatePoll(poll.id, { title: "New", options: ["X", "Y"] }, true));
        expect(updated).toEqual({ ...poll, title: "New", options: ["X", "Y"] });
        expect(await store.getPoll(poll.id)).toEqual(updated);
        must(await store.setPollStatus(poll.id, ["draft"], "open"));
        expect(await store.updatePoll(poll.id, { title: "Late" }, true)).toBe("conflict");
        expect((await store.getPoll(poll.id))?.title).toBe("New");
        const hidden = must(await store.updatePoll(poll.id, { resultsVisible: false }, false));
        expect(hidden).toEqual({ ...updated, status: "open", resultsVisible: false });
        expect(await store.updatePoll(newId(), { title: "X" }, false)).toBe("not_found");
      });

      it("deletes a poll with its ballots", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single", "open");
        const voter = pid();
        must(await vote(poll.id, voter, [0], ["0"]));
        expect(await store.deletePoll(poll.id)).toEqual({ ...poll, status: "open" });
        expect(await store.getPoll(poll.id)).toBeNull();
        expect(await store.tally(poll.id)).toBeNull();
        expect(await store.castBallot(poll.id, voter, [1], ["1"])).toBe("not_found");
        expect((await store.roomData(code))!.polls).toEqual([]);
        expect(await store.participantData(code, voter)).toEqual({ ballots: {}, upvoted: [], nickname: null });
        expect(await store.deletePoll(poll.id)).toBe("not_found");
      });

      it("moves a poll only from the given statuses", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code);
        expect(await store.setPollStatus(poll.id, ["open"], "closed")).toBe("conflict");
        expect((await store.getPoll(poll.id))?.status).toBe("draft");
        expect(await store.setPollStatus(poll.id, ["draft", "closed"], "open")).toEqual({
          poll: { ...poll, status: "open" },
          closed: [],
        });
        expect(await store.setPollStatus(poll.id, ["draft", "closed"], "open")).toBe("conflict");
        const closed = must(await store.setPollStatus(poll.id, ["open"], "closed"));
        expect(closed).toEqual({ poll: { ...poll, status: "closed" }, closed: [] });
        expect((await store.getPoll(poll.id))?.status).toBe("closed");
        expect(must(await store.setPollStatus(poll.id, ["draft", "closed"], "open")).poll.status).toBe("open");
        expect(await store.setPollStatus(newId(), ["draft"], "open")).toBe("not_found");
      });

      it("opening a poll closes the room's other open poll, and only in that room", async () => {
        const event = await makeEvent(2);
        const [a, b] = event.rooms.map((r) => r.code) as [string, string];
        const first = await makePoll(a, "single", "open");
        const elsewhere = await makePoll(b, "single", "open");
        const second = await makePoll(a, "scale");
        const opened = must(await store.setPollStatus(second.id, ["draft", "closed"], "open"));
        expect(opened.poll).toEqual({ ...second, status: "open" });
        expect(opened.closed).toEqual([{ ...first, status: "closed" }]);
        expect((await store.getPoll(first.id))?.status).toBe("closed");
        expect((await store.getPoll(elsewhere.id))?.status).toBe("open");
        expect(await vote(first.id, pid(), [0], ["0"])).toBe("not_open");
        const statuses = (await store.roomData(a))!.polls.map((p) => p.status);
        expect(statuses.filter((s) => s === "open")).toHaveLength(1);
      });

      it("lists a room's polls oldest first, even created in the same millisecond", async () => {
        const code = await makeRoom();
        const createdAt = at();
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) {
          const poll: Poll = {
            id: newId(),
            roomCode: code,
            sessionId: null,
            title: `P${i}`,
            kind: "scale",
            options: [],
            status: "draft",
            resultsVisible: true,
            createdAt,
          };
          await store.createPoll(poll);
          ids.push(poll.id);
        }
        const later = await makePoll(code);
        expect((await store.roomData(code))!.polls.map((p) => p.id)).toEqual([...ids, later.id]);
      });
    });

    describe("ballots", () => {
      it("counts a first ballot, and a replacement moves its keys without counting the voter twice", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "multiple", "open");
        const alice = pid();
        const bob = pid();
        const s1 = must(await vote(poll.id, alice, [0, 2], ["0", "2"]));
        expect(s1.voters).toBe(1);
        expect(counted(s1.tally)).toEqual({ "0": 1, "2": 1 });
        const s2 = must(await vote(poll.id, bob, [2], ["2"]));
        expect(s2.voters).toBe(2);
        expect(counted(s2.tally)).toEqual({ "0": 1, "2": 2 });
        const s3 = must(await vote(poll.id, alice, [1, 3], ["1", "3"]));
        expect(s3.voters).toBe(2);
        expect(counted(s3.tally)).toEqual({ "1": 1, "2": 1, "3": 1 });
        const s4 = must(await vote(poll.id, alice, [1, 3], ["1", "3"]));
        expect(s4.voters).toBe(2);
        expect(counted(s4.tally)).toEqual(counted(s3.tally));
        expect(s1.seq).toBeLessThan(s2.seq);
        expect(s2.seq).toBeLessThan(s3.seq);
        expect(s3.seq).toBeLessThan(s4.seq);
        const read = await store.tally(poll.id);
        expect(read && { ...read, tally: counted(read.tally) }).toEqual({ ...s4, tally: counted(s4.tally) });
        expect((await store.participantData(code, alice)).ballots).toEqual({ [poll.id]: [1, 3] });
      });

      it("counts word-cloud and scale ballots by their keys", async () => {
        const code = await makeRoom();
        const words = await makePoll(code, "wordcloud", "open");
        const voters = [pid(), pid(), pid()];
        must(await vote(words.id, voters[0]!, "paris", ["paris"]));
        must(await vote(words.id, voters[1]!, "paris", ["paris"]));
        const last = must(await vote(words.id, voters[2]!, "café crème", ["café crème"]));
        expect(counted(last.tally)).toEqual({ paris: 2, "café crème": 1 });
        const moved = must(await vote(words.id, voters[0]!, "lyon", ["lyon"]));
        expect(counted(moved.tally)).toEqual({ paris: 1, lyon: 1, "café crème": 1 });
        const scale = await makePoll(code, "scale", "open");
        expect(counted(must(await vote(scale.id, voters[0]!, 5, ["5"])).tally)).toEqual({ "5": 1 });
        expect((await store.participantData(code, voters[0]!)).ballots).toEqual({ [words.id]: "lyon", [scale.id]: 5 });
      });

      it("counts a key once per occurrence, and takes as many back when the ballot is replaced", async () => {
        // A kind may weigh a ballot by repeating a key (a ranking's Borda points do).
        const code = await makeRoom();
        const poll = await makePoll(code, "multiple", "open");
        const alice = pid();
        must(await vote(poll.id, alice, [2, 0, 1], ["2", "2", "0"]));
        const s2 = must(await vote(poll.id, pid(), [0, 1, 2], ["0", "0", "1"]));
        expect(counted(s2.tally)).toEqual({ "0": 3, "1": 1, "2": 2 });
        const s3 = must(await vote(poll.id, alice, [1, 2, 0], ["1", "1", "2"]));
        expect(s3.voters).toBe(2);
        expect(counted(s3.tally)).toEqual({ "0": 2, "1": 3, "2": 1 });
        expect(counted((await store.tally(poll.id))?.tally)).toEqual(counted(s3.tally));
        expect((await store.participantData(code, alice)).ballots).toEqual({ [poll.id]: [1, 2, 0] });
      });

      it("refuses a ballot unless the poll is open, and changes nothing", async () => {
        const code = await makeRoom();
        const draft = await makePoll(code, "single");
        const voter = pid();
        expect(await vote(draft.id, voter, [0], ["0"])).toBe("not_open");
        const poll = await makePoll(code, "single", "open");
        const before = must(await vote(poll.id, voter, [0], ["0"]));
        must(await store.setPollStatus(poll.id, ["open"], "closed"));
        expect(await vote(poll.id, voter, [1], ["1"])).toBe("not_open");
        expect(await vote(poll.id, pid(), [1], ["1"])).toBe("not_open");
        const after = await store.tally(poll.id);
        expect(after && { ...after, tally: counted(after.tally) }).toEqual({ ...before, tally: counted(before.tally) });
        expect((await store.participantData(code, voter)).ballots).toEqual({ [poll.id]: [0] });
        expect(await vote(newId(), voter, [0], ["0"])).toBe("not_found");
      });

      it("resets a poll: no ballots, no voters, a higher seq; a later ballot counts as new", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single", "open");
        const voter = pid();
        must(await vote(poll.id, voter, [0], ["0"]));
        const last = must(await vote(poll.id, pid(), [1], ["1"]));
        const reset = must(await store.resetPoll(poll.id));
        expect(reset.voters).toBe(0);
        expect(counted(reset.tally)).toEqual({});
        expect(reset.seq).toBeGreaterThan(last.seq);
        expect((await store.tally(poll.id))?.voters).toBe(0);
        expect((await store.participantData(code, voter)).ballots).toEqual({});
        const again = must(await vote(poll.id, voter, [1], ["1"]));
        expect(again.voters).toBe(1);
        expect(counted(again.tally)).toEqual({ "1": 1 });
        expect(again.seq).toBeGreaterThan(reset.seq);
        expect(await store.resetPoll(newId())).toBe("not_found");
      });

      it("answers each ballot of one turn with the tally of its own write, a reset among them included", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single", "open");
        const [ann, bob, cyd] = [pid(), pid(), pid()];
        must(await vote(poll.id, ann, [3], ["3"])); // the poll's tally is known before the turn
        // Sent together, without waiting: one group commit on the embedded store.
        const sent = [
          vote(poll.id, ann, [0], ["0"]),
          vote(poll.id, bob, [1], ["1"]),
          store.resetPoll(poll.id),
          vote(poll.id, cyd, [2], ["2"]),
          vote(poll.id, ann, [1], ["1"]),
        ];
        const [s1, s2, reset, s3, s4] = (await Promise.all(sent)).map(must);
        expect(counted(s1!.tally)).toEqual({ "0": 1 });
        expect(counted(s2!.tally)).toEqual({ "0": 1, "1": 1 });
        expect(counted(reset!.tally)).toEqual({});
        expect(counted(s3!.tally)).toEqual({ "2": 1 });
        expect([s3!.voters, s4!.voters]).toEqual([1, 2]);
        expect(counted(s4!.tally)).toEqual({ "1": 1, "2": 1 });
        expect(counted((await store.tally(poll.id))?.tally)).toEqual({ "1": 1, "2": 1 });
      });

      it("answers a word cloud's most frequent words once it has more than a snapshot shows", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "wordcloud", "open");
        must(await vote(poll.id, pid(), "commun", ["commun"]));
        for (let i = 0; i < LIMITS.topWords + 4; i++) must(await vote(poll.id, pid(), `mot${i}`, [`mot${i}`]));
        const last = must(await vote(poll.id, pid(), "commun", ["commun"]));
        expect(Object.keys(last.tally).length).toBeGreaterThanOrEqual(LIMITS.topWords);
        expect(last.tally.commun).toBe(2);
        expect(last.voters).toBe(LIMITS.topWords + 6);
        expect(counted((await store.tally(poll.id))?.tally)).toEqual(counted(last.tally));
      });

      it("keeps exact tallies under 200 concurrent ballots", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single", "open");
        const start = (await store.tally(poll.id))!.seq;
        const voters = Array.from({ length: 200 }, () => pid());
        const snaps = await Promise.all(voters.map((v, i) => vote(poll.id, v, [i % 4], [String(i % 4)])));
        const seqs = snaps.map((s) => must(s).seq);
        expect(new Set(seqs).size).toBe(200);
        const final = (await store.tally(poll.id))!;
        expect(final.voters).toBe(200);
        expect(counted(final.tally)).toEqual({ "0": 50, "1": 50, "2": 50, "3": 50 });
        expect(final.seq).toBeGreaterThanOrEqual(start + 200);
        expect(Math.max(...seqs)).toBe(final.seq);
      });

      it("never counts a voter twice under concurrent replacements", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "single", "open");
        const voters = Array.from({ length: 50 }, () => pid());
        await Promise.all(voters.flatMap((v) => [vote(poll.id, v, [0], ["0"]), vote(poll.id, v, [0], ["0"])]));
        const final = (await store.tally(poll.id))!;
        expect(final.voters).toBe(50);
        expect(counted(final.tally)).toEqual({ "0": 50 });
      });
    });

    describe("open answers", () => {
      const answerOf = (text: string) => ({ id: newId(), text, createdAt: at() });
      const texts = (snap: { answers?: { text: string }[] } | null | undefined) => (snap?.answers ?? []).map((a) => a.text);

      it("keeps one answer per participant, newest first; a new text replaces it with a new id", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "open", "open");
        const [ann, bob] = [pid(), pid()];
        const first = answerOf("Plus de pauses");
        must(await store.castBallot(poll.id, ann, first.text, [], first));
        must(await store.castBallot(poll.id, bob, "Du café", [], answerOf("Du café")));
        const replaced = answerOf("Des pauses plus longues");
        const snap = must(await store.castBallot(poll.id, ann, replaced.text, [], replaced));
        expect(snap.voters).toBe(2);
        expect(texts(snap)).toEqual(["Des pauses plus longues", "Du café"]);
        expect(snap.answers![0]).toEqual({ ...replaced, hidden: false });
        expect(await store.answer(poll.id, first.id)).toBeNull();
        expect(texts(await store.tally(poll.id))).toEqual(texts(snap));
        const room = (await store.roomData(code))!;
        expect(texts(room.tallies[poll.id])).toEqual(texts(snap));
        expect((await store.participantData(code, ann)).ballots[poll.id]).toBe("Des pauses plus longues");
      });

      it("keeps the same text as it was: its id, its place and its hidden flag", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "open", "open");
        const ann = pid();
        const first = answerOf("Même texte");
        must(await store.castBallot(poll.id, ann, first.text, [], first));
        must(await store.castBallot(poll.id, pid(), "Autre", [], answerOf("Autre")));
        must(await store.setAnswerHidden(poll.id, first.id, true));
        const again = must(await store.castBallot(poll.id, ann, first.text, [], answerOf(first.text)));
        expect(again.answers!.map((a) => [a.id, a.hidden])).toEqual([
          [again.answers![0]!.id, false],
          [first.id, true],
        ]);
      });

      it("hides and shows an answer, bumping seq; an unknown answer or poll is not found", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "open", "open");
        const a = answerOf("À cacher");
        const cast = must(await store.castBallot(poll.id, pid(), a.text, [], a));
        const hidden = must(await store.setAnswerHidden(poll.id, a.id, true));
        expect(hidden.seq).toBe(cast.seq + 1);
        expect(hidden.answers).toEqual([{ ...a, hidden: true }]);
        expect(await store.answer(poll.id, a.id)).toEqual({ ...a, hidden: true });
        expect(must(await store.setAnswerHidden(poll.id, a.id, false)).answers).toEqual([{ ...a, hidden: false }]);
        expect(await store.setAnswerHidden(poll.id, newId(), true)).toBe("not_found");
        expect(await store.setAnswerHidden(newId(), a.id, true)).toBe("not_found");
        expect(await store.answer(newId(), a.id)).toBeNull();
      });

      it("reads the 100 newest; a reset removes them all", async () => {
        const code = await makeRoom();
        const poll = await makePoll(code, "open", "open");
        for (let i = 0; i < 105; i++) must(await store.castBallot(poll.id, pid(), `Réponse ${i}`, [], answerOf(`Réponse ${i}`)));
        const snap = (await store.tally(poll.id))!;
        expect(snap.answers).toHaveLength(100);
        expect(snap.answers![0]!.text).toBe("Réponse 104");
        expect(snap.answers![99]!.text).toBe("Réponse 5");
        expect((await store.roomData(code))!.tallies[poll.id]!.answers).toHaveLength(100);
        const reset = must(await store.resetPoll(poll.id));
        expect(reset.answers ?? []).toEqual([]);
        expect((await store.tally(poll.id))!.answers ?? []).toEqual([]);
      });

      it("erasing participants keeps the answers", async () => {
        const event = await makeEvent(1);
        const poll = await makePoll(event.rooms[0]!.code, "open", "open");
        const a = answerOf("Je reste");
        must(await store.castBallot(poll.id, pid(), a.text, [], a));
        must(await store.eraseParticipants(event.id));
        expect(texts(await store.tally(poll.id))).toEqual(["Je reste"]);
      });
    });

    describe("quizzes", () => {
      /** A quiz opened at `openedAt`, closing 10 s later. */
      async function openQuiz(code: string, openedAt = at()): Promise<Poll> {
        const poll: Poll = {
          id: newId(),
          roomCode: code,
          sessionId: null,
          title: "Quiz",
          kind: "quiz",
          options: ["A", "B", "C"],
          status: "draft",
          resultsVisible: false,
          createdAt: at(),
          correct: [1],
          timeLimit: 10,
        };
        await store.createPoll(poll);
        const closesAt = new Date(Date.parse(openedAt) + 10_000).toISOString();
        const opened = must(await store.setPollStatus(poll.id, ["draft"], "open", { openedAt, closesAt }));
        expect(opened.poll).toMatchObject({ status: "open", correct: [1], timeLimit: 10, openedAt, closesAt });
        return opened.poll;
      }
      const later = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

      it("keeps a quiz's right answers and time limit, and its opening and closing times once opened", async () => {
        const code = await makeRoom();
        const poll = await openQuiz(code);
        expect(await store.getPoll(poll.id)).toEqual(poll);
        expect((await store.roomData(code))?.polls).toEqual([poll]);
        const edited = must(await store.updatePoll(poll.id, { resultsVisible: true }, false));
        expect(edited).toEqual({ ...poll, resultsVisible: true });
      });

      it("takes a final ballot once, with its time: the same again changes nothing, another is a conflict", async () => {
        const code = await makeRoom();
        const poll = await openQuiz(code);
        const voter = pid();
        const first = must(await store.castBallot(poll.id, voter, [1], ["1"], undefined, { at: later(poll.openedAt!, 2) }));
        const again = must(await store.castBallot(poll.id, voter, [1], ["1"], undefined, { at: later(poll.openedAt!, 3) }));
        expect(again).toEqual(first);
        expect(await store.castBallot(poll.id, voter, [2], ["2"], undefined, { at: later(poll.openedAt!, 4) })).toBe("conflict");
        expect(first).toMatchObject({ voters: 1, tally: { "1": 1 } });
        expect(await store.timedBallots(poll.id)).toEqual([{ participantId: voter, choice: [1], at: later(poll.openedAt!, 2) }]);
      });

      it("refuses a ballot timed after closesAt ('late') while the poll is still open, and changes nothing", async () => {
        const code = await makeRoom();
        const poll = await openQuiz(code);
        must(await store.castBallot(poll.id, pid(), [0], ["0"], undefined, { at: poll.closesAt! }));
        expect(await store.castBallot(poll.id, pid(), [1], ["1"], undefined, { at: later(poll.closesAt!, 0.001) })).toBe("late");
        expect((await store.tally(poll.id))?.voters).toBe(1);
        expect((await store.getPoll(poll.id))?.status).toBe("open");
      });

      it("lists the open quizzes due to close, not the closed, deleted or later ones", async () => {
        const code = await makeRoom();
        const due = await openQuiz(code, "2020-01-01T00:00:00.000Z");
        const closed = await openQuiz(await makeRoom(), "2020-01-01T00:00:01.000Z");
        must(await store.setPollStatus(closed.id, ["open"], "closed"));
        const deleted = await openQuiz(await makeRoom(), "2020-01-01T00:00:02.000Z");
        must(await store.deletePoll(deleted.id));
        const notYet = await openQuiz(await makeRoom(), "2099-01-01T00:00:00.000Z");
        const now = "2021-01-01T00:00:00.000Z";
        const list = await store.dueQuizzes(now);
        expect(list).toContain(due.id);
        expect(list).not.toContain(closed.id);
        expect(list).not.toContain(deleted.id);
        expect(list).not.toContain(notYet.id);
        // Exactly one of two concurrent closes wins.
        const closes = await Promise.all([1, 2].map(() => store.setPollStatus(due.id, ["open"], "closed")));
        expect(closes.filter((c) => typeof c === "object")).toHaveLength(1);
        expect(await store.dueQuizzes(now)).not.toContain(due.id);
      });

      it("keeps one nickname per participant in a room, unique by its folded form; erased with the participants", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const [ann, bob] = [pid(), pid()];
        expect(await store.setNickname(code, ann, "Élodie", "elodie")).toBe("ok");
        expect(await store.setNickname(code, bob, "ELODIE", "elodie")).toBe("taken");
        expect(await store.setNickname(other, bob, "ELODIE", "elodie")).toBe("ok");
        expect(await store.setNickname(code, ann, "Elo", "elo")).toBe("ok");
        expect(await store.setNickname(code, bob, "Élodie", "elodie")).toBe("ok"); // freed by the change
        expect(await store.nicknames(code)).toEqual({ [ann]: "Elo", [bob]: "Élodie" });
        expect(await store.setNickname("ZZZZZZ", ann, "Ann", "ann")).toBe("not_found");
        must(await store.eraseParticipants(event.id));
        expect(await store.nicknames(code)).toEqual({});
        expect(await store.nicknames(other)).toEqual({});
        // Erasing the event erases its nicknames.
        const gone = await makeEvent(1);
        const goneCode = gone.rooms[0]!.code;
        expect(await store.setNickname(goneCode, ann, "Ann", "ann")).toBe("ok");
        must(await store.deleteEvent(gone.id));
        expect(await store.nicknames(goneCode)).toEqual({});
        expect((await store.participantData(goneCode, ann)).nickname).toBeNull();
      });
    });

    describe("reaction totals", () => {
      it("adds counts per emoji, per room", async () => {
        const [one, two] = [await makeRoom(), await makeRoom()];
        expect(await store.reactionTotals(one)).toEqual({});
        await store.addReactions(one, { "👏": 3, "❤️": 1 });
        await Promise.all([store.addReactions(one, { "👏": 2 }), store.addReactions(one, { "🎉": 4, "👏": 1 })]);
        await store.addReactions(two, { "😂": 1 });
        expect(await store.reactionTotals(one)).toEqual({ "👏": 6, "❤️": 1, "🎉": 4 });
        expect(await store.reactionTotals(two)).toEqual({ "😂": 1 });
      });

      it("ignores an unknown room and erases totals with their event", async () => {
        await store.addReactions("ZZZZZZ", { "👏": 1 });
        expect(await store.reactionTotals("ZZZZZZ")).toEqual({});
        const event = await makeEvent(1);
        const code = event.rooms[0]!.code;
        await store.addReactions(code, { "👍": 2 });
        must(await store.deleteEvent(event.id));
        expect(await store.reactionTotals(code)).toEqual({});
      });
    });

    describe("report activity", () => {
      const M1 = "2026-06-28T09:00:00.000Z";
      const M2 = "2026-06-28T09:01:00.000Z";
      const batch = (minute: string, over: Partial<ActivityBatch> = {}): ActivityBatch => ({
        minute,
        participants: 0,
        votes: 0,
        questions: 0,
        reactions: 0,
        seen: [],
        ...over,
      });
      async function startSession(code: string): Promise<string> {
        const id = newId();
        const session: SessionRecord = {
          ...{ id, roomCode: code, title: "Talk", speakers: [], startsAt: null, endsAt: null },
          ...{ status: "upcoming", createdAt: at(), statusAt: null },
        };
        expect(await store.createSession(session, 200)).toBe("ok");
        must(await store.setSessionStatus(id, ["upcoming"], "live", at()));
        return id;
      }
      const bySession = (all: SessionActivity[], id: string | null) => all.find((a) => a.sessionId === id);

      it("adds minutes to the room's current session: counters add, participants keep the highest, ids count once", async () => {
        const code = await makeRoom();
        expect(await store.activity(code)).toEqual([]);
        const [a, b, c] = [pid(), pid(), pid()];
        await Promise.all([
          store.recordActivity(code, [batch(M1, { participants: 4, votes: 2, seen: [a, b] })]),
          store.recordActivity(code, [batch(M1, { participants: 3, votes: 1, questions: 1, seen: [b] })]),
        ]);
        await store.recordActivity(code, [batch(M2, { participants: 1, reactions: 5, seen: [a] })]);
        const session = await startSession(code);
        await store.recordActivity(code, [batch(M2, { participants: 2, votes: 1, seen: [a, c] })]);
        const all = await store.activity(code);
        expect(all).toHaveLength(2);
        expect(bySession(all, null)).toEqual({
          sessionId: null,
          timeline: [
            { at: M1, participants: 4, votes: 3, questions: 1, reactions: 0 },
            { at: M2, participants: 1, votes: 0, questions: 0, reactions: 5 },
          ],
          distinct: 2,
          reactions: {},
        });
        expect(bySession(all, session)).toEqual({
          sessionId: session,
          timeline: [{ at: M2, participants: 2, votes: 1, questions: 0, reactions: 0 }],
          distinct: 2,
          reactions: {},
        });
      });

      it("keeps reaction totals per session; the room's totals add them up", async () => {
        const code = await makeRoom();
        await store.addReactions(code, { "👏": 2, "🎉": 1 });
        const session = await startSession(code);
        await store.addReactions(code, { "👏": 3 });
        const all = await store.activity(code);
        expect(bySession(all, null)?.reactions).toEqual({ "👏": 2, "🎉": 1 });
        expect(bySession(all, session)?.reactions).toEqual({ "👏": 3 });
        expect(await store.reactionTotals(code)).toEqual({ "👏": 5, "🎉": 1 });
      });

      it("ignores an unknown room and erases the activity with its event", async () => {
        await store.recordActivity("ZZZZZZ", [batch(M1, { votes: 1, seen: [pid()] })]);
        expect(await store.activity("ZZZZZZ")).toEqual([]);
        const event = await makeEvent(1);
        const code = event.rooms[0]!.code;
        await store.recordActivity(code, [batch(M1, { votes: 1, seen: [pid()] })]);
        must(await store.deleteEvent(event.id));
        expect(await store.activity(code)).toEqual([]);
      });

      it("erasing participants keeps the distinct counts but not the ids; idempotent", async () => {
        const event = await makeEvent(1);
        const code = event.rooms[0]!.code;
        const [a, b] = [pid(), pid()];
        await store.recordActivity(code, [batch(M1, { participants: 2, seen: [a, b] })]);
        must(await store.eraseParticipants(event.id));
        must(await store.eraseParticipants(event.id));
        expect(bySession(await store.activity(code), null)?.distinct).toBe(2);
        // An id seen again after the erasure is nobody the store can recognise: it counts anew.
        await store.recordActivity(code, [batch(M2, { seen: [a] })]);
        expect(bySession(await store.activity(code), null)?.distinct).toBe(3);
      });

      it("sets an event's retention: its days are read back and its end is listed once reached", async () => {
        const event = await makeEvent();
        expect((await store.getEvent(event.id))?.retentionDays).toBeNull();
        expect(await store.setRetention(event.id, 7, "2026-07-05T09:00:00.000Z")).toBe("ok");
        expect((await store.getEvent(event.id))?.retentionDays).toBe(7);
        expect(await store.expiredEvents("2026-07-05T08:59:59.999Z")).not.toContain(event.id);
        expect(await store.expiredEvents("2026-07-05T09:00:00.000Z")).toContain(event.id);
        expect(await store.setRetention(event.id, 90, "2026-09-26T09:00:00.000Z")).toBe("ok");
        expect(await store.expiredEvents("2026-07-05T09:00:00.000Z")).not.toContain(event.id);
        expect(await store.setRetention(newId(), 7, "2026-07-05T09:00:00.000Z")).toBe("not_found");
      });
    });

    describe("questions", () => {
      it("stores a question as asked and finds it by (room, participant, clientId)", async () => {
        const code = await makeRoom();
        const asked = newQuestion(code, { status: "pending" });
        expect(await store.ask(asked, true)).toEqual({ question: asked, created: true });
        expect(await store.getQuestion(asked.id)).toEqual(asked);
        expect(await store.findAsk(code, asked.participantId, asked.clientId!)).toEqual(asked);
        expect(await store.findAsk(code, asked.participantId, newId())).toBeNull();
        expect(await store.findAsk(code, pid(), asked.clientId!)).toBeNull();
        expect(await store.getQuestion(newId())).toBeNull();
        expect(await store.ask(newQuestion(newRoomCode()), false)).toBe("not_found");
      });

      it("answers a retried ask with the original question", async () => {
        const event = await makeEvent(2);
        const [a, b] = event.rooms.map((r) => r.code) as [string, string];
        const first = await makeQuestion(a);
        const retry = newQuestion(a, { participantId: first.participantId, clientId: first.clientId, text: "Retried" });
        expect(await store.ask(retry, true)).toEqual({ question: first, created: false });
        expect(await store.getQuestion(retry.id)).toBeNull();
        // Another participant, or another room, with the same clientId is another question.
        await makeQuestion(a, { clientId: first.clientId });
        await makeQuestion(b, { participantId: first.participantId, clientId: first.clientId });
        // Without a clientId, every ask is new.
        await makeQuestion(a, { participantId: first.participantId, clientId: null });
        await makeQuestion(a, { participantId: first.participantId, clientId: null });
        expect((await store.roomData(a))!.questions).toHaveLength(4);
      });

      it("refuses a new question while Q&A is closed, but still answers a retry", async () => {
        const code = await makeRoom();
        const first = await makeQuestion(code);
        must(await store.updateRoom(code, { qaOpen: false }));
        const fresh = newQuestion(code);
        expect(await store.ask(fresh, true)).toBe("closed");
        expect(await store.getQuestion(fresh.id)).toBeNull();
        const retry = newQuestion(code, { participantId: first.participantId, clientId: first.clientId });
        expect(await store.ask(retry, true)).toEqual({ question: first, created: false });
        expect(must(await store.ask(fresh, false)).created).toBe(true);
        expect((await store.roomData(code))!.questions).toHaveLength(2);
      });

      it("counts one upvote per participant, idempotently, only in allowed statuses", async () => {
        const code = await makeRoom();
        const question = await makeQuestion(code);
        const [p1, p2] = [pid(), pid()];
        expect(must(await store.setUpvote(question.id, p1, true, LIVE)).upvotes).toBe(1);
        expect(must(await store.setUpvote(question.id, p1, true, LIVE)).upvotes).toBe(1);
        expect(must(await store.setUpvote(question.id, p2, true, LIVE))).toEqual({ ...question, upvotes: 2 });
        expect((await store.participantData(code, p1)).upvoted).toEqual([question.id]);
        expect(must(await store.setUpvote(question.id, p1, false, LIVE)).upvotes).toBe(1);
        expect(must(await store.setUpvote(question.id, p1, false, LIVE)).upvotes).toBe(1);
        expect((await store.participantData(code, p1)).upvoted).toEqual([]);
        expect((await store.participantData(code, p2)).upvoted).toEqual([question.id]);
        const answered = { status: "answered" as const, highlighted: false };
        must(await store.updateQuestion(question.id, { status: "live", highlighted: false }, answered));
        expect(await store.setUpvote(question.id, p1, true, LIVE)).toBe("conflict");
        expect((await store.getQuestion(question.id))?.upvotes).toBe(1);
        expect((await store.participantData(code, p1)).upvoted).toEqual([]);
        expect(must(await store.setUpvote(question.id, p2, false, ["live", "answered"])).upvotes).toBe(0);
        expect(await store.setUpvote(newId(), p1, true, LIVE)).toBe("not_found");
      });

      it("keeps exact upvote counts under concurrent upvotes", async () => {
        const code = await makeRoom();
        const question = await makeQuestion(code);
        const voters = Array.from({ length: 60 }, () => pid());
        await Promise.all(
          voters.flatMap((v) => [store.setUpvote(question.id, v, true, LIVE), store.setUpvote(question.id, v, true, LIVE)]),
        );
        expect((await store.getQuestion(question.id))?.upvotes).toBe(60);
      });

      it("updates a question only from the expected state (compare-and-set)", async () => {
        const code = await makeRoom();
        const question = await makeQuestion(code, { status: "pending" });
        const pending = { status: "pending" as const, highlighted: false };
        const live = { status: "live" as const, highlighted: false };
        const done = must(await store.updateQuestion(question.id, pending, live));
        expect(done).toEqual({ question: { ...question, status: "live" }, unhighlighted: [] });
        expect(await store.updateQuestion(question.id, pending, { status: "rejected", highlighted: false })).toBe("conflict");
        expect(await store.updateQuestion(question.id, { status: "live", highlighted: true }, live)).toBe("conflict");
        expect((await store.getQuestion(question.id))?.status).toBe("live");
        must(await store.setUpvote(question.id, pid(), true, LIVE));
        const answered = must(await store.updateQuestion(question.id, live, { status: "answered", highlighted: false }));
        expect(answered.question).toMatchObject({ status: "answered", upvotes: 1 });
        expect(await store.updateQuestion(newId(), live, live)).toBe("not_found");
      });

      it("sets and removes a reply and replaces labels, whatever the status", async () => {
        const code = await makeRoom();
        const question = await makeQuestion(code, { status: "pending" });
        const replied = must(await store.annotateQuestion(question.id, { reply: "In the slides", repliedAt: at() }));
        expect(replied).toMatchObject({ reply: "In the slides", labels: [], status: "pending" });
        expect(replied.repliedAt).not.toBeNull();
        const labelled = must(await store.annotateQuestion(question.id, { labels: ["budget", "panel"] }));
        expect(labelled).toMatchObject({ reply: "In the slides", labels: ["budget", "panel"] });
        expect(await store.getQuestion(question.id)).toEqual(labelled);
        const cleared = must(await store.annotateQuestion(question.id, { reply: null, repliedAt: null, labels: [] }));
        expect(cleared).toEqual({ ...question, reply: null, repliedAt: null, labels: [] });
        expect((await store.roomData(code))?.questions).toEqual([cleared]);
        expect(await store.annotateQuestion(newId(), { labels: [] })).toBe("not_found");
      });

      it("merges a question: the union of upvoters and the asker, each once, in one step", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const [a, b, c] = [pid(), pid(), pid()];
        const target = await makeQuestion(code);
        const dup = await makeQuestion(code, { participantId: c });
        for (const v of [a, b]) must(await store.setUpvote(target.id, v, true, LIVE));
        for (const v of [b, c]) must(await store.setUpvote(dup.id, v, true, LIVE));
        must(await store.updateQuestion(dup.id, { status: "live", highlighted: false }, { status: "live", highlighted: true }));
        const FROM = ["pending", "live", "answered"] as const;
        const TO = ["live", "answered"] as const;
        const merged = must(await store.mergeQuestion(dup.id, target.id, [...FROM], [...TO]));
        // a, b, c (voter and asker of the duplicate) once each.
        expect(merged.into).toMatchObject({ id: target.id, upvotes: 3, status: "live" });
        expect(merged.question).toMatchObject({ id: dup.id, status: "merged", highlighted: false, mergedInto: target.id });
        expect(await store.getQuestion(dup.id)).toEqual(merged.question);
        expect(await store.getQuestion(target.id)).toEqual(merged.into);
        // Withdrawing the asker's upvote from the target works: it is a real upvote.
        expect(must(await store.setUpvote(target.id, c, false, [...TO])).upvotes).toBe(2);

        const third = await makeQuestion(code);
        const pending = await makeQuestion(code, { status: "pending" });
        const elsewhere = await makeQuestion(other);
        expect(await store.mergeQuestion(dup.id, target.id, [...FROM], [...TO])).toBe("conflict");
        expect(await store.mergeQuestion(third.id, third.id, [...FROM], [...TO])).toBe("bad_target");
        expect(await store.mergeQuestion(third.id, pending.id, [...FROM], [...TO])).toBe("bad_target");
        expect(await store.mergeQuestion(third.id, dup.id, [...FROM], [...TO])).toBe("bad_target");
        expect(await store.mergeQuestion(third.id, elsewhere.id, [...FROM], [...TO])).toBe("bad_target");
        expect(await store.mergeQuestion(third.id, newId(), [...FROM], [...TO])).toBe("bad_target");
        expect(await store.mergeQuestion(newId(), target.id, [...FROM], [...TO])).toBe("not_found");
        expect(await store.getQuestion(third.id)).toEqual(third);
      });

      it("lets one of two concurrent merges of the same pair win, upvotes counted once", async () => {
        const code = await makeRoom();
        const target = await makeQuestion(code);
        const dup = await makeQuestion(code);
        const voters = Array.from({ length: 20 }, () => pid());
        for (const v of voters) must(await store.setUpvote(dup.id, v, true, LIVE));
        const merge = () => store.mergeQuestion(dup.id, target.id, ["pending", "live", "answered"], ["live", "answered"]);
        const results = await Promise.all([merge(), merge()]);
        expect(results.filter((r) => r === "conflict")).toHaveLength(1);
        expect((await store.getQuestion(target.id))?.upvotes).toBe(21);
      });

      it("keeps at most one highlighted question per room", async () => {
        const event = await makeEvent(2);
        const [a, b] = event.rooms.map((r) => r.code) as [string, string];
        const q1 = await makeQuestion(a);
        const q2 = await makeQuestion(a, { status: "answered" });
        const other = await makeQuestion(b);
        const plain = { status: "live" as const, highlighted: false };
        const lit = { status: "live" as const, highlighted: true };
        expect(must(await store.updateQuestion(other.id, plain, lit)).question.highlighted).toBe(true);
        expect(must(await store.updateQuestion(q1.id, plain, lit))).toEqual({
          question: { ...q1, highlighted: true },
          unhighlighted: [],
        });
        const swap = must(
          await store.updateQuestion(
            q2.id,
            { status: "answered", highlighted: false },
            { status: "answered", highlighted: true },
          ),
        );
        expect(swap.question).toEqual({ ...q2, highlighted: true });
        expect(swap.unhighlighted).toEqual([{ ...q1, highlighted: false }]);
        expect((await store.getQuestion(q1.id))?.highlighted).toBe(false);
        expect((await store.getQuestion(other.id))?.highlighted).toBe(true);
        const lit2 = (await store.roomData(a))!.questions.filter((q) => q.highlighted);
        expect(lit2.map((q) => q.id)).toEqual([q2.id]);
        // Re-highlighting the highlighted question clears nothing else.
        const answeredLit = { status: "answered" as const, highlighted: true };
        expect(must(await store.updateQuestion(q2.id, answeredLit, answeredLit)).unhighlighted).toEqual([]);
      });
    });

    describe("keys, bans, audit and retention", () => {
      it("rotates a moderator key: the old hash opens nothing at once, the new one opens the event", async () => {
        const event = await makeEvent();
        const next = randomBytes(32).toString("hex");
        expect(await store.rotateKey(event.id, next)).toBe("ok");
        expect(await store.eventIdForKey(event.keyHash)).toBeNull();
        expect(await store.eventIdForKey(next)).toBe(event.id);
        expect(await store.rotateKey(newId(), randomBytes(32).toString("hex"))).toBe("not_found");
        // Erasing the event takes the new key with it.
        expect(await store.deleteEvent(event.id)).toEqual([event.rooms[0]!.code]);
        expect(await store.eventIdForKey(next)).toBeNull();
      });

      it("room keys: created per room up to a bound, found by hash, listed without it, deleted at once", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const hash = () => randomBytes(32).toString("hex");
        const first = {
          id: newId(),
          role: "speaker" as const,
          roomCode: code,
          label: "Lectern",
          createdAt: at(),
          keyHash: hash(),
        };
        const second = { id: newId(), role: "moderator" as const, roomCode: code, label: "", createdAt: at(), keyHash: hash() };
        const { keyHash: _h, ...shown } = first;
        expect(await store.createRoomKey(first, 2)).toEqual({ ...shown, eventId: event.id });
        must(await store.createRoomKey(second, 2));
        // The bound counts this room's keys only.
        const third = { ...second, id: newId(), keyHash: hash() };
        expect(await store.createRoomKey(third, 2)).toBe("full");
        expect(await store.createRoomKey({ ...third, roomCode: newRoomCode() }, 2)).toBe("not_found");
        must(await store.createRoomKey({ ...third, roomCode: other }, 2));
        expect((await store.listRoomKeys(code)).map((k) => k.id)).toEqual([first.id, second.id]);
        expect(JSON.stringify(await store.listRoomKeys(code))).not.toContain(first.keyHash);
        expect(await store.findRoomKey(first.keyHash)).toEqual({ ...shown, eventId: event.id });
        expect(await store.findRoomKey(hash())).toBeNull();
        expect(await store.getRoomKey(second.id)).toEqual(expect.objectContaining({ id: second.id, role: "moderator" }));
        // An event's key hash is not a room key, and the other way round.
        expect(await store.findRoomKey(event.keyHash)).toBeNull();
        expect(await store.eventIdForKey(first.keyHash)).toBeNull();

        expect(await store.deleteRoomKey(first.id)).toEqual({ ...shown, eventId: event.id });
        expect(await store.findRoomKey(first.keyHash)).toBeNull();
        expect(await store.getRoomKey(first.id)).toBeNull();
        expect(await store.deleteRoomKey(first.id)).toBe("not_found");
        expect((await store.listRoomKeys(code)).map((k) => k.id)).toEqual([second.id]);
        // A slot freed: the room takes a key again.
        must(await store.createRoomKey({ ...third, id: newId(), keyHash: hash() }, 2));

        // Erasing the event takes every key with it.
        must(await store.deleteEvent(event.id));
        expect(await store.findRoomKey(second.keyHash)).toBeNull();
        expect(await store.getRoomKey(third.id)).toBeNull();
        expect(await store.listRoomKeys(other)).toEqual([]);
      });

      it("backstage messages: appended per room, the newest kept, erased with the event", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const sent = Array.from({ length: 5 }, (_, i) => ({ id: newId(), text: `Message ${i}`, at: at() }));
        for (const message of sent) expect(await store.addMessage(code, message, 3)).toBe("ok");
        expect(await store.messages(code)).toEqual(sent.slice(2));
        expect(await store.messages(other)).toEqual([]);
        expect(await store.addMessage(newRoomCode(), sent[0]!, 3)).toBe("not_found");
        must(await store.deleteEvent(event.id));
        expect(await store.messages(code)).toEqual([]);
      });

      it("bans and lifts a participant per room; a second ban changes nothing", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const who = pid();
        expect(await store.isBanned(code, who)).toBe(false);
        expect(await store.setBan(code, who, true)).toBe(true);
        expect(await store.setBan(code, who, true)).toBe(false);
        expect(await store.isBanned(code, who)).toBe(true);
        expect(await store.isBanned(other, who)).toBe(false);
        expect(await store.isBanned(code, pid())).toBe(false);
        expect(await store.setBan(code, who, false)).toBe(true);
        expect(await store.setBan(code, who, false)).toBe(false);
        expect(await store.isBanned(code, who)).toBe(false);
        expect(await store.setBan(newRoomCode(), who, true)).toBe("not_found");
        expect(await store.setBan(code, who, true)).toBe(true);
        await store.deleteEvent(event.id);
        expect(await store.isBanned(code, who)).toBe(false);
      });

      it("keeps a room's audit log oldest first, apart from other rooms, erased with the event", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const entries = [
          { at: at(), actor: "moderator" as const, action: "poll:open", targetId: newId() },
          { at: at(), actor: "organizer" as const, action: "question:approve", targetId: newId() },
          { at: at(), actor: "moderator" as const, action: "participant:ban", targetId: newId() },
        ];
        for (const e of entries) await store.appendAudit(code, e);
        await store.appendAudit(other, { at: at(), actor: "moderator", action: "room:update", targetId: other });
        expect(await store.auditLog(code)).toEqual(entries);
        expect(await store.auditLog(other)).toHaveLength(1);
        const nowhere = newRoomCode();
        await store.appendAudit(nowhere, entries[0]!); // an unknown room keeps nothing
        expect(await store.auditLog(nowhere)).toEqual([]);
        await store.deleteEvent(event.id);
        expect(await store.auditLog(code)).toEqual([]);
      });

      it("lists the events whose retention has ended, never those without retention or erased", async () => {
        const kept = await makeEvent();
        const base = newEvent();
        const expiring = { ...base, retentionDays: 1, expiresAt: "2026-07-01T00:00:00.000Z" };
        expect(await store.createEvent(expiring)).toBe("ok");
        const later = { ...newEvent(), retentionDays: 30, expiresAt: "2026-08-01T00:00:00.000Z" };
        expect(await store.createEvent(later)).toBe("ok");
        const before = await store.expiredEvents("2026-06-30T23:59:59.999Z");
        expect(before).not.toContain(expiring.id);
        const after = await store.expiredEvents("2026-07-01T00:00:00.000Z");
        expect(after).toContain(expiring.id);
        expect(after).not.toContain(later.id);
        expect(after).not.toContain(kept.id);
        expect(await store.expiredEvents("2100-01-01T00:00:00.000Z")).toEqual(expect.arrayContaining([expiring.id, later.id]));
        expect(await store.expiredEvents("2100-01-01T00:00:00.000Z")).not.toContain(kept.id);
        await store.deleteEvent(expiring.id);
        expect(await store.expiredEvents("2100-01-01T00:00:00.000Z")).not.toContain(expiring.id);
      });

      it("erases participant ids and keeps every aggregate; idempotent; other events untouched", async () => {
        const event = await makeEvent(2);
        const [code, second] = event.rooms.map((r) => r.code) as [string, string];
        const untouched = (await makeEvent()).rooms[0]!.code;
        const [a, b, c] = [pid(), pid(), pid()];
        const poll = await makePoll(code, "single", "open");
        must(await vote(poll.id, a, [0], ["0"]));
        must(await vote(poll.id, b, [1], ["1"]));
        const words = await makePoll(second, "wordcloud", "open");
        must(await vote(words.id, c, "rust", ["rust"]));
        const q = await makeQuestion(code, { participantId: a, clientId: "mine" });
        must(await store.setUpvote(q.id, b, true, LIVE));
        must(await store.setUpvote(q.id, c, true, LIVE));
        expect(await store.setBan(code, c, true)).toBe(true);
        const otherPoll = await makePoll(untouched, "scale", "open");
        must(await vote(otherPoll.id, a, 3, ["3"]));
        const otherQ = await makeQuestion(untouched, { participantId: a, clientId: "there" });
        must(await store.setUpvote(otherQ.id, b, true, LIVE));
        expect(await store.setBan(untouched, c, true)).toBe(true);
        const tallyBefore = await store.tally(poll.id);
        const wordsBefore = await store.tally(words.id);

        expect(await store.eraseParticipants(event.id)).toEqual({ ballots: 3, upvotes: 2, questions: 1, bans: 1 });
        // Aggregates stay.
        expect(await store.tally(poll.id)).toEqual(tallyBefore);
        expect(await store.tally(words.id)).toEqual(wordsBefore);
        const erased = (await store.getQuestion(q.id))!;
        expect(erased).toEqual({ ...q, upvotes: 2, participantId: "", clientId: null });
        const data = (await store.roomData(code))!;
        expect(data.tallies[poll.id]).toEqual(tallyBefore);
        expect(data.questions.find((x) => x.id === q.id)).toEqual(erased);
        // What pointed to a participant is gone.
        for (const who of [a, b, c]) {
          expect(await store.participantData(code, who)).toEqual({ ballots: {}, upvoted: [], nickname: null });
          expect(await store.participantData(second, who)).toEqual({ ballots: {}, upvoted: [], nickname: null });
        }
        expect(await store.findAsk(code, a, "mine")).toBeNull();
        expect(await store.isBanned(code, c)).toBe(false);
        const json = JSON.stringify([data, await store.roomData(second)]);
        for (const who of [a, b, c]) expect(json).not.toContain(who);
        // Another event keeps everything.
        expect(await store.participantData(untouched, a)).toEqual({
          ballots: { [otherPoll.id]: 3 },
          upvoted: [],
          nickname: null,
        });
        expect(await store.participantData(untouched, b)).toEqual({ ballots: {}, upvoted: [otherQ.id], nickname: null });
        expect((await store.findAsk(untouched, a, "there"))?.id).toBe(otherQ.id);
        expect(await store.isBanned(untouched, c)).toBe(true);
        // Idempotent.
        expect(await store.eraseParticipants(event.id)).toEqual({ ballots: 0, upvotes: 0, questions: 0, bans: 0 });
        expect(await store.eraseParticipants(newId())).toBe("not_found");
        // Counting goes on from the kept aggregate; a reset empties it.
        const more = must(await vote(poll.id, pid(), [2], ["2"]));
        expect(more.voters).toBe(3);
        expect(counted(more.tally)).toEqual({ "0": 1, "1": 1, "2": 1 });
        const up = must(await store.setUpvote(q.id, pid(), true, LIVE));
        expect(up.upvotes).toBe(3);
        expect(must(await store.resetPoll(poll.id)).voters).toBe(0);
        expect((await store.tally(poll.id))?.voters).toBe(0);
      });
    });

    describe("reads", () => {
      it("gives everything of a room: polls, every poll's tally and every question", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const open = await makePoll(code, "single", "open");
        const draft = await makePoll(code, "wordcloud");
        await makePoll(other, "scale", "open");
        must(await vote(open.id, pid(), [1], ["1"]));
        const q1 = await makeQuestion(code, { status: "pending" });
        const q2 = await makeQuestion(code, { status: "rejected" });
        await makeQuestion(other);
        const data = (await store.roomData(code))!;
        expect(data.room).toEqual(await store.getRoom(code));
        expect(data.polls).toEqual([open, draft]);
        expect(Object.keys(data.tallies).sort()).toEqual([open.id, draft.id].sort());
        expect(data.tallies[open.id]?.voters).toBe(1);
        expect(counted(data.tallies[open.id]?.tally)).toEqual({ "1": 1 });
        expect(data.tallies[draft.id]?.voters).toBe(0);
        expect(counted(data.tallies[draft.id]?.tally)).toEqual({});
        expect(data.questions.map((q) => q.id).sort()).toEqual([q1.id, q2.id].sort());
        expect(data.questions.find((q) => q.id === q1.id)).toEqual(q1);
        expect(await store.roomData(newRoomCode())).toBeNull();
      });

      it("gives what one participant did in one room only", async () => {
        const event = await makeEvent(2);
        const [code, other] = event.rooms.map((r) => r.code) as [string, string];
        const me = pid();
        const single = await makePoll(code, "single", "open");
        must(await vote(single.id, me, [2], ["2"]));
        const multi = await makePoll(code, "multiple", "open");
        must(await vote(multi.id, me, [0, 3], ["0", "3"]));
        const words = await makePoll(code, "wordcloud", "open");
        must(await vote(words.id, pid(), "someone else", ["someone else"]));
        const elsewhere = await makePoll(other, "scale", "open");
        must(await vote(elsewhere.id, me, 4, ["4"]));
        const q = await makeQuestion(code);
        const qOther = await makeQuestion(other);
        must(await store.setUpvote(q.id, me, true, LIVE));
        must(await store.setUpvote(qOther.id, me, true, LIVE));
        expect(await store.setNickname(code, me, "Ann", "ann")).toBe("ok");
        expect(await store.participantData(code, me)).toEqual({
          ballots: { [single.id]: [2], [multi.id]: [0, 3] },
          upvoted: [q.id],
          nickname: "Ann",
        });
        expect(await store.participantData(other, me)).toEqual({
          ballots: { [elsewhere.id]: 4 },
          upvoted: [qOther.id],
          nickname: null,
        });
        expect(await store.participantData(code, pid())).toEqual({ ballots: {}, upvoted: [], nickname: null });
      });
    });
  });
}
