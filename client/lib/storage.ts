// localStorage and sessionStorage that never throw (private browsing, storage full, disabled).

type Area = "local" | "session";

function area(which: Area): Storage | null {
  try {
    return which === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function load<T>(key: string, fallback: T, which: Area = "local"): T {
  try {
    const raw = area(which)?.getItem(key);
    return raw == null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function save(key: string, value: unknown, which: Area = "local"): void {
  try {
    area(which)?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the value lives in memory for this page.
  }
}

export function remove(key: string, which: Area = "local"): void {
  try {
    area(which)?.removeItem(key);
  } catch {}
}
