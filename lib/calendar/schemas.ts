import { z } from "zod";
import { isValidDayKey } from "@/lib/calendar/zoned";
import { searchParam } from "@/lib/search-params";

/** The calendar's URL: the week shown (its first day) and the page of upcoming shoots. */
export const calendarParams = z.object({
  week: searchParam.refine((v) => v === undefined || isValidDayKey(v)).catch(undefined),
  shoots: searchParam.catch(undefined),
  shootsBefore: searchParam.catch(undefined),
});

export const rotateCalendarFeedSchema = z.object({});
