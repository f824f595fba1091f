// Who is calling, and what they may do. Checks run in the contract's order:
// 401 (no or wrong key; 429 after too many wrong keys from one address), then the
// resource lookup (404), then 403: `staffCheck` is that order, written once.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { ERR } from "../../shared/error-catalogue.js";
import type { AppError } from "../../shared/errors.js";
import { type Caller, ceilingAddress } from "./caller.js";
import type { Deps } from "./deps.js";

/** A room key's reach: the room it opens and the key's id (its sockets are revoked by it). */
export interface RoomScope {
  code: string;
  keyId: string;
}

/**
 * Who is calling. A moderator without `room` holds the event's key (every room of the event);
 * with `room`, a room key. A speaker always holds a room key.
 */
export type Actor =
  | { role: "organizer" }
  | { role: "moderator"; eventId: string; room?: RoomScope }
  | { role: "speaker"; eventId: string; room: RoomScope }
  | { role: "public" };

export type StaffActor = Exclude<Actor, { role: "public" }>;

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
  const hash = token.length <= 256 ? hashKey(token) : null;
  const eventId = hash && (await deps.store.eventIdForKey(hash));
  if (eventId) return { role: "moderator", eventId };
  const roomKey = hash && (await deps.store.findRoomKey(hash));
  if (roomKey) return { role: roomKey.role, eventId: roomKey.eventId, room: { code: roomKey.roomCode, keyId: roomKey.id } };
  const wait = await deps.limiter.take("wrongKey", address);
  if (wait > 0) throw ERR.tooManyWrongKeys(wait);
  throw expected === "organizer" ? ERR.wrongAdminToken() : ERR.wrongKey();
}

/** Moderator or organizer routes: a key is required before anything else. */
export function requireKey(actor: Actor, expected: KeyKind = "moderator"): void {
  if (actor.role === "public") throw expected === "organizer" ? ERR.adminTokenRequired() : ERR.keyRequired();
}

/** Whether the actor may act as a moderator on this room (`code`) of this event. */
export const mayModerate = (actor: Actor, eventId: string, code?: string): boolean =>
  actor.role === "organizer" ||
  (actor.role === "moderator" && actor.eventId === eventId && (!actor.room || actor.room.code === code));

/** Whether the actor holds a key that opens this room, as a moderator or as its speaker. */
export const opensRoom = (actor: Actor, eventId: string, code: string): boolean =>
  mayModerate(actor, eventId, code) || (actor.role === "speaker" && actor.eventId === eventId && actor.room.code === code);

/**
 * A route or event the table opens to moderators only, called with a speaker key: 403 before
 * anything else, on both doors (a speaker's socket is refused by its role the same way).
 */
export function refuseSpeaker(actor: Actor, role: string): void {
  if (actor.role === "speaker" && role !== "speaker") throw ERR.speakerForbidden();
}

/**
 * A resource with the event it belongs to and, for what lives in one room, that room's code.
 * Without `roomCode` it is event-level (the event, its rooms, keys, programme): room keys are refused.
 */
export interface Owned<T> {
  item: T;
  eventId: string;
  roomCode?: string;
}

/**
 * The contract's order for what only staff may do: a key (401), then the resource (404), then
 * the key's right over the resource (403): its event, its room for a room key, or the
 * organizer's token where `organizer`. A speaker key passes only where the route admits speakers
 * (the doors refused it elsewhere); the use case then limits what it may do.
 * `found` is the resource, or null when it does not exist.
 */
export function staffCheck<T>(
  actor: Actor,
  found: Owned<T> | null,
  missing: () => AppError,
  who: "moderator" | "organizer" = "moderator",
): T {
  requireKey(actor, who);
  if (!found) throw missing();
  if (who === "organizer" && actor.role !== "organizer") throw ERR.organizerOnly();
  if (actor.role === "organizer") return found.item;
  if (actor.role === "public" || actor.eventId !== found.eventId) throw ERR.otherEvent();
  if (actor.role === "speaker" || actor.room) {
    if (found.roomCode === undefined) throw ERR.roomKeyNotEventWide();
    if (found.roomCode !== actor.room?.code) throw ERR.keyOfOtherRoom();
  }
  return found.item;
}

/** A speaker may answer, highlight and unhighlight; any other moderation action is 403. */
export const SPEAKER_ACTIONS: readonly string[] = ["answer", "highlight", "unhighlight"];

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
export const actorName = (actor: Actor): "organizer" | "moderator" | "speaker" =>
  actor.role === "organizer" || actor.role === "speaker" ? actor.role : "moderator";
