"use server";

import { defineAction } from "@/lib/actions";
import {
  addLeadNote,
  changeLeadStatus,
  convertLeadToJob,
  createLead,
  PAGES_A_NEW_LEAD_CHANGES,
} from "@/lib/leads/mutations";
import { addLeadNoteSchema, changeLeadStatusSchema, convertLeadSchema, createLeadSchema } from "@/lib/leads/schemas";

export const createLeadAction = defineAction({
  access: "studio",
  schema: createLeadSchema,
  async run({ tx, input, user }) {
    const lead = await createLead(tx, { studioId: user.studioId, input });
    return { revalidate: PAGES_A_NEW_LEAD_CHANGES, redirectTo: `/leads/${lead.id}` };
  },
});

export const changeLeadStatusAction = defineAction({
  access: "studio",
  schema: changeLeadStatusSchema,
  async run({ tx, input, user }) {
    const { jobId } = await changeLeadStatus(tx, { studioId: user.studioId, ...input });
    return { revalidate: ["/leads", "/dashboard", ...(jobId ? [`/jobs/${jobId}`] : [])], message: "Stage updated." };
  },
});

export const addLeadNoteAction = defineAction({
  access: "studio",
  schema: addLeadNoteSchema,
  async run({ tx, input, user }) {
    await addLeadNote(tx, { studioId: user.studioId, authorId: user.id, ...input });
    return { revalidate: [`/leads/${input.leadId}`], message: "Note added." };
  },
});

export const convertLeadAction = defineAction({
  access: "studio",
  schema: convertLeadSchema,
  async run({ tx, input, user }) {
    const { jobId } = await convertLeadToJob(tx, { studioId: user.studioId, input });
    return {
      revalidate: ["/leads", "/jobs", "/dashboard", "/calendar", "/settings/billing", "/settings/studio"],
      redirectTo: `/jobs/${jobId}`,
    };
  },
});
