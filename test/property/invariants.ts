// What must hold of a room whatever was sent to it.
import { expect } from "vitest";
import { api } from "../helpers/clients.js";

const PUBLIC_QUESTION = new Set(["live", "answered"]);

/** Reads the room as moderators and as the public, and checks the contract's invariants. */
export async function expectInvariants(url: string, key: string, code: string): Promise<{ moderation: any; audit: any }> {
  const [moderation, pub, audit] = await Promise.all([
    api(url, "GET", `/api/rooms/${code}/moderation`, { token: key }),
    api(url, "GET", `/api/rooms/${code}`),
    api(url, "GET", `/api/rooms/${code}/audit`, { token: key }),
  ]);
  expect(moderation.status).toBe(200);
  expect(pub.status).toBe(200);
  for (const poll of moderation.body.polls) {
    const r = poll.results;
    expect(r.voters).toBeGreaterThanOrEqual(0);
    if (poll.kind === "single" || poll.kind === "scale") {
      // One ballot per participant, one key per ballot: counts add up to the voters.
      expect(r.counts.reduce((a: number, b: number) => a + b, 0)).toBe(r.voters);
    }
    if (poll.kind === "multiple") {
      const total = r.counts.reduce((a: number, b: number) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(r.voters);
      expect(total).toBeLessThanOrEqual(r.voters * poll.options.length);
    }
    if (poll.kind === "wordcloud") {
      expect(r.words.reduce((a: number, w: any) => a + w.count, 0)).toBeLessThanOrEqual(r.voters);
    }
    for (const c of r.counts ?? []) expect(c).toBeGreaterThanOrEqual(0);
  }
  // The public never sees drafts, hidden results, pending, rejected or archived questions.
  for (const poll of pub.body.polls) {
    expect(poll.status).not.toBe("draft");
    if (!poll.resultsVisible) expect(poll.results).toBeUndefined();
  }
  for (const q of pub.body.questions) expect(PUBLIC_QUESTION.has(q.status), q.status).toBe(true);
  expect(JSON.stringify(pub.body)).not.toContain("participantId");
  const highlighted = moderation.body.questions.filter((q: any) => q.highlighted);
  expect(highlighted.length).toBeLessThanOrEqual(1);
  for (const q of highlighted) expect(PUBLIC_QUESTION.has(q.status)).toBe(true);
  return { moderation: moderation.body, audit: audit.body };
}
