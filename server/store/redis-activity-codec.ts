// The Redis store's activity replies as the store's records (layout: redis-lua-activity.ts).
import type { ActivityPoint, SessionActivity } from "./store.js";

const COUNTERS: Record<string, keyof Omit<ActivityPoint, "at">> = {
  p: "participants",
  v: "votes",
  q: "questions",
  r: "reactions",
};

/** Splits "a\nb…" at its first newline: session ids and minutes never hold one. */
const head = (value: string): [string, string] => {
  const cut = value.indexOf("\n");
  return [value.slice(0, cut), value.slice(cut + 1)];
};

export function toActivity(
  minutes: Record<string, string>,
  seen: string[],
  erased: Record<string, string>,
  reactions: [string, string, number][],
): SessionActivity[] {
  const sessions = new Map<string, { entry: SessionActivity; points: Map<string, ActivityPoint> }>();
  const of = (id: string) => {
    let found = sessions.get(id);
    if (!found) {
      found = { entry: { sessionId: id === "" ? null : id, timeline: [], distinct: 0, reactions: {} }, points: new Map() };
      sessions.set(id, found);
    }
    return found;
  };
  for (const [field, value] of Object.entries(minutes)) {
    const [session, rest] = head(field);
    const [minute, counter] = head(rest);
    const name = COUNTERS[counter];
    if (!name) continue;
    const { points } = of(session);
    const point = points.get(minute) ?? { at: minute, participants: 0, votes: 0, questions: 0, reactions: 0 };
    point[name] = Number(value);
    points.set(minute, point);
  }
  for (const member of seen) of(head(member)[0]).entry.distinct++;
  for (const [session, n] of Object.entries(erased)) of(session).entry.distinct += Number(n);
  for (const [session, emoji, n] of reactions) of(session).entry.reactions[emoji] = n;
  return [...sessions.values()].map(({ entry, points }) => ({
    ...entry,
    timeline: [...points.values()].sort((a, b) => a.at.localeCompare(b.at)),
  }));
}
