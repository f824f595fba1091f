// The room's sessions, from its event's programme, read again whenever the room's current session
// moves (a start ends the one that was live). The session list and the triage filter both use
// it: one read serves both.
import { useEffect, useState } from "preact/hooks";
import type { RoomState, Session } from "../../shared/model";
import { api } from "../lib/api";
import { announce, errorText } from "./announce";

const reads = new Map<string, Promise<Session[]>>();

function readSessions(code: string, version: string): Promise<Session[]> {
  const key = `${code} ${version}`;
  let read = reads.get(key);
  if (!read) {
    read = api("GET /api/programme/:code", { code }).then((p) => p.sessions.filter((s) => s.roomCode === code));
    reads.set(key, read);
    const forget = () => reads.delete(key);
    read.then(forget, forget);
  }
  return read;
}

export function useRoomSessions(state: RoomState): [Session[] | null, (change: (list: Session[]) => Session[]) => void] {
  const code = state.room.code;
  const current = state.room.session;
  const [sessions, setSessions] = useState<Session[] | null>(null);
  useEffect(() => {
    let stale = false;
    readSessions(code, `${current?.id} ${current?.status}`)
      .then((list) => !stale && setSessions(list))
      .catch((error) => announce(errorText(error), true));
    return () => {
      stale = true;
    };
  }, [code, current?.id, current?.status]);
  return [sessions, (change) => setSessions((list) => (list ? change(list) : list))];
}
