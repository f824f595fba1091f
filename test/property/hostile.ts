// Hostile inputs for the property tests: wrong types, huge strings, `__proto__`/`constructor`
// keys, malformed JSON, unicode edge cases; and the oracles that say whether a body would be
// accepted (so that "refused" is only asserted for what the contract refuses).
import fc from "fast-check";
import { checkOptions, normalizeChoice } from "../../server/core/polls.js";

import type { Poll } from "../../shared/model.js";
import {
  addRoomBody,
  askBody,
  createEventBody,
  eventPatchBody,
  hasForbiddenKey,
  messageBody,
  moderateBody,
  pollCreateBody,
  pollUpdateBody,
  roomKeyBody,
  roomPatchBody,
  upvoteBody,
  voteBody,
} from "../../shared/schemas.js";

/** Strings that have broken parsers and renderers before. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "\u202e\u0041",
  "\ud800",
  "\udfff",
  "\ufeff",
  "🧑‍🤝‍🧑",
  "é".normalize("NFD"),
  "<script>alert(1)</script>",
  "'; DROP TABLE polls;--",
  "../../etc/passwd",
  "%00%2e%2e",
  "__proto__",
  "constructor",
  "toString",
  "=cmd|' /C calc'!A0",
  "\r\n\r\nHTTP/1.1 200 OK",
  "x".repeat(300),
  "y".repeat(20_000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 8 }),
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "participantId",
    "choice",
    "text",
    "title",
    "kind",
    "options",
    "action",
    "pollId",
    "questionId",
    "on",
    "screen",
    "qaOpen",
    "rooms",
    "name",
    "retentionDays",
  ),
  fc.string({ maxLength: 6 }),
);

/** Any JSON-ish value, nested a little, biased toward the contract's own keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(-1, 0, 1, 2, 5, 6, 11, 12, 2 ** 31, -(2 ** 53), 1e308, 0.5, Number.NaN),
    hostileString,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** A body with a `__proto__` or `constructor` key, at the top or one level down, as raw JSON text. */
export const pollutedBody = (base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> =>
  fc.tuple(base, fc.constantFrom("__proto__", "constructor"), hostileValue, fc.boolean()).map(([body, key, value, nested]) => {
    const inner = `"${key}":${JSON.stringify(value) ?? "null"}`;
    const fields = JSON.stringify(body).slice(1, -1);
    const head = nested ? `"deep":{${inner}}` : inner;
    return `{${head}${fields ? `,${fields}` : ""}}`;
  });

/** JSON text that is not valid JSON, or valid JSON of the wrong shape. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{", "}", '{"a":', "{'a':1}", "not json", "[1,2", '{"a":1}}', "\u0000", "nul", '{"text":"\\ud800"}'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);

export type Body = { json: unknown } | { raw: string };

/** What a route may be sent: a hostile value, a body with one field replaced, polluted JSON, broken JSON. */
export function hostileBody(valid: Record<string, unknown>): fc.Arbitrary<Body> {
  const keys = Object.keys(valid);
  const mutated = fc
    .tuple(fc.constantFrom(...(keys.length ? keys : ["x"])), hostileValue, fc.boolean())
    .map(([key, value, drop]) => {
      const body: Record<string, unknown> = { ...valid };
      if (drop) delete body[key];
      else body[key] = value;
      return { json: body } as Body;
    });
  return fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: hostileValue.map((json) => ({ json }) as Body) },
    { weight: 1, arbitrary: pollutedBody(fc.constant(valid)).map((raw) => ({ raw }) as Body) },
    { weight: 1, arbitrary: malformedJson.map((raw) => ({ raw }) as Body) },
  );
}

/** The value the server parses out of a body (undefined: not valid JSON, or empty). */
export function parsed(body: Body): { ok: true; value: unknown } | { ok: false } {
  if ("json" in body) {
    const text = JSON.stringify(body.json);
    return text === undefined ? { ok: true, value: undefined } : { ok: true, value: JSON.parse(text) };
  }
  if (body.raw.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body.raw) };
  } catch {
    return { ok: false };
  }
}

const succeeds = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/** Would the service accept this value as this route's body? (Then it is not a hostile payload.) */
export const accepts = {
  createEvent: (v: unknown) => createEventBody.safeParse(v ?? {}).success,
  addRoom: (v: unknown) => addRoomBody.safeParse(v ?? {}).success,
  roomPatch: (v: unknown) => roomPatchBody.safeParse(v ?? {}).success,
  eventPatch: (v: unknown) => eventPatchBody.safeParse(v ?? {}).success,
  pollCreate: (v: unknown) => {
    const r = pollCreateBody.safeParse(v ?? {});
    return r.success && succeeds(() => checkOptions(r.data.kind, r.data.options));
  },
  pollUpdate: (poll: Poll) => (v: unknown) => {
    const r = pollUpdateBody.safeParse(v ?? {});
    return r.success && (r.data.options === undefined || succeeds(() => checkOptions(poll.kind, r.data.options)));
  },
  vote: (poll: Poll) => (v: unknown) => {
    const r = voteBody.safeParse(v ?? {});
    return r.success && succeeds(() => normalizeChoice(poll, r.data.choice));
  },
  ask: (v: unknown) => askBody.safeParse(v ?? {}).success,
  upvote: (v: unknown) => upvoteBody.safeParse(v ?? {}).success,
  moderate: (v: unknown) => moderateBody.safeParse(v ?? {}).success,
  roomKey: (v: unknown) => roomKeyBody.safeParse(v ?? {}).success,
  message: (v: unknown) => messageBody.safeParse(v ?? {}).success,
};

/** True when the server must refuse this body at the body step. */
export function refused(body: Body, accept: (value: unknown) => boolean): boolean {
  const p = parsed(body);
  if (!p.ok) return true;
  if (hasForbiddenKey(p.value)) return true;
  return !accept(p.value);
}
