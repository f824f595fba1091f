// A join storm beyond the admission window: the phones beyond it are refused with `unavailable`
// and a `retryAfter`, try again after it, and all get their state; a moderator joining during
// the storm is never refused. The storm is made real: every phone's connection is open before
// any of them sends its handshake, as when a hall scans the QR code at once.

import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { newParticipantId } from "../helpers/clients.js";
import { sleep } from "../helpers/fixtures.js";
import { useServer } from "../helpers/use-server.js";

const server = useServer({ admissionMax: 2 });

interface Refusal {
  message: string;
  data?: { code?: string; message?: string; retryAfter?: number };
}

type Outcome = { state: any; ws: WebSocket } | { refusal: Refusal };

/** An Engine.IO connection, resolved once open; `handshake` then sends the Socket.IO CONNECT. */
function openConnection(): Promise<{ handshake(auth: Record<string, unknown>): Promise<Outcome> }> {
  const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, {
    headers: { origin: "http://localhost:3000" },
  });
  let settle: (o: Outcome) => void = () => {};
  return new Promise((opened, failed) => {
    ws.on("error", failed);
    ws.on("message", (raw) => {
      const frame = String(raw);
      if (frame.startsWith("0")) {
        opened({
          handshake: (auth) =>
            new Promise<Outcome>((resolve) => {
              settle = resolve;
              ws.send(`40${JSON.stringify({ ...auth, lang: "fr" })}`);
            }),
        });
      } else if (frame === "2") ws.send("3");
      else if (frame.startsWith('42["state",')) settle({ state: JSON.parse(frame.slice(2))[1], ws });
      else if (frame.startsWith("44")) {
        ws.close();
        settle({ refusal: JSON.parse(frame.slice(2)) });
      }
    });
  });
}

/** As the page behaves: a refusal with retryAfter is waited out (with a little jitter), then a new connection tries again. */
async function keepTrying(
  first: Promise<Outcome>,
  auth: Record<string, unknown>,
  refusals: Refusal[],
): Promise<{ state: any; ws: WebSocket }> {
  let outcome = await first;
  while ("refusal" in outcome) {
    const { refusal } = outcome;
    refusals.push(refusal);
    if (refusal.data?.code !== "unavailable" || !refusal.data.retryAfter) throw new Error(`a dead end: ${refusal.message}`);
    await sleep(refusal.data.retryAfter * 1000 + Math.random() * 500);
    outcome = await (await openConnection()).handshake(auth);
  }
  return outcome;
}

describe("admission control for a join storm", () => {
  it("tells the phones beyond the window to retry later, joins them all, and never holds back a moderator", async () => {
    const ev = await server.event();
    const auths: Record<string, unknown>[] = Array.from({ length: 12 }, (_, i) =>
      i % 4 === 3 ? { code: ev.code, role: "screen" } : { code: ev.code, participantId: newParticipantId() },
    );
    const moderatorAuth = { code: ev.code, moderatorKey: ev.moderatorKey };
    // Every connection open first (the moderator's in the middle of the crowd), then every handshake at once.
    const connections = await Promise.all([...auths.slice(0, 6), moderatorAuth, ...auths.slice(6)].map(() => openConnection()));
    const firstTries = connections.map((c, i) => c.handshake(i === 6 ? moderatorAuth : auths[i < 6 ? i : i - 1]!));

    const moderatorRefusals: Refusal[] = [];
    const refusals: Refusal[] = [];
    const moderator = keepTrying(firstTries[6]!, moderatorAuth, moderatorRefusals);
    const phones = auths.map((auth, i) => keepTrying(firstTries[i < 6 ? i : i + 1]!, auth, refusals));
    const joined = await Promise.all([moderator, ...phones]);
    try {
      expect(moderatorRefusals).toEqual([]);
      expect((await moderator).state.messages).toBeInstanceOf(Array); // the moderation view
      for (const { state } of joined) expect(state.room.code).toBe(ev.code);
      expect(refusals.length).toBeGreaterThan(0);
      for (const refusal of refusals) {
        expect(refusal.data?.code).toBe("unavailable");
        expect(refusal.data?.retryAfter).toBeGreaterThanOrEqual(1);
        expect(refusal.message).toMatch(/^Beaucoup de monde se connecte en même temps\u202f: nouvel essai dans \d+ s\.$/);
      }
    } finally {
      for (const { ws } of joined) ws.close();
    }
  }, 60_000);
});
