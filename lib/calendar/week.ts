import { addDays, dayKeyOf, startOfDay } from "@/lib/calendar/zoned";

/** A local day and its events; `total` when `events` holds only the first of more (the dashboard's week). */
export type AgendaDay<E> = { key: string; events: E[]; total?: number };

/** The instants bounding `days` local days from `firstDayKey` in `timeZone`. */
export function agendaRange(firstDayKey: string, timeZone: string, days = 7) {
  return { from: startOfDay(firstDayKey, timeZone), to: startOfDay(addDays(firstDayKey, days), timeZone) };
}

/** `days` local days from `firstDayKey`, no events yet, and each day by its key to fill them. */
export function emptyDays<E>(firstDayKey: string, days = 7) {
  const rows: AgendaDay<E>[] = Array.from({ length: days }, (_, i) => ({ key: addDays(firstDayKey, i), events: [] }));
  return { rows, byKey: new Map(rows.map((r) => [r.key, r])) };
}

/** One row per local day, each with the events that start on it, in order. */
export function groupByDay<E extends { startsAt: Date }>(
  events: E[],
  firstDayKey: string,
  timeZone: string,
  days = 7,
): AgendaDay<E>[] {
  const { rows, byKey } = emptyDays<E>(firstDayKey, days);
  for (const event of events) byKey.get(dayKeyOf(event.startsAt, timeZone))?.events.push(event);
  return rows;
}
