// After Redis comes back, a node's clients may have missed broadcasts from other nodes (and
// every write failed meanwhile): each gets a fresh `state`, room by room.
import type { Server } from "socket.io";

/** Codes of the conference rooms that have sockets on this node (`r:<code>` and `m:<code>`). */
export function localRoomCodes(io: Server): string[] {
  const codes = new Set<string>();
  for (const room of io.of("/").adapter.rooms.keys()) {
    if (room.startsWith("r:") || room.startsWith("m:")) codes.add(room.slice(2));
  }
  return [...codes];
}

export function resyncAllLocal(io: Server, resyncLocal: (code: string) => void): number {
  const codes = localRoomCodes(io);
  for (const code of codes) resyncLocal(code);
  return codes.length;
}
