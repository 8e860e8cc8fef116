import { z } from "zod";
import { isValidTimeZone, zonedInstant } from "@/lib/calendar/zoned";
import { externalHttpLink, sameSitePath } from "@/lib/safe-redirect";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** A datetime-local value ("2027-03-01T09:30") read in the admin's own time zone. */
function parseLocal(value: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hh, mm] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || hh > 23 || mm > 59) return null;
  return zonedInstant(date.toISOString().slice(0, 10), `${hh}:${mm}`, timeZone);
}

// A path on ShootQ, or a full http(s) address elsewhere: never "/\\host" or "//host" dressed as a path.
const isLink = (v: string) =>
  v.startsWith("/") ? sameSitePath(v) === v : externalHttpLink(v) !== null && !/\s/.test(v);
const text = z.string().max(5000).default("");

// Every field is checked in one pass, so the form shows all its problems at once.
export const createBroadcastSchema = z
  .object({
    title: text,
    body: text,
    link: text,
    startsAt: text,
    endsAt: text,
    timeZone: z.string().max(64).default("UTC"),
    isNew: z.string().optional(),
  })
  .transform((form, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
    const [title, body, link] = [form.title.trim(), form.body.trim(), form.link.trim()];
    if (!title) problem("title", "Enter a title.");
    else if (title.length > 120) problem("title", "Use at most 120 characters.");
    if (!body) problem("body", "Write the message.");
    else if (body.length > 2000) problem("body", "Use at most 2,000 characters.");
    if (link && (link.length > 500 || !isLink(link)))
      problem("link", "Enter a path like /settings or a full https:// address.");
    const timeZone = isValidTimeZone(form.timeZone) ? form.timeZone : "UTC";
    const startsAt = parseLocal(form.startsAt, timeZone);
    const endsAt = parseLocal(form.endsAt, timeZone);
    if (!startsAt) problem("startsAt", "Enter when it starts showing.");
    if (!endsAt) problem("endsAt", "Enter when it stops showing.");
    else if (startsAt && endsAt <= startsAt) problem("endsAt", "The end must be after the start.");
    else if (endsAt.getTime() <= Date.now()) problem("endsAt", "The end must be in the future.");
    return {
      title,
      body,
      link: link || null,
      startsAt: startsAt!,
      endsAt: endsAt!,
      isNew: form.isNew === "on" || form.isNew === "true",
    };
  });
export type CreateBroadcastInput = z.infer<typeof createBroadcastSchema>;

export const dismissBroadcastSchema = z.object({ broadcastId: z.string().trim().min(1).max(64) });
