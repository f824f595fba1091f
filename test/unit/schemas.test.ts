import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS, fail, pickLang } from "../../shared/errors.js";
import { codePoints, foldWord, LIMITS, normalizeCode, PARTICIPANT_ID } from "../../shared/limits.js";
import {
  addRoomBody,
  askBody,
  choiceSchema,
  createEventBody,
  handshakeAuth,
  hasForbiddenKey,
  MALFORMED,
  moderateBody,
  parse,
  pollCreateBody,
  pollUpdateBody,
  roomPatchBody,
  socketAsk,
  socketUpvote,
  voteBody,
} from "../../shared/schemas.js";

const PID = "device_0123456789-abc";

/** The refusal `parse` throws, failing the test if it accepts. */
function refused(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    return error as AppError;
  }
  throw new Error("expected the payload to be refused");
}

describe("parse: forbidden keys", () => {
  // Object literals cannot hold an own __proto__ key: JSON.parse builds them as a body would arrive.
  const payloads = [
    '{"__proto__": {"admin": true}, "title": "T", "rooms": [{"name": "R"}]}',
    '{"constructor": {"prototype": {}}, "title": "T", "rooms": [{"name": "R"}]}',
    '{"title": "T", "rooms": [{"name": "R", "__proto__": {"x": 1}}]}',
    '{"title": "T", "rooms": [{"name": "R"}], "meta": {"a": [{"b": {"c": {"constructor": 1}}}]}}',
    '{"title": "T", "rooms": [{"name": "R"}], "deep": [[[[{"__proto__": null}]]]]}',
  ];

  it.each(payloads)("refuses %s", (json) => {
    const error = refused(() => parse(createEventBody, JSON.parse(json)));
    expect(error.message).toMatch(/__proto__ or constructor/);
    expect(error.status).toBe(400);
  });

  it("leaves the prototype of every object alone", () => {
    for (const json of payloads) {
      try {
        parse(createEventBody, JSON.parse(json));
      } catch {}
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("accepts keys that merely look alike, and refuses absurd nesting", () => {
    expect(hasForbiddenKey(JSON.parse('{"proto": 1, "constructorName": 2, "__proto": [3]}'))).toBe(false);
    expect(hasForbiddenKey(JSON.parse('{"a": "__proto__", "b": ["constructor"]}'))).toBe(false);
    let deep: unknown = { ok: true };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    expect(hasForbiddenKey(deep)).toBe(true);
  });
});

describe("parse: bodies", () => {
  it("refuses a body that was not JSON, with a sentence saying so", () => {
    expect(refused(() => parse(roomPatchBody, MALFORMED)).message).toMatch(/not valid JSON/);
  });

  it("reads a missing body as an empty object, but refuses null", () => {
    expect(parse(roomPatchBody, undefined)).toEqual({});
    expect(refused(() => parse(roomPatchBody, null)).code).toBe("invalid");
    expect(refused(() => parse(addRoomBody, undefined)).message).toMatch(/name/);
  });

  it("trims text, drops unknown keys, and names the bad field", () => {
    const event = parse(createEventBody, { title: "  Congress  ", rooms: [{ name: " Hall A ", x: 1 }], admin: true });
    expect(event).toEqual({ title: "Congress", rooms: [{ name: "Hall A" }] });
    expect(refused(() => parse(createEventBody, { title: "   ", rooms: [{ name: "A" }] })).message).toMatch(/^Invalid title/);
    expect(refused(() => parse(createEventBody, { title: "T", rooms: [{ name: "" }] })).message).toMatch(/rooms\.0\.name/);
    expect(refused(() => parse(createEventBody, { title: "T", rooms: [] })).message).toMatch(/rooms/);
    const rooms = Array.from({ length: LIMITS.roomsPerEvent + 1 }, (_, i) => ({ name: `R${i}` }));
    refused(() => parse(createEventBody, { title: "T", rooms }));
    expect(parse(createEventBody, { title: "T", rooms: rooms.slice(1) }).rooms).toHaveLength(50);
  });

  it("counts lengths in code points after trimming", () => {
    const emoji = "🎤".repeat(LIMITS.eventTitle);
    expect(parse(createEventBody, { title: `  ${emoji} `, rooms: [{ name: "R" }] }).title).toBe(emoji);
    refused(() => parse(createEventBody, { title: `${emoji}🎤`, rooms: [{ name: "R" }] }));
    const text = "é".repeat(LIMITS.questionText);
    expect(parse(askBody, { participantId: PID, text: ` ${text} ` }).text).toBe(text);
    refused(() => parse(askBody, { participantId: PID, text: `${text}é` }));
    expect(parse(addRoomBody, { name: "x".repeat(100) }).name).toHaveLength(100);
    refused(() => parse(addRoomBody, { name: "x".repeat(101) }));
  });

  it("asks: author may be empty, clientId 1–64 after trimming", () => {
    expect(parse(askBody, { participantId: PID, text: "Q", author: "  " })).toEqual({
      participantId: PID,
      text: "Q",
      author: "",
    });
    refused(() => parse(askBody, { participantId: PID, text: "Q", author: "a".repeat(41) }));
    expect(parse(socketAsk, { text: "Q", clientId: " c-1 " }).clientId).toBe("c-1");
    refused(() => parse(socketAsk, { text: "Q", clientId: "   " }));
    refused(() => parse(socketAsk, { text: "Q", clientId: "c".repeat(65) }));
    refused(() => parse(socketAsk, { text: "" }));
  });

  it("polls: kind from the list, up to 12 trimmed options", () => {
    const body = parse(pollCreateBody, { title: "Lunch?", kind: "single", options: [" Yes ", "No"] });
    expect(body).toEqual({ title: "Lunch?", kind: "single", options: ["Yes", "No"] });
    refused(() => parse(pollCreateBody, { title: "T", kind: "survey" }));
    refused(() => parse(pollCreateBody, { title: "T", kind: "multiple", options: Array(13).fill("o") }));
    refused(() => parse(pollCreateBody, { title: "T", kind: "multiple", options: ["ok", "  "] }));
    expect(parse(pollUpdateBody, { resultsVisible: false })).toEqual({ resultsVisible: false });
  });

  it("room patches: screen modes from the list", () => {
    expect(parse(roomPatchBody, { screen: { mode: "poll", pollId: "p1" }, qaOpen: false })).toEqual({
      screen: { mode: "poll", pollId: "p1" },
      qaOpen: false,
    });
    refused(() => parse(roomPatchBody, { screen: { mode: "slides" } }));
    refused(() => parse(roomPatchBody, { premoderation: "yes" }));
  });

  it("moderation and upvotes take their exact shapes", () => {
    expect(parse(moderateBody, { action: "highlight" })).toEqual({ action: "highlight" });
    refused(() => parse(moderateBody, { action: "delete" }));
    expect(parse(socketUpvote, { questionId: "q", on: true })).toEqual({ questionId: "q", on: true });
    refused(() => parse(socketUpvote, { questionId: "q", on: "true" }));
  });
});

describe("choices and participants", () => {
  it("a choice is a list of option indexes, an integer or a string", () => {
    for (const ok of [[0], [0, 11], 3, 0, "paris", "", "x".repeat(LIMITS.openAnswer * 4)])
      expect(choiceSchema.safeParse(ok).success).toBe(true);
    for (const bad of [[], [12], [-1], [0.5], 2.5, true, null, { 0: 1 }, "x".repeat(LIMITS.openAnswer * 4 + 1)]) {
      expect(choiceSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("participant ids are 16–64 characters of A-Z a-z 0-9 _ -", () => {
    for (const ok of ["a".repeat(16), "Z".repeat(64), "abc_DEF-0123456789"]) {
      expect(PARTICIPANT_ID.test(ok)).toBe(true);
      expect(parse(voteBody, { participantId: ok, choice: [0] }).participantId).toBe(ok);
    }
    for (const bad of ["a".repeat(15), "a".repeat(65), "abcdefghijklmnop.", "éabcdefghijklmnop", " abcdefghijklmnopq", ""]) {
      expect(PARTICIPANT_ID.test(bad)).toBe(false);
      refused(() => parse(voteBody, { participantId: bad, choice: [0] }));
    }
  });

  it("handshakes are a moderator, a screen or a participant", () => {
    expect(handshakeAuth.safeParse({ code: "abcdef", moderatorKey: "k" }).success).toBe(true);
    expect(handshakeAuth.safeParse({ code: "abcdef", role: "screen" }).success).toBe(true);
    expect(handshakeAuth.safeParse({ code: "abcdef", participantId: PID }).success).toBe(true);
    for (const bad of [
      { code: "abcdef" },
      { code: "abcdef", role: "moderator" },
      { code: "", role: "screen" },
      { participantId: PID },
    ]) {
      expect(handshakeAuth.safeParse(bad).success).toBe(false);
    }
  });
});

describe("limits and errors", () => {
  it("counts code points, folds words and normalizes codes", () => {
    expect(codePoints("😀é a")).toBe(4);
    expect(codePoints("")).toBe(0);
    expect(foldWord("  CAFÉ Crème ")).toBe("café crème");
    expect(normalizeCode(" ab3xyz\n")).toBe("AB3XYZ");
  });

  it("maps codes to HTTP statuses and speaks both languages", () => {
    expect(ERROR_STATUS).toEqual({
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      invalid: 400,
      too_large: 413,
      conflict: 409,
      rate_limited: 429,
      unavailable: 503,
    });
    const error = fail("rate_limited", "Slow down.", "Ralentissez.", 3);
    expect(error.status).toBe(429);
    expect(error.body()).toEqual({ code: "rate_limited", message: "Slow down.", retryAfter: 3 });
    expect(error.body("fr")).toEqual({ code: "rate_limited", message: "Ralentissez.", retryAfter: 3 });
    expect(fail("conflict", "No.", "Non.").body()).toEqual({ code: "conflict", message: "No." });
    expect(pickLang("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(pickLang("en-GB,fr;q=0.5")).toBe("en");
    expect(pickLang(undefined)).toBe("en");
  });
});
