import { z } from "zod";
import { moneyFormatFields, readAmount, recordId } from "@/lib/fields";
import { parsePercent } from "@/lib/money";
import { checkSteps, type ScheduleAmountKind, type ScheduleAnchorKind, type ScheduleStep } from "@/lib/schedules/plan";

export const SCHEDULE_AMOUNTS: Record<ScheduleAmountKind, string> = {
  DEPOSIT: "The retainer",
  PERCENT: "A percentage",
  FIXED: "A fixed amount",
  REST: "The rest",
};
export const SCHEDULE_ANCHORS: Record<ScheduleAnchorKind, string> = {
  BOOKING: "days after booking",
  EVENT: "days before the event",
};

const MAX_STEPS = 12;
const MAX_DAYS = 730;
const list = z.array(z.string().max(200)).default([]);

/**
 * The schedule builder posts one entry per payment in parallel arrays. Days count forward from
 * booking or back from the event; every problem is reported at once, under "steps".
 */
export const createScheduleTemplateSchema = z
  .object({
    name: z.string().max(500).default(""),
    isDefault: z.union([z.literal("on"), z.literal("")]).optional(),
    stepLabel: list,
    stepAmount: list,
    stepValue: list,
    stepAnchor: list,
    stepDays: list,
    ...moneyFormatFields,
  })
  .transform((form, ctx) => {
    const name = form.name.trim();
    if (!name) ctx.addIssue({ code: "custom", message: "Give the schedule a name.", path: ["name"] });
    else if (name.length > 120)
      ctx.addIssue({ code: "custom", message: "Use at most 120 characters.", path: ["name"] });
    const problem = (message: string) => ctx.addIssue({ code: "custom", message, path: ["steps"] });
    if (form.stepLabel.length > MAX_STEPS) problem(`Use at most ${MAX_STEPS} payments.`);
    const steps: ScheduleStep[] = form.stepLabel.map((rawLabel, i) => {
      const n = i + 1;
      const label = rawLabel.trim();
      if (!label) problem(`Payment ${n}: enter a name, such as Retainer.`);
      else if (label.length > 60) problem(`Payment ${n}: use at most 60 characters.`);
      const amount = form.stepAmount[i] as ScheduleAmountKind;
      if (!Object.hasOwn(SCHEDULE_AMOUNTS, amount)) problem(`Payment ${n}: choose how much.`);
      const value = (form.stepValue[i] ?? "").trim();
      let percentBps: number | null = null;
      let fixedMinor: number | null = null;
      if (amount === "PERCENT") {
        percentBps = parsePercent(value, form);
        if (percentBps === null || percentBps === 0) problem(`Payment ${n}: enter a percentage from 1 to 100.`);
      } else if (amount === "FIXED") {
        const read = readAmount(value, form);
        if ("error" in read) problem(`Payment ${n}: ${read.error[0].toLowerCase()}${read.error.slice(1)}`);
        else fixedMinor = read.minor;
      }
      const anchor = form.stepAnchor[i] as ScheduleAnchorKind;
      if (!Object.hasOwn(SCHEDULE_ANCHORS, anchor)) problem(`Payment ${n}: choose when it is due.`);
      const rawDays = (form.stepDays[i] ?? "").trim() || "0";
      const days = Number(rawDays);
      if (!/^\d+$/.test(rawDays) || days > MAX_DAYS)
        problem(`Payment ${n}: enter a whole number of days from 0 to ${MAX_DAYS}.`);
      return { label, amount, percentBps, fixedMinor, anchor, offsetDays: anchor === "EVENT" ? -days : days };
    });
    const shape = checkSteps(steps);
    if (shape) problem(shape);
    return { name, isDefault: form.isDefault === "on", steps };
  });
export type CreateScheduleTemplateInput = z.infer<typeof createScheduleTemplateSchema>;

export const scheduleTemplateIdSchema = z.object({ templateId: recordId });
