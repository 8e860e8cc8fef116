/** A calendar date `days` from today in `timeZone`, as a date input takes it. */
export function dayInZone(days: number, timeZone = "America/New_York"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const [y, m, d] = parts.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Friday, March 12" as the week view labels a day (year added when it is not this year's). */
export function dayLabel(dayKey: string, todayKey = dayInZone(0)): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  const sameYear = todayKey.slice(0, 4) === dayKey.slice(0, 4);
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
