// Socket.IO room names: everyone of a conference room (participants and screens),
// its moderators, and one participant's own sockets (for its own questions).
export const publicRoom = (code: string): string => `r:${code}`;
export const moderatorRoom = (code: string): string => `m:${code}`;
export const participantRoom = (code: string, participantId: string): string => `p:${code}:${participantId}`;
