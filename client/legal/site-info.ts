// Who runs this server, from GET /api/site: undefined while asking, null when it could not be read;
// and the event the notice was opened for, from its programme.
import { useEffect, useState } from "preact/hooks";
import type { Programme, SiteInfo } from "../../shared/model";
import { api } from "../lib/api";

export function useSiteInfo(): SiteInfo | null | undefined {
  const [info, setInfo] = useState<SiteInfo | null | undefined>(undefined);
  useEffect(() => {
    api("GET /api/site", {}).then(setInfo, () => setInfo(null));
  }, []);
  return info;
}

/** The event of `?code=` (an event's or a room's code), for its retention; null without one or when unknown. */
export function useEventOfAddress(): Programme["event"] | null {
  const [event, setEvent] = useState<Programme["event"] | null>(null);
  useEffect(() => {
    const code = new URLSearchParams(location.search).get("code");
    if (!code || !/^[A-Za-z0-9]{6}$/.test(code)) return;
    api("GET /api/programme/:code", { code }).then(
      (p) => setEvent(p.event),
      () => setEvent(null),
    );
  }, []);
  return event;
}
