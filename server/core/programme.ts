// Pure rules of an event's programme: what is on now and next in each room, and the order of sessions.
import type { Programme, Session } from "../../shared/model.js";

export interface ProgrammeInput {
  event: Programme["event"];
  rooms: { code: string; name: string; participants: number; currentSessionId: string | null }[];
  /** Every session of every room, in any order. */
  sessions: Session[];
}

/** Sessions by start (those without one last), then room name, then title, so the order is stable. */
export function compareSessions(a: Session, b: Session, roomName: (code: string) => string): number {
  if (a.startsAt !== b.startsAt) {
    if (a.startsAt === null) return 1;
    if (b.startsAt === null) return -1;
    return a.startsAt < b.startsAt ? -1 : 1;
  }
  const byRoom = roomName(a.roomCode).localeCompare(roomName(b.roomCode));
  return byRoom !== 0 ? byRoom : a.title.localeCompare(b.title);
}

export function buildProgramme(input: ProgrammeInput): Programme {
  const names = new Map(input.rooms.map((r) => [r.code, r.name]));
  const sessions = [...input.sessions].sort((a, b) => compareSessions(a, b, (code) => names.get(code) ?? ""));
  const rooms = input.rooms.map((room) => {
    const own = sessions.filter((s) => s.roomCode === room.code);
    return {
      code: room.code,
      name: room.name,
      participants: room.participants,
      session: own.find((s) => s.id === room.currentSessionId) ?? null,
      // `sessions` is sorted: the first upcoming one is the earliest.
      next: own.find((s) => s.status === "upcoming") ?? null,
    };
  });
  return { event: input.event, rooms, sessions };
}
