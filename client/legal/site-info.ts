// Who runs this server, from GET /api/site: undefined while asking, null when it could not be read.
import { useEffect, useState } from "preact/hooks";
import type { SiteInfo } from "../../shared/model";
import { api } from "../lib/api";

export function useSiteInfo(): SiteInfo | null | undefined {
  const [info, setInfo] = useState<SiteInfo | null | undefined>(undefined);
  useEffect(() => {
    api("GET /api/site", {}).then(setInfo, () => setInfo(null));
  }, []);
  return info;
}
