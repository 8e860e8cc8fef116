"use server";

import { defineAction } from "@/lib/actions";
import {
  addLeadNote,
  changeLeadStatus,
  convertLeadToJob,
  createLead,
  PAGES_A_LEAD_CHANGES,
  PAGES_A_NEW_LEAD_CHANGES,
  setLeadArchived,
  updateLead,
} from "@/lib/leads/mutations";
import {
  addLeadNoteSchema,
  changeLeadStatusSchema,
  convertLeadSchema,
  createLeadSchema,
  leadIdSchema,
  updateLeadSchema,
} from "@/lib/leads/schemas";

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
    return { revalidate: [...PAGES_A_LEAD_CHANGES, ...(jobId ? [`/jobs/${jobId}`] : [])], message: "Stage updated." };
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
      revalidate: [...PAGES_A_LEAD_CHANGES, "/calendar", "/settings/billing", "/settings/studio"],
      redirectTo: `/jobs/${jobId}`,
    };
  },
});

export const updateLeadAction = defineAction({
  access: "studio",
  schema: updateLeadSchema,
  async run({ tx, input, user }) {
    const lead = await updateLead(tx, { studioId: user.studioId, input });
    return { revalidate: PAGES_A_LEAD_CHANGES, redirectTo: `/leads/${lead.id}`, flash: "Lead saved." };
  },
});

export const archiveLeadAction = defineAction({
  access: "studio",
  schema: leadIdSchema,
  async run({ tx, input, user }) {
    await setLeadArchived(tx, { studioId: user.studioId, leadId: input.leadId, isArchived: true });
    return { revalidate: PAGES_A_LEAD_CHANGES, message: "Archived. It has left your lists; restore it any time." };
  },
});

export const restoreLeadAction = defineAction({
  access: "studio",
  schema: leadIdSchema,
  async run({ tx, input, user }) {
    await setLeadArchived(tx, { studioId: user.studioId, leadId: input.leadId, isArchived: false });
    return { revalidate: PAGES_A_LEAD_CHANGES, message: "Restored." };
  },
});
