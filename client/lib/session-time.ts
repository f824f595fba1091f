// A session's slot as people read it: "09:30 – 10:30", in the event's time zone when known
// (the phones of a congress are in its zone; a remote viewer sees the venue's hours).
import type { Session } from "../../shared/model";
import { getLang } from "./i18n";

const formats = new Map<string, Intl.DateTimeFormat>();

/** "09:30" in `timeZone` (the browser's when absent). */
export function clock(iso: string, timeZone?: string): string {
  const key = `${getLang()} ${timeZone ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(getLang() === "fr" ? "fr-FR" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
    formats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** "09:30 – 10:30", "09:30", or "" for a session without times. */
export function slot(s: Pick<Session, "startsAt" | "endsAt">, timeZone?: string): string {
  if (!s.startsAt) return "";
  return s.endsAt ? `${clock(s.startsAt, timeZone)} – ${clock(s.endsAt, timeZone)}` : clock(s.startsAt, timeZone);
}
