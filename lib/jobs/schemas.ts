import { z } from "zod";
import { patchSchema } from "@/lib/api/patch";
import { brandField } from "@/lib/brands/schemas";
import {
  email,
  optionalDayKeyField,
  optionalPhone,
  optionalRecordId,
  optionalText,
  recordId,
  requiredText,
} from "@/lib/fields";
import { pageParams, searchParam } from "@/lib/search-params";
import { JobStatus } from "@/prisma/generated/prisma/enums";

export const JOB_TYPES = ["wedding", "portrait", "event", "commercial"] as const;

/** One of JOB_TYPES or the studio's own word for it ("newborn", "headshots"). */
export const jobType = requiredText("a type, such as wedding or portrait", 40).transform((v) => {
  const known = JOB_TYPES.find((t) => t === v.toLowerCase());
  return known ?? v;
});

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  LEAD: "Lead",
  PROPOSED: "Proposed",
  BOOKED: "Booked",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

const jobStatusField = z.enum(JobStatus, { error: "Choose a status from the list." });

export const jobTitle = requiredText("a title", 120);

export const createJobSchema = z
  .object({
    title: jobTitle,
    type: jobType,
    date: optionalDayKeyField,
    brandId: brandField,
    contactId: optionalRecordId,
    contactName: z
      .string()
      .trim()
      .max(120, "Use at most 120 characters.")
      .optional()
      .transform((v) => v || undefined),
    contactEmail: z
      .string()
      .trim()
      .max(254, "That email address is too long.")
      .optional()
      .transform((v) => v || undefined),
    contactPhone: optionalPhone,
  })
  .superRefine(
    (v, ctx) => {
      if (v.contactId) return;
      if (!v.contactName)
        ctx.addIssue({
          code: "custom",
          path: ["contactName"],
          message: "Choose an existing client or enter the new client's name.",
        });
      if (!v.contactEmail)
        ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "Enter the new client's email address." });
      else if (!email.safeParse(v.contactEmail).success)
        ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "Enter a valid email address." });
    },
    { when: () => true },
  )
  .transform(({ contactName, contactEmail, contactPhone: phone, contactId, ...job }) => ({
    ...job,
    contact: contactId
      ? ({ kind: "existing", id: contactId } as const)
      : ({ kind: "new", name: contactName!, email: email.parse(contactEmail), phone } as const),
  }));
export type CreateJobInput = z.infer<typeof createJobSchema>;

export const changeJobStatusSchema = z.object({ jobId: recordId, status: jobStatusField });

export const JOB_VIEWS = { upcoming: "Upcoming", past: "Past", unscheduled: "No date yet" } as const;
export type JobView = keyof typeof JOB_VIEWS;

/** The list's URL: anything unexpected falls back to the default instead of failing the page. */
export const jobListParams = z.object({
  view: searchParam
    .pipe(z.enum(Object.keys(JOB_VIEWS) as [JobView, ...JobView[]]).default("upcoming"))
    .catch("upcoming"),
  status: searchParam.pipe(jobStatusField.optional()).catch(undefined),
  ...pageParams,
});
export const updateJobSchema = z.object({
  jobId: recordId,
  title: jobTitle,
  type: jobType,
  date: optionalDayKeyField,
  brandId: brandField,
  contactId: z
    .string({ error: "Choose a client." })
    .trim()
    .min(1, "Choose a client.")
    .max(64, "Choose one of your clients."),
  notes: optionalText(5000),
});
export type UpdateJobInput = z.infer<typeof updateJobSchema>;

/** An API edit: the job edit form's fields and the status picker's, any of them (the id is the URL's). */
export const patchJobSchema = patchSchema({ ...updateJobSchema.omit({ jobId: true }).shape, status: jobStatusField });
