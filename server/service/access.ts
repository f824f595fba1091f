// Who is calling, and what they may do. Checks run in the contract's order:
// 401 (no or wrong key; 429 after too many wrong keys from one address), then the
// resource lookup (404), then 403: `staffCheck` is that order, written once.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ERR } from "../../shared/error-catalogue.js";
import type { AppError } from "../../shared/errors.js";
import { type Caller, ceilingAddress } from "./caller.js";
import type { Deps } from "./deps.js";

export type Actor = { role: "organizer" } | { role: "moderator"; eventId: string } | { role: "public" };

export const PUBLIC: Actor = { role: "public" };

export const hashKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/** 192 random bits, URL-safe. */
export const newModeratorKey = (): string => randomBytes(24).toString("base64url");

/** Compares digests so that neither length nor content leaks through timing. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/**
 * Who a route expects: on an organizer-only route a missing or wrong token is named as the
 * admin token, never as a moderator key problem.
 */
export type KeyKind = "moderator" | "organizer";

/**
 * Turns a bearer token into an actor. Moderator keys are looked up by their SHA-256, so
 * the time a lookup takes says nothing about the key. A valid key is never refused.
 */
export async function resolveToken(
  deps: Deps,
  token: string | undefined,
  address: string,
  expected: KeyKind = "moderator",
): Promise<Actor> {
  if (!token) return PUBLIC;
  if (sameSecret(token, deps.adminToken)) return { role: "organizer" };
  const eventId = token.length <= 256 ? await deps.store.eventIdForKey(hashKey(token)) : null;
  if (eventId) return { role: "moderator", eventId };
  const wait = await deps.limiter.take("wrongKey", address);
  if (wait > 0) throw ERR.tooManyWrongKeys(wait);
  throw expected === "organizer" ? ERR.wrongAdminToken() : ERR.wrongKey();
}

/** Moderator or organizer routes: a key is required before anything else. */
export function requireKey(actor: Actor, expected: KeyKind = "moderator"): void {
  if (actor.role === "public") throw expected === "organizer" ? ERR.adminTokenRequired() : ERR.keyRequired();
}

export const mayModerate = (actor: Actor, eventId: string): boolean =>
  actor.role === "organizer" || (actor.role === "moderator" && actor.eventId === eventId);

/**
 * The contract's order for what only staff may do: a key (401), then the resource (404), then
 * the key's right over the resource's event (403), or the organizer's token where `organizer`.
 * `found` is the resource with the event it belongs to, or null when it does not exist.
 */
export function staffCheck<T>(
  actor: Actor,
  found: { item: T; eventId: string } | null,
  missing: () => AppError,
  who: "moderator" | "organizer" = "moderator",
): T {
  requireKey(actor, who);
  if (!found) throw missing();
  if (who === "organizer" && actor.role !== "organizer") throw ERR.organizerOnly();
  if (!mayModerate(actor, found.eventId)) throw ERR.otherEvent();
  return found.item;
}

/**
 * Spends one token of the participant's limit for this action, then one of the coarse
 * per-address ceiling (see core/rate-limits.ts); either refusal is a 429 with its wait.
 */
export async function spend(deps: Deps, name: "ask" | "vote" | "upvote", participantId: string, caller: Caller): Promise<void> {
  const wait = await deps.limiter.take(name, participantId);
  if (wait > 0) throw ERR.tooManyRequests(wait);
  const address = ceilingAddress(caller);
  if (address === null) return;
  const ceiling = await deps.limiter.take("ip", address);
  if (ceiling > 0) throw ERR.networkBusy(ceiling);
}

/** A banned participant may still watch the room, but not vote, ask or upvote in it. */
export async function refuseBanned(deps: Deps, code: string, participantId: string): Promise<void> {
  if (await deps.store.isBanned(code, participantId)) throw ERR.banned();
}

/** Who did it, for the audit log: a role, never a key. */
export const actorName = (actor: Actor): "organizer" | "moderator" => (actor.role === "organizer" ? "organizer" : "moderator");
