// Socket.IO room names: a conference room's watchers (screens and speakers), its phones (spread
// over PHONE_SLICES rooms, so that a big room's `results` can go out in slices: phone-fanout.ts), its
// moderators, its screens, one participant's own sockets (for its own questions), and the sockets
// that proved an event's moderator key (not the organizer's token): rotating the key disconnects
// them on every node, through the adapter.

/** A room's screens and speakers: what the public sees, without voting. */
export const watcherRoom = (code: string): string => `r:${code}`;
/** How many rooms a conference room's phones are spread over. */
export const PHONE_SLICES = 16;
export const phoneRoom = (code: string, slice: number): string => `a${slice}:${code}`;
/** Everyone who sees what the public sees: watchers and every slice of phones. */
export const publicRooms = (code: string): string[] => [
  watcherRoom(code),
  ...Array.from({ length: PHONE_SLICES }, (_, slice) => phoneRoom(code, slice)),
];
export const moderatorRoom = (code: string): string => `m:${code}`;
/** A room's screens (also watchers): they, not phones, get `reactions`. */
export const screenRoom = (code: string): string => `s:${code}`;
export const participantRoom = (code: string, participantId: string): string => `p:${code}:${participantId}`;
export const keyRoom = (eventId: string): string => `k:${eventId}`;
/** The sockets that proved one room key: revoking it disconnects them on every node. */
export const roomKeyRoom = (keyId: string): string => `rk:${keyId}`;
/** A room's speakers (also watchers): they, and moderators, get backstage `message`s. */
export const speakerRoom = (code: string): string => `v:${code}`;

/** The conference room of a watchers', phones' or moderators' Socket.IO room, else null. */
export function roomCodeOf(room: string): string | null {
  return /^(?:r|m|a\d+):(.+)$/.exec(room)?.[1] ?? null;
}
