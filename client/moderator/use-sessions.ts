// A room's sessions and the event's time zone, read from the programme, again whenever the room's
// current session moves (a start ends the one that was live). One read per room panel: the session
// list and the poll groups share it.
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../../shared/model";
import { api } from "../lib/api";
import { announce, errorText } from "./announce";

export interface RoomSessions {
  sessions: Session[] | null;
  zone: string | undefined;
  /** Applies a session the server answered (a start, an end) without reading everything again. */
  apply: (session: Session) => void;
}

export function useRoomSessions(code: string, current: Session | null): RoomSessions {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [zone, setZone] = useState<string | undefined>(undefined);
  useEffect(() => {
    let stale = false;
    api("GET /api/programme/:code", { code })
      .then((programme) => {
        if (stale) return;
        setSessions(programme.sessions.filter((s) => s.roomCode === code));
        setZone(programme.event.timeZone);
      })
      .catch((error) => announce(errorText(error), true));
    return () => {
      stale = true;
    };
  }, [code, current?.id, current?.status]);
  const apply = (session: Session) => setSessions((list) => list?.map((s) => (s.id === session.id ? session : s)) ?? null);
  return { sessions, zone, apply };
}
