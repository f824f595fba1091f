// The moderation view's similar lists stay linear in a huge room: only the newest questions get one.
import { describe, expect, it } from "vitest";
import { RoomIndexes, SIMILAR_VIEW_MAX } from "../../server/service/similar-questions.js";
import type { Question } from "../../shared/model.js";

const question = (i: number): Question =>
  ({
    id: `q${i}`,
    roomCode: "ABCDEF",
    text: `Comment financer les pistes cyclables dans la commune numéro ${i} ?`,
    author: "",
    status: "live",
    upvotes: 0,
    highlighted: false,
    createdAt: new Date(Date.UTC(2026, 5, 28, 9, 0, 0, i)).toISOString(),
    sessionId: null,
  }) as Question;

describe("similar lists of the moderation view", () => {
  it("are computed for the newest questions only, past SIMILAR_VIEW_MAX", () => {
    const rooms = new RoomIndexes();
    const questions = Array.from({ length: SIMILAR_VIEW_MAX + 50 }, (_, i) => question(i));
    rooms.sync("ABCDEF", questions);
    const byId = rooms.similarByQuestion("ABCDEF");
    expect(byId.size).toBe(SIMILAR_VIEW_MAX);
    expect(byId.has(`q${SIMILAR_VIEW_MAX + 49}`)).toBe(true);
    expect(byId.has("q0")).toBe(false);
  });
});
