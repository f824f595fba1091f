// The report's activity in the embedded store: counters per room, session and minute, and the
// participant ids seen per session (for the distinct count), erased by retention while the count
// stays. A flush of one node's minute is one transaction, whatever happened in that minute.
import type Database from "better-sqlite3";
import type { ActivityBatch, ActivityPoint, SessionActivity } from "./store.js";

/** New tables only (schema 7); run on every open, after the main DDL. session_id '' is "no session". */
export const ACTIVITY_DDL = `
CREATE TABLE IF NOT EXISTS activity (
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  session_id TEXT NOT NULL,
  minute TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0,
  votes INTEGER NOT NULL DEFAULT 0,
  questions INTEGER NOT NULL DEFAULT 0,
  reactions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (room_code, session_id, minute)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS attendance (
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  session_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (room_code, session_id, participant_id)
) WITHOUT ROWID;
-- What retention erased from attendance: the count stays, the ids go.
CREATE TABLE IF NOT EXISTS attendance_erased (
  room_code TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,
  session_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (room_code, session_id)
) WITHOUT ROWID;
`;

interface Totals {
  session_id: string;
  n: number;
}

export function activityCommands(db: Database.Database) {
  const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql);
  const q = {
    sessionOf: p<{ s: string }>("SELECT COALESCE(session_id, '') AS s FROM rooms WHERE code = ?"),
    addMinute: p(
      `INSERT INTO activity (room_code, session_id, minute, participants, votes, questions, reactions)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (room_code, session_id, minute) DO UPDATE SET
         participants = MAX(participants, excluded.participants), votes = votes + excluded.votes,
         questions = questions + excluded.questions, reactions = reactions + excluded.reactions`,
    ),
    addSeen: p("INSERT OR IGNORE INTO attendance (room_code, session_id, participant_id) VALUES (?, ?, ?)"),
    minutes: p<ActivityPoint & { session_id: string; minute: string }>(
      "SELECT * FROM activity WHERE room_code = ? ORDER BY session_id, minute",
    ),
    distinct: p<Totals>("SELECT session_id, COUNT(*) AS n FROM attendance WHERE room_code = ? GROUP BY session_id"),
    erased: p<Totals>("SELECT session_id, count AS n FROM attendance_erased WHERE room_code = ?"),
    reactions: p<{ session_id: string; emoji: string; count: number }>(
      "SELECT session_id, emoji, count FROM reactions WHERE room_code = ?",
    ),
    keepErased: p(
      `INSERT INTO attendance_erased (room_code, session_id, count)
       SELECT a.room_code, a.session_id, COUNT(*) FROM attendance a JOIN rooms r ON r.code = a.room_code
       WHERE r.event_id = ? GROUP BY a.room_code, a.session_id
       ON CONFLICT (room_code, session_id) DO UPDATE SET count = count + excluded.count`,
    ),
    eraseSeen: p("DELETE FROM attendance WHERE room_code IN (SELECT code FROM rooms WHERE event_id = ?)"),
  };

  return {
    record: db.transaction((code: string, batches: ActivityBatch[]) => {
      const session = q.sessionOf.get(code)?.s;
      if (session === undefined) return;
      for (const b of batches) {
        q.addMinute.run(code, session, b.minute, b.participants, b.votes, b.questions, b.reactions);
        for (const id of b.seen) q.addSeen.run(code, session, id);
      }
    }),

    read(code: string): SessionActivity[] {
      const sessions = new Map<string, SessionActivity>();
      const of = (id: string): SessionActivity => {
        let found = sessions.get(id);
        if (!found) {
          found = { sessionId: id === "" ? null : id, timeline: [], distinct: 0, reactions: {} };
          sessions.set(id, found);
        }
        return found;
      };
      for (const m of q.minutes.all(code)) {
        const { participants, votes, questions, reactions } = m;
        of(m.session_id).timeline.push({ at: m.minute, participants, votes, questions, reactions });
      }
      for (const t of [...q.distinct.all(code), ...q.erased.all(code)]) of(t.session_id).distinct += t.n;
      for (const r of q.reactions.all(code)) of(r.session_id).reactions[r.emoji] = r.count;
      return [...sessions.values()];
    },

    /** Part of the event's erasure (its transaction): the distinct counts stay, the ids go. */
    erase(eventId: string): number {
      q.keepErased.run(eventId);
      return q.eraseSeen.run(eventId).changes;
    },
  };
}
