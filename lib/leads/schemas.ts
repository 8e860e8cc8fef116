import { z } from "zod";
import { brandField } from "@/lib/brands/schemas";
import {
  email,
  optionalDayKeyField,
  optionalPhone,
  optionalRecordId,
  optionalText,
  personName,
  recordId,
  requiredText,
} from "@/lib/fields";
import { jobTitle, jobType } from "@/lib/jobs/schemas";
import { pageParams, searchParam, searchText } from "@/lib/search-params";
import { LeadStatus } from "@/prisma/generated/prisma/enums";

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  NEW: "New",
  CONTACTED: "Contacted",
  PROPOSAL_SENT: "Proposal sent",
  BOOKED: "Booked",
  LOST: "Lost",
};

export const LEAD_STATUSES = Object.keys(LEAD_STATUS_LABELS) as LeadStatus[];

const leadStatusField = z.enum(LeadStatus, { error: "Choose a stage from the list." });

/** What an inquiry asks, whoever fills it in: the client on the public form or the photographer. */
export const leadFields = {
  name: personName,
  email,
  phone: optionalPhone,
  eventType: jobType,
  eventDate: optionalDayKeyField,
  message: optionalText(2000),
};

export const createLeadSchema = z.object({ ...leadFields, brandId: optionalRecordId });
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const changeLeadStatusSchema = z.object({ leadId: recordId, status: leadStatusField });

export const addLeadNoteSchema = z.object({ leadId: recordId, body: requiredText("a note", 2000) });

export const convertLeadSchema = z.object({
  leadId: recordId,
  title: jobTitle,
  type: jobType,
  date: optionalDayKeyField,
  brandId: brandField,
});
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

export const LEAD_SORTS = { newest: "Newest first", oldest: "Oldest first", "event-date": "Event date" } as const;
export type LeadSort = keyof typeof LEAD_SORTS;

/** The list's URL: anything unexpected falls back to the default instead of failing the page. */
export const leadListParams = z.object({
  q: searchText,
  status: searchParam.pipe(leadStatusField.optional()).catch(undefined),
  sort: searchParam
    .pipe(z.enum(Object.keys(LEAD_SORTS) as [LeadSort, ...LeadSort[]]).default("newest"))
    .catch("newest"),
  ...pageParams,
});
export type LeadListParams = z.infer<typeof leadListParams>;
