// Times of a programme (import files, the console's session form): ISO 8601 with an offset as they are, or a wall-clock time
// (`YYYY-MM-DD HH:MM`, `DD/MM/YYYY HH:MM`) read in the event's time zone, summer time included.

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const YMD = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?$/i;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2})[:h](\d{2})(?::(\d{2}))?$/i;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type TimeResult = { ok: true; iso: string } | { ok: false; reason: "format" | "no_such_time" };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `timeZone` at the instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/**
 * The instant a wall clock of `timeZone` shows, or null when that time does not exist there
 * (skipped when clocks go forward). A time shown twice (clocks going back) is its first occurrence.
 */
export function instantOf(w: WallClock, timeZone: string): number | null {
  const guess = asUtc(w);
  // The offsets a day before and after: a change of offset near the guess is one of them.
  const candidates = [-1, 0, 1]
    .map((days) => guess + days * 86_400_000)
    .map((near) => guess - (asUtc(wallClockAt(near, timeZone)) - near));
  const matches = candidates.filter((ms) => asUtc(wallClockAt(ms, timeZone)) === guess).sort((a, b) => a - b);
  return matches[0] ?? null;
}

function validWallClock(w: WallClock): boolean {
  const d = new Date(asUtc(w));
  return (
    d.getUTCFullYear() === w.year &&
    d.getUTCMonth() === w.month - 1 &&
    d.getUTCDate() === w.day &&
    w.hour < 24 &&
    w.minute < 60 &&
    w.second < 60
  );
}

/** A programme time as UTC ISO with milliseconds. */
export function parseProgrammeTime(text: string, timeZone: string): TimeResult {
  const t = text.trim();
  if (ISO_WITH_OFFSET.test(t)) {
    const ms = Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    return Number.isNaN(ms) ? { ok: false, reason: "format" } : { ok: true, iso: new Date(ms).toISOString() };
  }
  const ymd = YMD.exec(t);
  const dmy = ymd ? null : DMY.exec(t);
  if (!ymd && !dmy) return { ok: false, reason: "format" };
  const n = (ymd ?? dmy ?? []).slice(1).map((v) => Number(v ?? 0));
  const [year, month, day] = ymd ? [n[0], n[1], n[2]] : [n[2], n[1], n[0]];
  const w: WallClock = {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: n[3] ?? 0,
    minute: n[4] ?? 0,
    second: n[5] ?? 0,
  };
  if (!validWallClock(w)) return { ok: false, reason: "format" };
  const ms = instantOf(w, timeZone);
  return ms === null ? { ok: false, reason: "no_such_time" } : { ok: true, iso: new Date(ms).toISOString() };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a form's `datetime-local` value ("2027-06-17T09:30") on the wall clock of `timeZone`. */
export function toLocalInput(iso: string, timeZone: string): string {
  const w = wallClockAt(Date.parse(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
