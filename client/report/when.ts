// Dates and times of the report, in the reader's language (and the event's time zone when known).
import { getLang } from "../lib/i18n";

const locale = () => (getLang() === "fr" ? "fr-FR" : "en-GB");

export const clock = (iso: string, timeZone?: string): string =>
  new Date(iso).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", timeZone });

export const day = (iso: string, timeZone?: string): string =>
  new Date(iso).toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric", timeZone });

export const dayAndClock = (iso: string, timeZone?: string): string => `${day(iso, timeZone)} ${clock(iso, timeZone)}`;
