// The room's next session, for the join panel while none is live: read from the programme when
// the current session changes, and every minute (a session's times may be edited meanwhile).
import { useEffect, useState } from "preact/hooks";
import type { Session } from "../../shared/model";
import { api } from "../lib/api";

const REFRESH_MS = 60_000;

/** `enabled`: false until the room is known (no programme to ask for an unknown code). */
export function useNextSession(
  code: string,
  current: Session | null,
  enabled: boolean,
): { next: Session | null; timeZone?: string } {
  const [found, setFound] = useState<{ next: Session | null; timeZone?: string }>({ next: null });
  const live = current?.status === "live";
  useEffect(() => {
    if (live || !enabled) return setFound({ next: null });
    let stale = false;
    const load = () =>
      api("GET /api/programme/:code", { code }).then(
        (programme) => {
          const room = programme.rooms.find((r) => r.code === code);
          if (!stale) setFound({ next: room?.next ?? null, timeZone: programme.event.timeZone });
        },
        () => undefined, // offline: the panel keeps what it shows
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stale = true;
      clearInterval(timer);
    };
  }, [code, live, current?.id, enabled]);
  return found;
}
