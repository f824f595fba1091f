// Every Socket.IO client, not only the pages' WebSocket one: a polling-only client and the default
// socket.io-client (polling, then upgrade to WebSocket) join, vote over the socket, hear results,
// and leave (presence), as over WebSocket. io.ts frees each upgrade request early: this is the
// path it must not break.
import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { emitAck, newParticipantId, record } from "../helpers/clients.js";
import { createOpenPoll, publicState, until } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer();

function join(code: string, transports: string[], upgrade: boolean): Promise<{ socket: Socket; state: any }> {
  const socket = io(server.url, {
    auth: { code, participantId: newParticipantId() },
    transports,
    upgrade,
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: "http://localhost:3000" },
  });
  return new Promise((resolve, reject) => {
    socket.once("state", (state) => resolve({ socket, state }));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

describe("transports", () => {
  for (const [name, transports, upgrade, final] of [
    ["polling only", ["polling"], false, "polling"],
    ["polling, then upgraded to WebSocket", ["polling", "websocket"], true, "websocket"],
    ["WebSocket", ["websocket"], false, "websocket"],
  ] as const) {
    it(`${name}: joins, votes, hears results, and leaves`, async () => {
      const ev = await server.event();
      const poll = await createOpenPoll(server.url, ev.moderatorKey, ev.code);
      const { socket, state } = await join(ev.code, [...transports], upgrade);
      expect(state.room.code).toBe(ev.code);
      const results = record(socket, "results");
      await expect.poll(() => socket.io.engine.transport.name).toBe(final);
      const ack = await emitAck(socket, "vote", { pollId: poll.id, choice: [0] });
      expect(ack).toMatchObject({ ok: true });
      const seen = await until(results, (r: any) => r.pollId === poll.id && r.voters === 1);
      expect(seen.counts[0]).toBe(1);
      await expect.poll(async () => (await publicState(server.url, ev.code)).participants).toBe(1);
      socket.close();
      await expect.poll(async () => (await publicState(server.url, ev.code)).participants).toBe(0);
    });
  }
});
