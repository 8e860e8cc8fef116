// Wall-clock arithmetic in a studio's IANA time zone with Intl only: a "day key" is a local
// calendar date "YYYY-MM-DD"; instants are Dates. DST gaps resolve forward, like most calendars.

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

// What partsFormat writes for years 1000 to 9999: "12/04/2026, 14:30:05".
const WALL_TEXT = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall clock in `timeZone` at `instant`. Read from format()'s text, which costs a quarter of
 * formatToParts() (a page lists dozens of dates; this was 6% of the lead list's CPU); any other
 * text (a year outside 1000..9999) goes through formatToParts.
 */
function wallParts(instant: Date, timeZone: string) {
  const format = partsFormat(timeZone);
  const m = WALL_TEXT.exec(format.format(instant));
  if (m) return { year: +m[3], month: +m[1], day: +m[2], hour: +m[4], minute: +m[5], second: +m[6] };
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: number, timeZone: string): number {
  const p = wallParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar date of `instant` in `timeZone`. */
export function dayKeyOf(instant: Date, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" (24-hour) of `instant` in `timeZone`, as a time input expects. */
export function timeOfDayOf(instant: Date, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

function splitKey(dayKey: string): [number, number, number] {
  const [y, m, d] = dayKey.split("-").map(Number);
  return [y, m, d];
}

export function isValidDayKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = splitKey(value);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200
  );
}

export function addDays(dayKey: string, days: number): string {
  const [y, m, d] = splitKey(dayKey);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant when wall time `hh:mm` on `dayKey` happens in `timeZone`. */
export function zonedInstant(dayKey: string, timeOfDay: string, timeZone: string): Date {
  const [y, m, d] = splitKey(dayKey);
  const [hh, mm] = timeOfDay.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  // A time skipped by a spring-forward gap never matches its wall clock: move it past the gap.
  return new Date(second + offsetMs(second, timeZone) === wall ? second : first);
}

/** Local midnight starting `dayKey` in `timeZone`. */
export function startOfDay(dayKey: string, timeZone: string): Date {
  return zonedInstant(dayKey, "00:00", timeZone);
}

/** A `@db.Date` column value (midnight UTC) for a day key, and back. */
export function dateColumn(dayKey: string): Date {
  const [y, m, d] = splitKey(dayKey);
  return new Date(Date.UTC(y, m - 1, d));
}

export function dayKeyOfDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Building an Intl.DateTimeFormat costs far more than using one: each shape is built once.
const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", options);
    formats.set(key, format);
  }
  return format;
}

/** "Monday, March 3" (plus the year when it is not `thisYearKey`'s year). */
export function formatDayKey(dayKey: string, thisYearKey?: string): string {
  const sameYear = thisYearKey ? thisYearKey.slice(0, 4) === dayKey.slice(0, 4) : false;
  return cachedFormat({
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(dateColumn(dayKey));
}

/** "Mar 3, 2027" for a calendar date; "Mar 3" when `withYear` is false. */
export function formatShortDayKey(dayKey: string, withYear = true): string {
  return cachedFormat({
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
  }).format(dateColumn(dayKey));
}

/** "4:30 PM" in `timeZone`. */
export function formatTime(instant: Date, timeZone: string): string {
  return cachedFormat({ timeZone, hour: "numeric", minute: "2-digit" }).format(instant);
}

/** "Mar 3, 2027, 4:30 PM" in `timeZone`. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return cachedFormat({
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(instant);
}

/** ISO 8601 with the zone's offset at that instant: "2027-03-03T16:30:00-05:00". */
export function isoInZone(instant: Date, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  const offset = Math.round(offsetMs(instant.getTime(), timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const wall = `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Whole local days from `fromKey` to `toKey` (negative when `toKey` is earlier). */
export function daysBetween(fromKey: string, toKey: string): number {
  return Math.round((dateColumn(toKey).getTime() - dateColumn(fromKey).getTime()) / 86_400_000);
}
