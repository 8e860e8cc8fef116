"use server";

import { defineAction } from "@/lib/actions";
import { createEvent, deleteEvent, PAGES_AN_EVENT_CHANGES, updateEvent } from "@/lib/events/mutations";
import { createEventSchema, deleteEventSchema, updateEventSchema } from "@/lib/events/schemas";
import {
  changeJobStatus,
  createJob,
  PAGES_A_JOB_CHANGES,
  PAGES_A_NEW_JOB_CHANGES,
  updateJob,
} from "@/lib/jobs/mutations";
import { changeJobStatusSchema, createJobSchema, updateJobSchema } from "@/lib/jobs/schemas";
import { createProposal, sendProposal, updateProposal } from "@/lib/proposals/mutations";
import { createProposalSchema, sendProposalSchema, updateProposalSchema } from "@/lib/proposals/schemas";
import { applyReschedule, undoReschedule } from "@/lib/reschedule/mutations";
import { applyRescheduleSchema, undoRescheduleSchema } from "@/lib/reschedule/schemas";
import { formatShortDayKey } from "@/lib/calendar/zoned";
import { countOf } from "@/lib/words";

export const createJobAction = defineAction({
  access: "studio",
  schema: createJobSchema,
  async run({ tx, input, user }) {
    const job = await createJob(tx, { studioId: user.studioId, input });
    return {
      revalidate: PAGES_A_NEW_JOB_CHANGES,
      redirectTo: `/jobs/${job.id}`,
    };
  },
});

export const updateJobAction = defineAction({
  access: "studio",
  schema: updateJobSchema,
  async run({ tx, input, user }) {
    const job = await updateJob(tx, { studioId: user.studioId, input });
    // Studio settings count each brand's jobs, and the brand may have changed.
    const revalidate = [...PAGES_A_JOB_CHANGES, "/settings/studio"];
    if (job.rescheduleTo) {
      return {
        revalidate,
        redirectTo: `/jobs/${job.id}/reschedule?date=${job.rescheduleTo}`,
        flash: "Saved. The new date is not applied yet: check what moves with it, then apply it.",
      };
    }
    return { revalidate, redirectTo: `/jobs/${job.id}`, flash: "Job saved." };
  },
});

export const applyRescheduleAction = defineAction({
  access: "studio",
  schema: applyRescheduleSchema,
  async run({ tx, input, user }) {
    const { jobId, plan } = await applyReschedule(tx, { studioId: user.studioId, userId: user.id, input });
    const kinds = [
      countOf(plan.lines.filter((l) => l.kind === "task").length, "task", "tasks"),
      countOf(plan.lines.filter((l) => l.kind === "event").length, "event", "events"),
    ].filter((text) => !text.startsWith("0 "));
    return {
      revalidate: PAGES_A_JOB_CHANGES,
      redirectTo: `/jobs/${jobId}`,
      flash: `Moved to ${formatShortDayKey(plan.to)}${kinds.length ? ` with ${kinds.join(" and ")}` : ""}. You can undo this on the job page.`,
    };
  },
});

export const undoRescheduleAction = defineAction({
  access: "studio",
  schema: undoRescheduleSchema,
  async run({ tx, input, user }) {
    const { jobId, from } = await undoReschedule(tx, {
      studioId: user.studioId,
      userId: user.id,
      rescheduleId: input.rescheduleId,
    });
    return {
      revalidate: PAGES_A_JOB_CHANGES,
      redirectTo: `/jobs/${jobId}`,
      flash: `Undone: the job is back on ${formatShortDayKey(from)}, with everything that moved.`,
    };
  },
});

export const changeJobStatusAction = defineAction({
  access: "studio",
  schema: changeJobStatusSchema,
  async run({ tx, input, user }) {
    await changeJobStatus(tx, { studioId: user.studioId, ...input });
    return {
      revalidate: ["/jobs", "/dashboard", "/bookings", "/leads", "/clients", "/reports"],
      message: "Status updated.",
    };
  },
});

export const createEventAction = defineAction({
  access: "studio",
  schema: createEventSchema,
  async run({ tx, input, user }) {
    const { jobId, ...fields } = input;
    await createEvent(tx, { studioId: user.studioId, jobId, fields });
    return { revalidate: [`/jobs/${jobId}`, ...PAGES_AN_EVENT_CHANGES], message: "Event added." };
  },
});

export const updateEventAction = defineAction({
  access: "studio",
  schema: updateEventSchema,
  async run({ tx, input, user }) {
    const { eventId, ...fields } = input;
    const event = await updateEvent(tx, { studioId: user.studioId, eventId, fields });
    return { revalidate: [`/jobs/${event.jobId}`, ...PAGES_AN_EVENT_CHANGES], redirectTo: `/jobs/${event.jobId}` };
  },
});

export const deleteEventAction = defineAction({
  access: "studio",
  schema: deleteEventSchema,
  async run({ tx, input, user }) {
    const event = await deleteEvent(tx, { studioId: user.studioId, eventId: input.eventId });
    return { revalidate: [`/jobs/${event.jobId}`, ...PAGES_AN_EVENT_CHANGES], message: "Event deleted." };
  },
});

export const createProposalAction = defineAction({
  access: "studio",
  schema: createProposalSchema,
  async run({ tx, input, user }) {
    const proposal = await createProposal(tx, { studioId: user.studioId, input });
    return { revalidate: [`/jobs/${proposal.jobId}`, "/clients"], redirectTo: `/jobs/${proposal.jobId}` };
  },
});

export const updateProposalAction = defineAction({
  access: "studio",
  schema: updateProposalSchema,
  async run({ tx, input, user }) {
    const proposal = await updateProposal(tx, { studioId: user.studioId, input });
    return {
      revalidate: [`/jobs/${proposal.jobId}`, "/clients"],
      redirectTo: `/jobs/${proposal.jobId}`,
      flash: "Draft saved.",
    };
  },
});

export const sendProposalAction = defineAction({
  access: "studio",
  schema: sendProposalSchema,
  async run({ tx, input, user }) {
    const { jobId } = await sendProposal(tx, { studioId: user.studioId, proposalId: input.proposalId, actor: user });
    // A contract attached to the proposal goes out with it (its page is under the job's path).
    return {
      revalidate: [`/jobs/${jobId}`, "/jobs", "/leads", "/dashboard", "/clients", "/emails"],
      message: "Proposal sent. Your client will get an email with the link.",
    };
  },
});
