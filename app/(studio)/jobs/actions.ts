"use server";

import { defineAction } from "@/lib/actions";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/mutations";
import { createEventSchema, deleteEventSchema, updateEventSchema } from "@/lib/events/schemas";
import { changeJobStatus, createJob } from "@/lib/jobs/mutations";
import { changeJobStatusSchema, createJobSchema } from "@/lib/jobs/schemas";
import { createProposal, sendProposal } from "@/lib/proposals/mutations";
import { createProposalSchema, sendProposalSchema } from "@/lib/proposals/schemas";

const calendarPaths = ["/calendar", "/dashboard"];

export const createJobAction = defineAction({
  access: "studio",
  schema: createJobSchema,
  async run({ tx, input, user }) {
    const job = await createJob(tx, { studioId: user.studioId, input });
    // Billing counts the jobs, and studio settings count each brand's.
    return {
      revalidate: ["/jobs", "/dashboard", "/settings/billing", "/settings/studio"],
      redirectTo: `/jobs/${job.id}`,
    };
  },
});

export const changeJobStatusAction = defineAction({
  access: "studio",
  schema: changeJobStatusSchema,
  async run({ tx, input, user }) {
    await changeJobStatus(tx, { studioId: user.studioId, ...input });
    return { revalidate: ["/jobs", "/dashboard", "/bookings"], message: "Status updated." };
  },
});

export const createEventAction = defineAction({
  access: "studio",
  schema: createEventSchema,
  async run({ tx, input, user }) {
    const { jobId, ...fields } = input;
    await createEvent(tx, { studioId: user.studioId, jobId, fields });
    return { revalidate: [`/jobs/${jobId}`, ...calendarPaths], message: "Event added." };
  },
});

export const updateEventAction = defineAction({
  access: "studio",
  schema: updateEventSchema,
  async run({ tx, input, user }) {
    const { eventId, ...fields } = input;
    const event = await updateEvent(tx, { studioId: user.studioId, eventId, fields });
    return { revalidate: [`/jobs/${event.jobId}`, ...calendarPaths], redirectTo: `/jobs/${event.jobId}` };
  },
});

export const deleteEventAction = defineAction({
  access: "studio",
  schema: deleteEventSchema,
  async run({ tx, input, user }) {
    const event = await deleteEvent(tx, { studioId: user.studioId, eventId: input.eventId });
    return { revalidate: [`/jobs/${event.jobId}`, ...calendarPaths], message: "Event deleted." };
  },
});

export const createProposalAction = defineAction({
  access: "studio",
  schema: createProposalSchema,
  async run({ tx, input, user }) {
    const proposal = await createProposal(tx, { studioId: user.studioId, input });
    return { revalidate: [`/jobs/${proposal.jobId}`], redirectTo: `/jobs/${proposal.jobId}` };
  },
});

export const sendProposalAction = defineAction({
  access: "studio",
  schema: sendProposalSchema,
  async run({ tx, input, user }) {
    const { jobId } = await sendProposal(tx, { studioId: user.studioId, proposalId: input.proposalId });
    return {
      revalidate: [`/jobs/${jobId}`, "/jobs", "/leads", "/dashboard", "/emails"],
      message: "Proposal sent. Your client will get an email with the link.",
    };
  },
});
