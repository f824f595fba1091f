// The Socket.IO room of the sockets that proved an event's moderator key (not the organizer's
// token): rotating the key disconnects them on every node, through the adapter.
export const keyRoom = (eventId: string): string => `k:${eventId}`;
