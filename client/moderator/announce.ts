// One place for the console to say what happened (polite status) or what went wrong (alert).
import { useEffect, useState } from "preact/hooks";
import { ClientError } from "../lib/api";
import { t } from "./strings";

export interface Announcement {
  text: string;
  error: boolean;
  at: number;
}

let last: Announcement = { text: "", error: false, at: 0 };
const listeners = new Set<(a: Announcement) => void>();

export function announce(text: string, error = false): void {
  last = { text, error, at: Date.now() };
  for (const listener of listeners) listener(last);
}

export function errorText(error: unknown): string {
  if (error instanceof ClientError && error.message) return error.message;
  return t("noServer");
}

/** The latest announcement, for a few seconds (errors a little longer), then nothing. */
export function useAnnouncement(): Announcement {
  const [value, set] = useState(last);
  useEffect(() => {
    listeners.add(set);
    return () => {
      listeners.delete(set);
    };
  }, []);
  useEffect(() => {
    if (!value.text) return;
    const timer = setTimeout(() => set({ text: "", error: false, at: Date.now() }), value.error ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [value]);
  return value;
}
