// Socket.IO room names: everyone of a conference room (participants, screens, speakers), its
// moderators, its screens, one participant's own sockets (for its own questions), and the sockets that proved
// an event's moderator key (not the organizer's token): rotating the key disconnects them on
// every node, through the adapter.
export const publicRoom = (code: string): string => `r:${code}`;
export const moderatorRoom = (code: string): string => `m:${code}`;
/** A room's screens (also in its public room): they, not phones, get `reactions`. */
export const screenRoom = (code: string): string => `s:${code}`;
export const participantRoom = (code: string, participantId: string): string => `p:${code}:${participantId}`;
export const keyRoom = (eventId: string): string => `k:${eventId}`;
/** The sockets that proved one room key: revoking it disconnects them on every node. */
export const roomKeyRoom = (keyId: string): string => `rk:${keyId}`;
/** A room's speakers (also in its public room): they, and moderators, get backstage `message`s. */
export const speakerRoom = (code: string): string => `v:${code}`;

/** The conference room of a Socket.IO room of the first two kinds, else null. */
export function roomCodeOf(room: string): string | null {
  return room.startsWith("r:") || room.startsWith("m:") ? room.slice(2) : null;
}
