// When the session clock moves a session (dueMove) and in which order it runs a room's moves.
import { describe, expect, it } from "vitest";
import { dueMove, type SessionRecord } from "../../server/core/sessions.js";
import { dueMoves } from "../../server/service/session-clock.js";

const session = (over: Partial<SessionRecord>): SessionRecord => ({
  id: "s",
  roomCode: "ABCDEF",
  title: "Talk",
  speakers: [],
  startsAt: "2026-06-28T09:00:00.000Z",
  endsAt: "2026-06-28T10:00:00.000Z",
  status: "upcoming",
  createdAt: "2026-06-01T00:00:00.000Z",
  statusAt: null,
  ...over,
});

describe("dueMove", () => {
  it("starts an upcoming session within its slot only", () => {
    expect(dueMove(session({}), "2026-06-28T08:59:59.000Z")).toBeNull();
    expect(dueMove(session({}), "2026-06-28T09:00:00.000Z")).toBe("start");
    expect(dueMove(session({}), "2026-06-28T10:00:00.000Z")).toBeNull(); // its slot has passed
    expect(dueMove(session({ startsAt: null }), "2026-06-28T09:30:00.000Z")).toBeNull();
  });

  it("ends a live session at its end, unless it was started by hand after it", () => {
    const live = session({ status: "live", statusAt: "2026-06-28T09:00:00.000Z" });
    expect(dueMove(live, "2026-06-28T09:59:59.000Z")).toBeNull();
    expect(dueMove(live, "2026-06-28T10:00:00.000Z")).toBe("end");
    expect(dueMove({ ...live, statusAt: "2026-06-28T10:01:00.000Z" }, "2026-06-28T10:05:00.000Z")).toBeNull();
  });

  it("never moves an ended session", () => {
    expect(dueMove(session({ status: "ended", statusAt: "2026-06-28T08:00:00.000Z" }), "2026-06-28T09:30:00.000Z")).toBeNull();
  });
});

describe("dueMoves", () => {
  it("runs a room's ends first, then its starts from the earliest slot to the latest", () => {
    const now = "2026-06-28T10:00:00.000Z";
    const ending = session({ id: "a", status: "live", startsAt: "2026-06-28T09:00:00.000Z", endsAt: now });
    const late = session({ id: "c", startsAt: "2026-06-28T09:59:00.000Z", endsAt: "2026-06-28T11:00:00.000Z" });
    const early = session({ id: "b", startsAt: "2026-06-28T09:30:00.000Z", endsAt: "2026-06-28T11:00:00.000Z" });
    const waiting = session({ id: "d", startsAt: "2026-06-28T11:00:00.000Z", endsAt: null });
    expect(dueMoves([late, waiting, early, ending], now).map((d) => [d.session.id, d.move])).toEqual([
      ["a", "end"],
      ["b", "start"],
      ["c", "start"],
    ]);
  });
});
