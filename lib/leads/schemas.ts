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
import { patchSchema } from "@/lib/api/patch";
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

export const updateLeadSchema = z.object({ leadId: recordId, ...leadFields, brandId: optionalRecordId });
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

/** Archive or restore: only the lead's id. */
export const leadIdSchema = z.object({ leadId: recordId });

export const changeLeadStatusSchema = z.object({ leadId: recordId, status: leadStatusField });

/** An API edit: the edit form's fields and the stage, any of them (the id is the URL's). */
export const patchLeadSchema = patchSchema({
  ...updateLeadSchema.omit({ leadId: true }).shape,
  status: leadStatusField,
});
export type PatchLeadInput = z.infer<typeof patchLeadSchema>;

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

/** Stages a lead is still being worked in; booked, lost and archived leads leave the default list. */
export const OPEN_LEAD_STATUSES: LeadStatus[] = ["NEW", "CONTACTED", "PROPOSAL_SENT"];

/** What the list shows: open leads (the default), one stage, archived leads, or all of them. */
export const LEAD_SHOWS = {
  open: "Open leads",
  ...Object.fromEntries(LEAD_STATUSES.map((s) => [s, LEAD_STATUS_LABELS[s]])),
  archived: "Archived",
  all: "All leads",
} as Record<LeadShow, string>;
export type LeadShow = "open" | "archived" | "all" | LeadStatus;

/** The list's URL: anything unexpected falls back to the default instead of failing the page. */
export const leadListParams = z.object({
  q: searchText,
  status: searchParam.pipe(z.enum(Object.keys(LEAD_SHOWS) as [LeadShow, ...LeadShow[]]).default("open")).catch("open"),
  sort: searchParam
    .pipe(z.enum(Object.keys(LEAD_SORTS) as [LeadSort, ...LeadSort[]]).default("newest"))
    .catch("newest"),
  ...pageParams,
});
export type LeadListParams = z.infer<typeof leadListParams>;
