// Three in-process nodes on one real redis-server: a room key revoked on one node stops at once
// on every node, and its sockets, wherever they are, are disconnected; a backstage message sent
// on one node reaches the speaker and moderators on the others, and no phone.
import { describe, expect, it } from "vitest";
import { api, connect, emitAck, record } from "../helpers/clients.js";
import { barrier, createEvent, expectAckOk, expectError, moderatorSocket, participantSocket } from "../helpers/fixtures.js";
import { redisBinary } from "../helpers/redis-server.js";
import { waitUntil } from "./cluster-helpers.js";
import { useNodes } from "./use-nodes.js";

const available = redisBinary() !== null;

describe.skipIf(!available)("room keys on three nodes", () => {
  const cluster = useNodes(3);

  it("revoking a key on A disconnects its sockets on B and C at once; other keys' sockets stay", async () => {
    const urls = cluster.urls();
    const [A, B, C] = urls as [string, string, string];
    const ev = await createEvent(A);
    const newKey = async (role: string) =>
      (await api(B, "POST", `/api/rooms/${ev.code}/keys`, { token: ev.moderatorKey, body: { role } })).body;
    const speaker = await newKey("speaker");
    const volunteer = await newKey("moderator");
    const speakerSockets = await Promise.all([B, C].map((u) => moderatorSocket(u, ev.code, speaker.key)));
    const volunteerOnC = await moderatorSocket(C, ev.code, volunteer.key);
    const gone = speakerSockets.map((s) => new Promise<string>((resolve) => s.socket.once("disconnect", resolve)));

    const messages = speakerSockets.map((s) => record(s.socket, "message"));
    const phone = await participantSocket(B, ev.code);
    const phoneMessages = record(phone.socket, "message");
    const sent = await api(A, "POST", `/api/rooms/${ev.code}/messages`, {
      token: ev.moderatorKey,
      body: { text: "Two minutes" },
    });
    expect(sent.status).toBe(201);
    await waitUntil(() => messages.every((m) => m.length === 1), "the message on B and C");
    await barrier(A, ev.moderatorKey, ev.code, [phone.socket]);
    expect(phoneMessages).toEqual([]);

    expect((await api(A, "DELETE", `/api/keys/${speaker.id}`, { token: ev.moderatorKey })).status).toBe(204);
    expect(await Promise.all(gone)).toEqual(["io server disconnect", "io server disconnect"]);
    // Refused at once on every node, over both doors.
    for (const url of urls) {
      expectError(await api(url, "GET", `/api/rooms/${ev.code}/moderation`, { token: speaker.key }), 401, "unauthorized");
      await expect(connect(url, { code: ev.code, moderatorKey: speaker.key })).rejects.toThrow();
    }
    await barrier(A, ev.moderatorKey, ev.code, [volunteerOnC.socket]);
    expect(volunteerOnC.socket.connected).toBe(true);
    expectAckOk(await emitAck(volunteerOnC.socket, "room:message", { text: "Still here" }));
  });
});
