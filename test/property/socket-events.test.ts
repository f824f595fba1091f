// Property: every Socket.IO event (participant and moderator) and the handshake, fed thousands
// of random and hostile payloads, answers an error ack (or connect_error) in the contract's shape,
// never crashes the server, changes nothing, and the room's invariants hold afterwards.
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { normalizeChoice } from "../../server/core/polls.js";

import type { Poll } from "../../shared/model.js";
import {
  handshakeAuth,
  hasForbiddenKey,
  pollRef,
  socketAsk,
  socketBan,
  socketModerate,
  socketPollUpdate,
  socketUpvote,
} from "../../shared/schemas.js";
import { connect, emitAck, newParticipantId } from "../helpers/clients.js";
import { askOk, createOpenPoll, createPoll, patchRoom, pollBody } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";
import { accepts, hostileString, hostileValue } from "./hostile.js";
import { expectInvariants } from "./invariants.js";

const server = useServer();
let key: string;
let code: string;
let open: Poll;
let draft: Poll;
let live: { id: string };
let pending: { id: string };

beforeAll(async () => {
  const ev = await server.event();
  ({ moderatorKey: key, code } = ev);
  draft = await createPoll(server.url, key, code, pollBody("multiple"));
  open = await createOpenPoll(server.url, key, code, pollBody("single"));
  live = await askOk(server.url, code, "A live question");
  await patchRoom(server.url, key, code, { premoderation: true });
  pending = await askOk(server.url, code, "A pending question");
});

async function snapshot() {
  const { moderation, audit } = await expectInvariants(server.url, key, code);
  return { moderation: { ...moderation, participants: 0 }, audit };
}

const ERROR_CODES = new Set(["invalid", "not_found", "forbidden", "conflict"]);

/** A fresh socket every 40 events: the per-socket limit (60 in a burst) must not be what answers. */
function socketPool(auth: () => Record<string, unknown>) {
  let socket: Socket | null = null;
  let used = 0;
  return {
    async get(): Promise<Socket> {
      if (!socket || used >= 40 || !socket.connected) {
        socket?.close();
        socket = await connect(server.url, auth());
        used = 0;
      }
      used++;
      return socket;
    },
    close: () => socket?.close(),
  };
}

const known = () => new Set([open.id, draft.id, live.id, pending.id]);
const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  !hasForbiddenKey(v) && schema.safeParse(v ?? {}).success;
const refers = (v: unknown, field: string) => known().has(String((v as Record<string, unknown> | null)?.[field]));

/** Payload generator per event, and whether the server would accept the payload. */
const PARTICIPANT: Record<string, { payload: fc.Arbitrary<unknown>; accepted: (v: unknown) => boolean }> = {
  vote: {
    payload: fc.oneof(
      hostileValue,
      hostileValue.map((choice) => ({ pollId: open.id, choice })),
    ),
    accepted: (v) => {
      if (!ok(pollRef, v) || (v as { pollId: string }).pollId !== open.id) return false;
      try {
        normalizeChoice(open, (v as { choice: unknown }).choice);
        return true;
      } catch {
        return false;
      }
    },
  },
  ask: {
    payload: fc.oneof(
      hostileValue,
      fc.record({ text: hostileValue, author: hostileValue, clientId: hostileValue }, { requiredKeys: [] }),
    ),
    accepted: (v) => ok(socketAsk, v),
  },
  upvote: {
    payload: fc.oneof(hostileValue, fc.record({ questionId: fc.constantFrom("x", "__proto__", ""), on: hostileValue })),
    accepted: (v) => ok(socketUpvote, v) && refers(v, "questionId"),
  },
};

const MODERATOR: Record<string, { payload: fc.Arbitrary<unknown>; accepted: (v: unknown) => boolean }> = {
  "poll:create": { payload: hostileValue, accepted: (v) => !hasForbiddenKey(v) && accepts.pollCreate(v) },
  "poll:update": {
    payload: fc.oneof(
      hostileValue,
      hostileValue.map((title) => ({ pollId: "nope", title })),
    ),
    accepted: (v) => ok(socketPollUpdate, v) && refers(v, "pollId"),
  },
  "poll:delete": { payload: hostileValue, accepted: (v) => ok(pollRef, v) && refers(v, "pollId") },
  "poll:open": { payload: hostileValue, accepted: (v) => ok(pollRef, v) && refers(v, "pollId") },
  "poll:close": { payload: hostileValue, accepted: (v) => ok(pollRef, v) && refers(v, "pollId") },
  "poll:reset": { payload: hostileValue, accepted: (v) => ok(pollRef, v) && refers(v, "pollId") },
  "question:moderate": {
    payload: fc.oneof(
      hostileValue,
      hostileValue.map((action) => ({ questionId: pending.id, action })),
    ),
    accepted: (v) => ok(socketModerate, v) && refers(v, "questionId"),
  },
  "question:ban": {
    payload: fc.oneof(
      hostileValue,
      hostileValue.map((on) => ({ questionId: live.id, on })),
    ),
    accepted: (v) => ok(socketBan, v) && refers(v, "questionId"),
  },
  "room:update": { payload: hostileValue, accepted: (v) => !hasForbiddenKey(v) && accepts.roomPatch(v) },
};

/** Over the 16 KB message cap the server closes the connection instead of answering. */
async function sendHostile(pool: { get(): Promise<Socket> }, event: string, payload: unknown, codes: Set<string>): Promise<void> {
  const socket = await pool.get();
  if ((JSON.stringify([event, payload]) ?? "").length > 15_000) {
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    socket.emit(event, payload);
    expect(await closed).toMatch(/transport (close|error)/);
    return;
  }
  expectErrorAck(await emitAck(socket, event, payload), codes);
}

/** Connects once: admitted, refused with a connect_error, or closed without an answer. */
function tryConnect(
  auth: Record<string, unknown>,
): Promise<{ kind: "connected" | "refused" | "closed"; error?: Error & { data?: any } }> {
  const socket = io(server.url, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: "http://localhost:3000" },
  });
  return new Promise((resolve) => {
    let settled = false;
    const done = (kind: "connected" | "refused" | "closed", error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve({ kind, error });
    };
    const timer = setTimeout(() => done("closed"), 5_000);
    socket.once("connect", () => done("connected"));
    socket.once("connect_error", (error) => done("refused", error));
    // The manager closes just before a connect_error is emitted: give that a moment.
    socket.io.once("close", () => setTimeout(() => done("closed"), 200));
  });
}

function expectErrorAck(ack: any, codes: Set<string>): void {
  expect(ack?.ok, JSON.stringify(ack)).toBe(false);
  expect(codes.has(ack.error.code), JSON.stringify(ack)).toBe(true);
  expect(typeof ack.error.message).toBe("string");
  expect(ack.error.message).not.toMatch(/\n\s*at |node_modules/);
}

describe("participant events", () => {
  for (const [event, spec] of Object.entries(PARTICIPANT)) {
    it(`\`${event}\`: 250 hostile payloads get an error ack and change nothing`, async () => {
      const before = await snapshot();
      const pool = socketPool(() => ({ code, participantId: newParticipantId() }));
      await fc.assert(
        fc.asyncProperty(spec.payload, async (payload) => {
          fc.pre(!spec.accepted(payload));
          await sendHostile(pool, event, payload, ERROR_CODES);
        }),
        { numRuns: 250 },
      );
      pool.close();
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe("moderator events", () => {
  for (const [event, spec] of Object.entries(MODERATOR)) {
    it(`\`${event}\`: 150 hostile payloads get an error ack and change nothing`, async () => {
      const before = await snapshot();
      const pool = socketPool(() => ({ code, moderatorKey: key }));
      await fc.assert(
        fc.asyncProperty(spec.payload, async (payload) => {
          fc.pre(!spec.accepted(payload));
          await sendHostile(pool, event, payload, ERROR_CODES);
        }),
        { numRuns: 150 },
      );
      pool.close();
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe("unknown events and handshakes", () => {
  it("an unknown event name answers invalid, whatever the role", async () => {
    const everything = new Set([...Object.keys(PARTICIPANT), ...Object.keys(MODERATOR)]);
    const pools = [
      socketPool(() => ({ code, participantId: newParticipantId() })),
      socketPool(() => ({ code, role: "screen" })),
      socketPool(() => ({ code, moderatorKey: key })),
    ];
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.nat(2), hostileString, hostileValue, async (who, name, payload) => {
        fc.pre(
          !everything.has(name) &&
            !["connect", "disconnect", "connect_error", "disconnecting", "newListener", "removeListener"].includes(name),
        );
        await sendHostile(pools[who]!, name, payload, new Set(["invalid"]));
      }),
      { numRuns: 200 },
    );
    for (const p of pools) p.close();
    expect(await snapshot()).toEqual(before);
  });

  it("a hostile handshake is refused with a connect_error in the contract's shape", async () => {
    const isObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
    const auth = fc.oneof(
      hostileValue.filter(isObject),
      fc.record({ code: fc.oneof(hostileValue, fc.constant(code)), participantId: hostileValue }, { requiredKeys: [] }),
      fc.record({ code: fc.oneof(hostileValue, fc.constant(code)), moderatorKey: hostileValue }, { requiredKeys: [] }),
      fc.record({ code: hostileValue, role: fc.oneof(hostileValue, fc.constant("screen")) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(auth, async (value) => {
        const parsed = handshakeAuth.safeParse(value);
        const valid =
          parsed.success &&
          !hasForbiddenKey(value) &&
          parsed.data.code.trim().toUpperCase() === code &&
          !("moderatorKey" in parsed.data && parsed.data.moderatorKey !== key);
        fc.pre(!valid);
        const outcome = await tryConnect(value as Record<string, unknown>);
        if (outcome.kind === "closed") {
          // Only a handshake over the 16 KB message cap is cut off without an answer.
          expect((JSON.stringify(value) ?? "").length, `no answer to ${JSON.stringify(value).slice(0, 200)}`).toBeGreaterThan(
            15_000,
          );
          return;
        }
        expect(outcome.kind, `admitted ${JSON.stringify(value)}`).toBe("refused");
        const err = outcome.error!;
        expect(["invalid", "not_found", "unauthorized", "forbidden", "rate_limited"]).toContain(err!.data?.code);
        expect(err!.message.length).toBeGreaterThan(8);
      }),
      { numRuns: 150 },
    );
    // The server is still well.
    expect((await snapshot()).moderation.room.code).toBe(code);
  });
});
