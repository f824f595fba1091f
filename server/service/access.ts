// Who is calling, and what they may do. Checks run in the contract's order:
// 401 (no or wrong key; 429 after too many wrong keys from one address), then the
// resource lookup (404), then 403.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { fail } from "../../shared/errors.js";
import { ceilingAddress } from "./caller.js";
import type { Deps } from "./deps.js";

export type Actor = { role: "organizer" } | { role: "moderator"; eventId: string } | { role: "public" };

export const PUBLIC: Actor = { role: "public" };

export const hashKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/** 192 random bits, URL-safe. */
export const newModeratorKey = (): string => randomBytes(24).toString("base64url");

/** Compares digests so that neither length nor content leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/**
 * Turns a bearer token into an actor. Moderator keys are looked up by their SHA-256, so
 * the time a lookup takes says nothing about the key. A valid key is never refused.
 */
/**
 * `expected` says who may call the route: on an organizer-only route a wrong token is a wrong
 * admin token, never a moderator key problem.
 */
export type Expected = "organizer" | "staff";

export async function resolveToken(
  deps: Deps,
  token: string | undefined,
  address: string,
  expected: Expected = "staff",
): Promise<Actor> {
  if (!token) return PUBLIC;
  if (sameSecret(token, deps.adminToken)) return { role: "organizer" };
  const eventId = token.length <= 256 ? await deps.store.eventIdForKey(hashKey(token)) : null;
  if (eventId) return { role: "moderator", eventId };
  const wait = await deps.limiter.take("wrongKey", address);
  if (wait > 0) {
    throw fail(
      "rate_limited",
      "Too many wrong keys from this address. Wait before trying again.",
      "Trop de clés erronées depuis cette adresse. Patientez avant de réessayer.",
      wait,
    );
  }
  if (expected === "organizer") throw wrongAdminToken();
  throw fail(
    "unauthorized",
    "This key is not valid. Check the moderator key.",
    "Cette clé n'est pas valide. Vérifiez la clé de modération.",
  );
}

const wrongAdminToken = () =>
  fail(
    "unauthorized",
    "This admin token is not valid. Use the token the server printed at its first start (ADMIN_TOKEN or DATA_DIR/admin-token).",
    "Ce jeton d’administration n’est pas valide. Utilisez celui que le serveur a affiché à son premier démarrage (ADMIN_TOKEN ou DATA_DIR/admin-token).",
  );

/** Moderator or organizer routes: a key is required before anything else. */
export function requireKey(actor: Actor, expected: Expected = "staff"): void {
  if (actor.role === "public" && expected === "organizer") {
    throw fail(
      "unauthorized",
      "The admin token is required: send it as 'Authorization: Bearer <token>'.",
      "Le jeton d’administration est requis : envoyez-le en « Authorization: Bearer <jeton> ».",
    );
  }
  if (actor.role === "public") {
    throw fail(
      "unauthorized",
      "A moderator key is required: send it as 'Authorization: Bearer <key>'.",
      "Une clé de modération est requise : envoyez-la en 'Authorization: Bearer <clé>'.",
    );
  }
}

export const mayModerate = (actor: Actor, eventId: string): boolean =>
  actor.role === "organizer" || (actor.role === "moderator" && actor.eventId === eventId);

export function requireEvent(actor: Actor, eventId: string): void {
  if (!mayModerate(actor, eventId)) {
    throw fail("forbidden", "This key belongs to another event.", "Cette clé appartient à un autre événement.");
  }
}

export function requireOrganizer(actor: Actor): void {
  if (actor.role !== "organizer") {
    throw fail(
      "forbidden",
      "Only the organizer (admin token) may do this.",
      "Seul l'organisateur (jeton d'administration) peut faire cela.",
    );
  }
}

export function rateLimited(wait: number): never {
  throw fail("rate_limited", `Too many requests. Try again in ${wait} s.`, `Trop de requêtes. Réessayez dans ${wait} s.`, wait);
}

/**
 * Spends one token of the participant's limit for this action, then one of the coarse
 * per-address ceiling (see core/rate-limits.ts); either refusal is a 429 with its wait.
 */
export async function spend(deps: Deps, name: "ask" | "vote" | "upvote", participantId: string): Promise<void> {
  const wait = await deps.limiter.take(name, participantId);
  if (wait > 0) rateLimited(wait);
  const address = ceilingAddress();
  if (address === null) return;
  const ceiling = await deps.limiter.take("ip", address);
  if (ceiling > 0) {
    throw fail(
      "rate_limited",
      `Too many actions from this network right now. Try again in ${ceiling} s.`,
      `Trop d'actions depuis ce réseau en ce moment. Réessayez dans ${ceiling} s.`,
      ceiling,
    );
  }
}

/** A banned participant may still watch the room, but not vote, ask or upvote in it. */
export async function refuseBanned(deps: Deps, code: string, participantId: string): Promise<void> {
  if (await deps.store.isBanned(code, participantId)) {
    throw fail(
      "forbidden",
      "A moderator has blocked your votes and questions in this room.",
      "Un modérateur a bloqué vos votes et vos questions dans cette salle.",
    );
  }
}

/** Who did it, for the audit log: a role, never a key. */
export const actorName = (actor: Actor): "organizer" | "moderator" => (actor.role === "organizer" ? "organizer" : "moderator");
