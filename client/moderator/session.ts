// The moderator key: from a link's fragment (never sent to the server, so never in a log) or typed;
// kept for this tab only (sessionStorage) and removed from the address bar at once.
import type { EventView, KeyHolder } from "../../shared/model";
import { api } from "../lib/api";
import { takeKeyFromFragment as takeFromFragment } from "../lib/key-fragment";
import { remove, save } from "../lib/storage";

const KEY = "tribune.moderatorKey";

/** Reads `#key=…&room=…`, keeps the key for this tab, and leaves only `#room=…` in the address bar. */
export const takeKeyFromFragment = (): string | null => takeFromFragment(KEY);

export const rememberKey = (key: string): void => save(KEY, key, "session");
export const forgetKey = (): void => remove(KEY, "session");

export type Session = KeyHolder;

export async function openSession(key: string): Promise<{ session: Session; event: EventView | null }> {
  const session = await api("GET /api/session", {}, { token: key });
  if (session.role !== "moderator") return { session, event: null };
  if (session.roomCode) return { session, event: await oneRoomEvent(session.eventId, session.roomCode, key) };
  const event = await api("GET /api/events/:id", { id: session.eventId }, { token: key });
  return { session, event };
}

/** A room key opens one room, not its event: the console shows that room alone, read from the room. */
async function oneRoomEvent(eventId: string, code: string, key: string): Promise<EventView> {
  const { room, participants } = await api("GET /api/rooms/:code/moderation", { code }, { token: key });
  return {
    id: eventId,
    code: "",
    title: room.eventTitle,
    timeZone: "",
    autoSessions: false,
    premoderation: room.premoderation,
    blocklist: [],
    retentionDays: null, // the event's settings are not a room key's to read
    rooms: [{ id: "", name: room.name, code: room.code, participants }],
  };
}
