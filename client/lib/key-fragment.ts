// A key handed over in a link's fragment (`#key=…`): never sent to the server, so never in a
// log. Kept for this tab only (sessionStorage) and removed from the address bar at once; what
// else the fragment says (`room=…`) stays.
import { load, save } from "./storage";

/** Reads `#key=…`, keeps it under `storageKey` for this tab, and leaves the rest of the fragment. */
export function takeKeyFromFragment(storageKey: string): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get("key");
  if (!key) return load<string | null>(storageKey, null, "session");
  save(storageKey, key, "session");
  params.delete("key");
  const rest = params.toString();
  history.replaceState(null, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
  return key;
}
