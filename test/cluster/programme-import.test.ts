// The congress day on three nodes and one Redis: a programme imported through one node is the
// whole cluster's (a second import through another node changes nothing), and a round table
// started on one node switches the phones of the others: their `state` names it and their board
// of the room's earlier questions empties.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, record } from "../helpers/clients.js";
import { askOk, closeSockets, createEvent, participantSocket, screenSocket } from "../helpers/fixtures.js";
import { type RedisServer, redisBinary, startRedis } from "../helpers/redis-server.js";
import type { TestServer } from "../helpers/server.js";
import { closeNodes, startNodes, waitUntil } from "./cluster-helpers.js";

const available = redisBinary() !== null;
const CONGRES = readFileSync(new URL("../../docs/examples/programme-congres.csv", import.meta.url), "utf8");

describe.skipIf(!available)("a programme on three nodes", () => {
  let redis: RedisServer;
  let nodes: TestServer[];

  beforeAll(async () => {
    redis = await startRedis();
    nodes = await startNodes(3, redis.url);
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await closeNodes(nodes ?? []);
    await redis?.destroy();
  });

  it("is imported once for all nodes; a session started on one node switches phones on the others", async () => {
    const [a, b, c] = nodes.map((n) => n.url) as [string, string, string];
    const ev = await createEvent(a, { rooms: ["Auditorium"] });
    const auth = { token: ev.moderatorKey };
    const first = await api(a, "POST", `/api/events/${ev.eventId}/programme`, {
      ...auth,
      body: { format: "csv", data: CONGRES },
    });
    expect(first.body.sessions.created).toBe(7);
    const again = await api(b, "POST", `/api/events/${ev.eventId}/programme`, {
      ...auth,
      body: { format: "csv", data: CONGRES },
    });
    expect(again.body.sessions).toEqual({ created: 0, updated: 0, unchanged: 7 });
    const programmes = await Promise.all([a, b, c].map((url) => api(url, "GET", `/api/programme/${ev.eventCode}`)));
    for (const p of programmes) expect(p.body).toEqual(programmes[0]!.body);

    const programme = programmes[0]!.body;
    const rabelais = programme.rooms.find((r: any) => r.name === "Salle Rabelais").code;
    const table = programme.sessions.find((s: any) => s.roomCode === rabelais);
    // Before its round table the room has a question of no session, on every phone's board.
    await askOk(a, rabelais, "Le micro fonctionne-t-il ?");
    const phones = await Promise.all([b, c].map((url) => participantSocket(url, rabelais)));
    const screen = await screenSocket(c, rabelais);
    for (const p of phones) expect(p.state.questions).toHaveLength(1);
    const states = [...phones.map((p) => record(p.socket, "state")), record(screen.socket, "state")];

    const started = await api(a, "POST", `/api/sessions/${table.id}/start`, auth);
    expect(started.body.status).toBe("live");
    const switched = () => states.every((seen) => seen.some((s) => s.room.session?.id === table.id));
    await waitUntil(switched, "phones and the screen on the other nodes got the round table's state");
    for (const seen of states) {
      const last = seen.at(-1)!;
      expect(last.room.session).toMatchObject({ id: table.id, status: "live", title: table.title });
      expect(last.questions).toEqual([]);
    }
    // What any node answers afterwards agrees.
    for (const url of [b, c]) {
      const room = await api(url, "GET", `/api/rooms/${rabelais}`);
      expect(room.body.room.session.id).toBe(table.id);
      expect(room.body.questions).toEqual([]);
    }
  });
});
