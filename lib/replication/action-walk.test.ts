import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dateColumn, dayKeyOf, dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { EDITABLE_EMAILS } from "@/lib/email-templates/editable";
import { pinCovers, readPinCookies } from "@/lib/replication/pins";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { createInvoiceFromProposal, sendInvoice } from "@/lib/invoices/mutations";
import { planReschedule } from "@/lib/reschedule/plan";
import { seal, sessionPasswords } from "@/lib/session";
import { issueAccountLink } from "@/lib/account/links";
import { createSession } from "@/lib/auth/sessions";
import { hashToken, linkToken, newToken as newLinkToken } from "@/lib/tokens";
import {
  createAdmin,
  createContact,
  createContractTemplate,
  createEvent,
  createImportFile,
  createJob,
  createLead,
  createNotification,
  createQuestionnaireTemplate,
  createStaff,
  createStudio,
  createTask,
  createWorkflowTemplate,
} from "@/prisma/factories";
import { type Prisma, PrismaClient } from "@/prisma/generated/prisma/client";
import { DIST_DIR } from "@/scripts/lib/paths";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { startTestDatabase, waitForReplay, type TestDatabase } from "@/scripts/testing/database";
import { HttpSession } from "@/scripts/testing/http";
import { readServerActions } from "@/scripts/bench/lib/server-actions";
import { formOf, sendAction } from "@/scripts/testing/server-actions";
import { solidPng } from "@/scripts/testing/images";
import { standInEnv, startStripeStandIn, type StripeStandIn } from "@/scripts/testing/stripe-stand-in";

/*
 * Every server action of the build, and every page its user can see afterwards: none may show
 * stale data because the replica lags. A write that forgets to pin a page it changes fails here,
 * naming the action and the page.
 *
 * How. Its own primary and replica. Each action gets a studio of its own with one of everything
 * (makeWorld), created up front, replayed, signed in. Then the replica's replay is paused: from
 * there on it lacks every write of the walk, however slow the machine, so a page read from it
 * after an action is stale unless the action pinned it. Actions of different studios run
 * concurrently. After each, every page its user can see (every page route of the build, filled
 * with every id the studio has once the action is done, new rows included) that no pin covers is
 * requested with the cookies the action's answer set. Replay then resumes, and once the replica
 * has caught up each page that was read from the replica is requested again with the same
 * cookies; any difference (masking what differs between two renders anyway) is a stale page.
 *
 * Adding an action: one entry in SAMPLES under its exported name, e.g.
 *   archiveLeadAction: { on: (w) => `/leads/${w.leadId}`, form: (w) => ({ leadId: w.leadId }) },
 * `on` is a page that uses it, `form` a valid form (built from the World's ids), `as` who calls it
 * (default the studio owner), `sees` which pages that caller can see (default the studio's).
 * An action of the build without an entry fails the test; a sample that does not succeed too.
 */

const SECRET = "action-walk-session-secret-0123456789abcdef";
// Two app nodes, as behind nginx: each action's caller uses one, and its pages are read again once
// the replica has caught up on the other, so a node's own memory cannot hide a stale page. Two
// requests at a time per node keep both cores busy.
const NODES = 2;
const CONCURRENCY = 2 * NODES;

type World = Awaited<ReturnType<typeof makeWorld>>;
type Caller = "owner" | "visitor" | "admin";
type Sees = "studio" | "new-studio" | "client" | "admin";
type Sample = {
  on: (w: World) => string;
  form?: (w: World) => Record<string, string | string[]>;
  args?: (w: World) => unknown[];
  as?: Caller;
  sees?: Sees;
  /** Prepares the caller's browser, e.g. a flash message waiting to be shown. */
  before?: (http: HttpSession, w: World, db: PrismaClient) => Promise<void>;
};

const soon = (w: World, days = 1) => addDays(dayKeyOf(new Date(), w.timeZone), days);
const unique = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}`;
const steps = {
  "stepName[]": ["Cull", "Edit"],
  "stepOffset[]": ["2", "5"],
  "stepAnchor[]": ["JOB_DATE", "PREVIOUS_STEP"],
};
const questions = {
  "questionId[]": ["", ""],
  "questionKind[]": ["short", "choice"],
  "questionLabel[]": ["Venue?", "First look?"],
  "questionOptions[]": ["", "Yes\nNo"],
};
const money = { currency: "USD", locale: "en-US" };
const invoiceForm = {
  title: "Walk Invoice",
  "description[]": "Walk coverage",
  "quantity[]": "1",
  "unitPrice[]": "1200",
  "taxRate[]": "",
  discount: "",
  retainer: "200",
  scheduleId: "",
  note: "",
  ...money,
};
const event = (w: World) => ({
  name: "Walk session",
  date: soon(w),
  startTime: "10:00",
  endTime: "11:30",
  location: "Walk Park",
  isShoot: "on",
});

const SAMPLES: Record<string, Sample> = {
  acceptInviteAction: {
    as: "visitor",
    on: (w) => `/invite/${w.inviteToken}`,
    form: (w) => ({ token: w.inviteToken, name: "Walk Newcomer", password: "walk-password-123" }),
  },
  signUpAction: {
    as: "visitor",
    sees: "client",
    on: () => "/sign-up",
    form: () => ({
      name: "Walk Founder",
      studioName: "Walk Studio",
      email: `${unique("founder")}@example.com`,
      password: "walk-password-123",
    }),
  },
  submitInquiryAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/inquire/${w.slug}`,
    form: (w) => ({
      slug: w.slug,
      name: "Walk Client",
      email: "walk.client@example.com",
      eventType: "wedding",
      message: "Hello",
    }),
  },
  respondToProposalAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/p/${w.proposalToken}`,
    form: (w) => ({ token: w.proposalToken, decision: "accept" }),
  },
  answerQuestionnaireAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/q/${w.questionnaireToken}`,
    form: (w) => ({
      token: w.questionnaireToken,
      intent: "submit",
      answer_venue: "Walk Hall",
      "answer_first-look": "Yes",
    }),
  },
  createBroadcastAction: {
    as: "admin",
    sees: "admin",
    on: () => "/admin/broadcasts",
    form: () => ({
      title: "Walk notice",
      body: "Maintenance",
      link: "",
      startsAt: "2031-01-01T09:00",
      endsAt: "2031-01-02T09:00",
      timeZone: "UTC",
    }),
  },
  dismissBroadcastAction: { on: () => "/dashboard", form: (w) => ({ broadcastId: w.broadcastId }) },
  chooseBrandAction: { on: () => "/dashboard", form: (w) => ({ brandId: w.otherBrandId, returnTo: "/dashboard" }) },
  clearFlashAction: {
    on: () => "/dashboard",
    args: () => [["walk"]],
    before: (http) => addFlashCookie(http, "walk", "Saved for the walk."),
  },
  markNotificationReadAction: { on: () => "/dashboard", form: (w) => ({ notificationId: w.notificationId }) },
  markAllNotificationsReadAction: { on: () => "/dashboard", form: () => ({}) },
  createLeadAction: {
    on: () => "/leads/new",
    form: (w) => ({
      name: "Walk Lead",
      email: "walk.lead@example.com",
      eventType: "wedding",
      eventDate: soon(w, 30),
      brandId: w.brandId,
    }),
  },
  changeLeadStatusAction: {
    on: (w) => `/leads/${w.convertedLeadId}`,
    form: (w) => ({ leadId: w.convertedLeadId, status: "CONTACTED" }),
  },
  addLeadNoteAction: { on: (w) => `/leads/${w.leadId}`, form: (w) => ({ leadId: w.leadId, body: "Walk note" }) },
  convertLeadAction: {
    on: (w) => `/leads/${w.leadId}`,
    form: (w) => ({ leadId: w.leadId, title: "Walk Wedding", type: "wedding", date: soon(w, 2), brandId: w.brandId }),
  },
  createReferralAction: {
    on: () => "/referrals/new",
    form: (w) => ({ leadId: w.leadId, toEmail: `${unique("colleague")}@example.com`, note: "Walk referral" }),
  },
  respondToReferralAction: { on: () => "/referrals", form: (w) => ({ referralId: w.referralId, decision: "accept" }) },
  createJobAction: {
    on: () => "/jobs/new",
    form: (w) => ({
      title: "Walk Job",
      type: "portrait",
      date: soon(w),
      brandId: w.brandId,
      contactName: "Walk Contact",
      contactEmail: "walk.contact@example.com",
    }),
  },
  changeJobStatusAction: { on: (w) => `/jobs/${w.jobId}`, form: (w) => ({ jobId: w.jobId, status: "BOOKED" }) },
  createEventAction: { on: (w) => `/jobs/${w.jobId}`, form: (w) => ({ jobId: w.jobId, ...event(w) }) },
  updateEventAction: {
    on: (w) => `/jobs/${w.jobId}/events/${w.eventId}/edit`,
    form: (w) => ({ eventId: w.eventId, ...event(w) }),
  },
  deleteEventAction: { on: (w) => `/jobs/${w.jobId}`, form: (w) => ({ eventId: w.eventId }) },
  createProposalAction: {
    on: (w) => `/jobs/${w.jobId}/proposals/new`,
    form: (w) => ({
      jobId: w.jobId,
      title: "Walk Collection",
      "description[]": "Full day",
      "quantity[]": "1",
      "unitPrice[]": "3000",
      deposit: "500",
      expiresOn: soon(w, 30),
      ...money,
    }),
  },
  sendProposalAction: { on: (w) => `/jobs/${w.jobId}`, form: (w) => ({ proposalId: w.draftProposalId }) },
  confirmBookingAction: { on: () => "/bookings", form: (w) => ({ bookingId: w.bookingId }) },
  sendQuestionnaireAction: {
    on: (w) => `/jobs/${w.jobId}/questionnaires`,
    form: (w) => ({ jobId: w.jobId, templateId: w.questionnaireTemplateId }),
  },
  applyWorkflowAction: {
    on: (w) => `/jobs/${w.jobId}/workflow`,
    form: (w) => ({ jobId: w.jobId, templateId: w.workflowTemplateId }),
  },
  completeTaskAction: { on: () => "/tasks", form: (w) => ({ taskId: w.taskId }) },
  updateScheduledEmailAction: {
    on: (w) => `/jobs/${w.jobId}/workflow`,
    form: (w) => ({
      scheduledEmailId: w.editedScheduledEmailId,
      subject: "Walk outfits",
      body: "Hi {{client.first_name}}",
      sendOn: soon(w, 3),
    }),
  },
  skipScheduledEmailAction: {
    on: (w) => `/jobs/${w.jobId}/workflow`,
    form: (w) => ({ scheduledEmailId: w.skippedScheduledEmailId }),
  },
  sendScheduledEmailNowAction: {
    on: (w) => `/jobs/${w.jobId}/workflow`,
    form: (w) => ({ scheduledEmailId: w.sentScheduledEmailId }),
  },
  createWorkflowAction: { on: () => "/workflows/new", form: () => ({ name: "Walk Workflow", ...steps }) },
  updateWorkflowAction: {
    on: (w) => `/workflows/${w.workflowTemplateId}`,
    form: (w) => ({ templateId: w.workflowTemplateId, name: "Walk Workflow Renamed", ...steps }),
  },
  createQuestionnaireAction: {
    on: () => "/questionnaires/new",
    form: () => ({ name: "Walk Questions", ...questions }),
  },
  updateQuestionnaireAction: {
    on: (w) => `/questionnaires/${w.questionnaireTemplateId}`,
    form: (w) => ({ templateId: w.questionnaireTemplateId, name: "Walk Questions Renamed", ...questions }),
  },
  retryEmailAction: { on: () => "/emails", form: (w) => ({ emailId: w.emailId }) },
  createSavedEmailAction: {
    on: () => "/emails/saved/new",
    form: () => ({
      name: "Walk What to wear",
      about: "JOB",
      subject: "What to wear",
      body: "Hi {{client.first_name}}",
    }),
  },
  updateSavedEmailAction: {
    on: (w) => `/emails/saved/${w.editedSavedEmailId}`,
    form: (w) => ({
      savedEmailId: w.editedSavedEmailId,
      name: "Walk Saved Renamed",
      about: "JOB",
      subject: "Walk subject",
      body: "Hi {{client.first_name}}",
    }),
  },
  deleteSavedEmailAction: {
    on: (w) => `/emails/saved/${w.deletedSavedEmailId}`,
    form: (w) => ({ savedEmailId: w.deletedSavedEmailId }),
  },
  sendComposedEmailAction: {
    on: (w) => `/jobs/${w.jobId}`,
    form: (w) => ({ jobId: w.jobId, subject: "Walk hello", body: "Hi {{client.first_name}}" }),
  },
  updateProfileAction: { on: () => "/settings", form: () => ({ name: "Walk Renamed Owner" }) },
  updateLeadAlertAction: { on: () => "/settings", form: () => ({ leadAlert: "DAILY" }) },
  changeEmailAction: {
    on: () => "/settings",
    form: (w) => ({ email: `${unique("owner")}@example.com`, currentPassword: w.password }),
  },
  changePasswordAction: {
    on: () => "/settings",
    form: (w) => ({
      currentPassword: w.password,
      newPassword: "walk-password-456",
      confirmPassword: "walk-password-456",
    }),
  },
  updateStudioAction: {
    on: () => "/settings/studio",
    form: (w) => ({ name: "Walk Studio Renamed", timeZone: w.timeZone, ...money, jobsPerDay: "2" }),
  },
  addBrandAction: { on: () => "/settings/studio", form: () => ({ name: "Walk Brand" }) },
  saveEmailTemplateAction: {
    on: () => "/settings/emails/proposal",
    form: (w) => ({
      kind: "proposal.sent",
      brandId: w.brandId,
      subject: "Your proposal, {{client.first_name}}",
      body: "Open it here: {{proposal.link}}",
    }),
  },
  sendEmailTemplateTestAction: {
    on: () => "/settings/emails",
    form: (w) => ({
      kind: "inquiry.auto-reply",
      brandId: w.brandId,
      subject: "Walk test, {{client.first_name}}",
      body: "A test.",
    }),
  },
  renameBrandAction: {
    on: () => "/settings/studio",
    form: (w) => ({ brandId: w.otherBrandId, name: "Walk Brand Renamed" }),
  },
  deleteBrandAction: { on: () => "/settings/studio", form: (w) => ({ brandId: w.spareBrandId }) },
  uploadBrandLogoAction: {
    on: () => "/settings/studio",
    args: (w) => {
      const form = formOf({ brandId: w.otherBrandId });
      form.append("logo", new File([new Uint8Array(solidPng(120, 40))], "walk-logo.png", { type: "image/png" }));
      return [{ ok: false }, form];
    },
  },
  removeBrandLogoAction: {
    on: () => "/settings/studio",
    form: (w) => ({ brandId: w.otherBrandId }),
    before: (_http, w, db) =>
      db.brandLogo
        .create({
          data: {
            studioId: w.studioId,
            brandId: w.otherBrandId,
            data: new Uint8Array(solidPng(60, 20)),
            contentType: "image/png",
            width: 60,
            height: 20,
          },
        })
        .then(() => {}),
  },
  inviteStaffAction: { on: () => "/settings/team", form: () => ({ email: `${unique("invitee")}@example.com` }) },
  revokeInviteAction: { on: () => "/settings/team", form: (w) => ({ inviteId: w.inviteId }) },
  createApiTokenAction: { on: () => "/settings/api-tokens", form: () => ({ name: "Walk website", scope: "WRITE" }) },
  revokeApiTokenAction: { on: () => "/settings/api-tokens", form: (w) => ({ apiTokenId: w.apiTokenId }) },
  createWebhookEndpointAction: {
    on: () => "/settings/webhooks",
    form: () => ({ url: "https://203.0.113.10/walk", description: "Walk", "eventTypes[]": ["lead.created"] }),
  },
  setWebhookEndpointEnabledAction: {
    on: (w) => `/settings/webhooks/${w.webhookEndpointId}`,
    form: (w) => ({ endpointId: w.webhookEndpointId, enabled: "false" }),
  },
  rotateWebhookSecretAction: {
    on: (w) => `/settings/webhooks/${w.webhookEndpointId}`,
    form: (w) => ({ endpointId: w.webhookEndpointId }),
  },
  sendTestWebhookAction: {
    on: (w) => `/settings/webhooks/${w.webhookEndpointId}`,
    form: (w) => ({ endpointId: w.webhookEndpointId }),
  },
  resendWebhookDeliveryAction: {
    on: (w) => `/settings/webhooks/${w.webhookEndpointId}`,
    form: (w) => ({ endpointId: w.webhookEndpointId, deliveryId: w.webhookDeliveryId }),
  },
  deleteWebhookEndpointAction: {
    on: (w) => `/settings/webhooks/${w.webhookEndpointId}`,
    form: (w) => ({ endpointId: w.webhookEndpointId }),
  },
  removeStaffAction: { on: () => "/settings/team", form: (w) => ({ userId: w.staffId, confirm: "yes" }) },
  createInvoiceAction: {
    on: (w) => `/jobs/${w.jobId}/invoices/new`,
    form: (w) => ({ jobId: w.jobId, ...invoiceForm }),
  },
  createInvoiceFromProposalAction: {
    on: (w) => `/jobs/${w.jobId}`,
    form: (w) => ({ proposalId: w.acceptedProposalId }),
  },
  updateInvoiceAction: {
    on: (w) => `/invoices/${w.draftInvoiceId}/edit`,
    form: (w) => ({ invoiceId: w.draftInvoiceId, ...invoiceForm }),
  },
  sendInvoiceAction: { on: (w) => `/invoices/${w.draftInvoiceId}`, form: (w) => ({ invoiceId: w.draftInvoiceId }) },
  voidInvoiceAction: {
    on: (w) => `/invoices/${w.sentInvoiceId}`,
    form: (w) => ({ invoiceId: w.sentInvoiceId, reissue: "on" }),
  },
  recordPaymentAction: {
    on: (w) => `/invoices/${w.sentInvoiceId}`,
    form: (w) => ({
      invoiceId: w.sentInvoiceId,
      kind: "PAYMENT",
      method: "CHECK",
      amount: "250",
      receivedOn: soon(w, 0),
      reference: "1042",
      note: "",
      ...money,
    }),
  },
  startCheckoutAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/i/${w.invoiceToken}`,
    form: (w) => ({ token: w.invoiceToken, installmentId: "" }),
  },
  updatePaymentSettingsAction: {
    on: () => "/settings/payments",
    form: () => ({
      paymentInstructions: "Pay by bank transfer.",
      requireRetainer: "on",
      remindBefore: "5",
      remindOnDue: "on",
      remindAfter: "3, 10",
    }),
  },
  createScheduleTemplateAction: {
    on: () => "/settings/payments",
    form: () => ({
      name: unique("Walk schedule"),
      "stepLabel[]": ["Retainer", "Balance"],
      "stepAmount[]": ["DEPOSIT", "REST"],
      "stepValue[]": ["", ""],
      "stepAnchor[]": ["BOOKING", "EVENT"],
      "stepDays[]": ["0", "14"],
      ...money,
    }),
  },
  setDefaultScheduleTemplateAction: {
    on: () => "/settings/payments",
    form: (w) => ({ templateId: w.scheduleTemplateId }),
  },
  deleteScheduleTemplateAction: { on: () => "/settings/payments", form: (w) => ({ templateId: w.scheduleTemplateId }) },
  rotateCalendarFeedAction: { on: () => "/calendar", form: () => ({}) },
  sendEmailConfirmationAction: {
    on: () => "/dashboard",
    form: () => ({}),
    before: (_http, w, db) =>
      db.user.update({ where: { id: w.ownerId }, data: { emailVerifiedAt: null } }).then(() => {}),
  },
  signOutSessionAction: { on: () => "/settings", form: (w) => ({ sessionId: w.otherSessionId }) },
  signOutEverywhereAction: { on: () => "/settings", form: () => ({}) },
  confirmEmailAction: {
    as: "visitor",
    on: (w) => `/confirm-email/${w.confirmToken}`,
    form: (w) => ({ token: w.confirmToken }),
  },
  requestPasswordResetAction: {
    as: "visitor",
    sees: "client",
    on: () => "/forgot-password",
    form: (w) => ({ email: w.ownerEmail }),
  },
  resetPasswordAction: {
    as: "visitor",
    on: (w) => `/reset-password/${w.resetToken}`,
    form: (w) => ({ token: w.resetToken, password: "walk-password-789", confirmPassword: "walk-password-789" }),
  },
  createContractTemplateAction: {
    on: () => "/contracts/new",
    form: () => ({ name: "Walk Agreement", body: "<p>Walk agreement with {{client.name}}</p>" }),
  },
  updateContractTemplateAction: {
    on: (w) => `/contracts/${w.contractTemplateId}`,
    form: (w) => ({
      templateId: w.contractTemplateId,
      name: "Walk Terms Renamed",
      body: "<p>Walk terms, second version, for {{client.name}}</p>",
    }),
  },
  updateContractSettingsAction: {
    on: () => "/contracts",
    form: () => ({ countersignAutomatically: "on", contractReminderDays: "5" }),
  },
  createContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/new`,
    form: (w) => ({ jobId: w.jobId, templateId: w.contractTemplateId }),
  },
  updateContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/${w.draftContractId}`,
    form: (w) => ({
      contractId: w.draftContractId,
      title: "Walk Draft Renamed",
      body: "<p>Walk draft for {{client.name}}, edited</p>",
    }),
  },
  sendContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/${w.draftContractId}`,
    form: (w) => ({ contractId: w.draftContractId }),
  },
  resendContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/${w.sentContractId}`,
    form: (w) => ({ contractId: w.sentContractId }),
  },
  voidContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/${w.sentContractId}`,
    form: (w) => ({ contractId: w.sentContractId }),
  },
  countersignContractAction: {
    on: (w) => `/jobs/${w.jobId}/contracts/${w.signedContractId}`,
    form: (w) => ({ contractId: w.signedContractId, name: "Walk Owner", consent: "on" }),
  },
  signContractAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/c/${w.contractToken}`,
    form: (w) => ({
      token: w.contractToken,
      documentHash: w.contractHash,
      name: "Walk Existing Client",
      consent: "on",
    }),
  },
  viewContractAction: {
    as: "visitor",
    sees: "client",
    on: (w) => `/c/${w.contractToken}`,
    form: (w) => ({ token: w.contractToken }),
  },
  uploadImportAction: {
    on: () => "/imports",
    args: () => {
      const form = formOf({ kind: "LEADS" });
      const text = "First Name,Last Name,Email,Event Date\r\nWalk,Uploaded,walk.uploaded@example.com,2030-01-01\r\n";
      form.append("file", new File([text], "walk-leads.csv", { type: "text/csv" }));
      return [{ ok: false }, form];
    },
  },
  dryRunImportAction: {
    on: (w) => `/imports/${w.importId}`,
    form: (w) => ({ importId: w.importId, "column[]": ["name", "email"] }),
  },
  startImportAction: {
    on: (w) => `/imports/${w.importId}`,
    form: (w) => ({ importId: w.importId, "column[]": ["name", "email"] }),
  },
  undoImportAction: {
    on: (w) => `/imports/${w.doneImportId}`,
    form: (w) => ({ importId: w.doneImportId }),
  },
  updateContactAction: {
    on: (w) => `/clients/${w.contactId}/edit`,
    form: (w) => ({
      contactId: w.contactId,
      name: "Walk Client Renamed",
      email: "walk.renamed@example.com",
      phone: "555 0199",
      address: "",
      notes: "Walk notes",
    }),
  },
  mergeContactsAction: {
    on: (w) => `/clients/${w.contactId}/merge`,
    form: (w) => ({ contactId: w.contactId, duplicateId: w.duplicateContactId }),
  },
  updateLeadAction: {
    on: (w) => `/leads/${w.leadId}/edit`,
    form: (w) => ({
      leadId: w.leadId,
      name: "Walk Lead Renamed",
      email: "walk.lead.renamed@example.com",
      phone: "",
      eventType: "portrait",
      eventDate: soon(w, 40),
      message: "",
      brandId: w.otherBrandId,
    }),
  },
  archiveLeadAction: { on: (w) => `/leads/${w.leadId}`, form: (w) => ({ leadId: w.leadId }) },
  restoreLeadAction: { on: (w) => `/leads/${w.archivedLeadId}`, form: (w) => ({ leadId: w.archivedLeadId }) },
  updateJobAction: {
    on: (w) => `/jobs/${w.jobId}/edit`,
    form: (w) => ({
      jobId: w.jobId,
      title: "Walk Job Renamed",
      type: "wedding",
      date: w.jobDate,
      brandId: w.otherBrandId,
      contactId: w.contactId,
      notes: "Walk notes",
    }),
  },
  applyRescheduleAction: {
    on: (w) => `/jobs/${w.jobId}/reschedule?date=${w.rescheduleTo}`,
    form: (w) => ({ jobId: w.jobId, date: w.rescheduleTo, fingerprint: w.rescheduleFingerprint }),
  },
  undoRescheduleAction: { on: (w) => `/jobs/${w.jobId}`, form: (w) => ({ rescheduleId: w.rescheduleId }) },
  updateProposalAction: {
    on: (w) => `/jobs/${w.jobId}/proposals/${w.draftProposalId}/edit`,
    form: (w) => ({
      proposalId: w.draftProposalId,
      title: "Walk Collection Revised",
      "description[]": "Full day",
      "quantity[]": "1",
      "unitPrice[]": "3200",
      deposit: "500",
      expiresOn: soon(w, 30),
      ...money,
    }),
  },
};

async function addFlashCookie(http: HttpSession, id: string, message: string) {
  http.setCookie(
    `shootq_flash_${id}`,
    encodeURIComponent(await seal({ kind: "success", message, at: Date.now() }, sessionPasswords(SECRET), 600)),
  );
}

/** One studio with one of everything an action may need, written on the primary. */
async function makeWorld(
  db: Prisma.TransactionClient,
  shared: { sender: { studioId: string; userId: string }; broadcastId: string },
) {
  const { studio, owner, brands, password } = await createStudio(db, {
    brands: ["Walk Weddings", "Walk Portraits", "Walk Spare"],
  });
  const studioId = studio.id;
  const [brand, other, spare] = brands;
  const { user: staff } = await createStaff(db, studioId);
  const job = await createJob(db, {
    studioId,
    brandId: brand.id,
    title: "Walk Existing Job",
    status: "PROPOSED",
    date: new Date(Date.now() + 3 * 86_400_000),
    contact: { name: "Walk Existing Client", email: "walk.existing@example.com" },
  });
  const lead = await createLead(db, { studioId, brandId: brand.id, name: "Walk Open Lead", status: "NEW" });
  const archivedLead = await createLead(db, {
    studioId,
    brandId: brand.id,
    name: "Walk Archived Lead",
    status: "NEW",
    archivedAt: new Date(),
  });
  const duplicate = await createContact(db, {
    studioId,
    name: "Walk Existing Client",
    email: "walk.existing.duplicate@example.com",
  });
  const converted = await createLead(db, {
    studioId,
    brandId: brand.id,
    name: "Walk Converted Lead",
    status: "BOOKED",
    jobId: job.id,
  });
  const ev = await createEvent(db, { studioId, jobId: job.id, name: "Walk Existing Session" });
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  const items = { create: { position: 0, description: "Walk item", unitPriceCents: 100_000 } };
  const proposalToken = newLinkToken();
  const draft = await db.proposal.create({ data: { studioId, jobId: job.id, title: "Walk Draft", expiresAt, items } });
  await db.proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Walk Sent",
      expiresAt,
      status: "SENT",
      sentAt: new Date(),
      tokenHash: hashToken(proposalToken),
      items,
    },
  });
  const accepted = await db.proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Walk Accepted",
      expiresAt,
      status: "ACCEPTED",
      tokenHash: hashToken(newLinkToken()),
      items,
    },
  });
  const booking = await db.booking.create({ data: { studioId, jobId: job.id, proposalId: accepted.id } });
  // Invoices from two more accepted proposals: a draft, and one sent (so the client has a link).
  const invoiced = (title: string) =>
    db.proposal.create({
      data: {
        studioId,
        jobId: job.id,
        title,
        expiresAt,
        status: "ACCEPTED",
        tokenHash: hashToken(newLinkToken()),
        depositCents: 20_000,
        items,
      },
    });
  const draftInvoice = await createInvoiceFromProposal(db, {
    studioId,
    proposalId: (await invoiced("Walk Invoiced Draft")).id,
  });
  const sentInvoice = await createInvoiceFromProposal(db, {
    studioId,
    proposalId: (await invoiced("Walk Invoiced Sent")).id,
  });
  const { token: invoiceToken } = await sendInvoice(db, { studioId, invoiceId: sentInvoice.id });
  const schedule = await db.paymentScheduleTemplate.create({
    data: {
      studioId,
      name: "Walk schedule",
      steps: {
        create: [
          { position: 0, label: "Retainer", amount: "DEPOSIT", anchor: "BOOKING" },
          { position: 1, label: "Balance", amount: "REST", anchor: "EVENT", offsetDays: -14 },
        ],
      },
    },
  });
  const qTemplate = await createQuestionnaireTemplate(db, { studioId });
  const questionnaireToken = newLinkToken();
  await db.questionnaire.create({
    data: {
      studioId,
      jobId: job.id,
      templateId: qTemplate.id,
      title: qTemplate.name,
      questions: qTemplate.questions!,
      tokenHash: hashToken(questionnaireToken),
    },
  });
  const wTemplate = await createWorkflowTemplate(db, { studioId, name: "Walk Album" });
  const task = await createTask(db, {
    studioId,
    jobId: job.id,
    name: "Walk Task",
    workflow: "Walk Album",
    dueAt: new Date(Date.now() + 86_400_000),
  });
  const scheduledEmail = (name: string) =>
    db.scheduledEmail.create({
      data: {
        studioId,
        jobId: job.id,
        workflow: "Walk Album",
        name,
        subject: name,
        body: "Hi",
        sendAt: new Date(Date.now() + 7 * 86_400_000),
      },
      select: { id: true },
    });
  const [editedEmail, skippedEmail, sentEmail] = [
    await scheduledEmail("Walk What to wear"),
    await scheduledEmail("Walk Thanks"),
    await scheduledEmail("Walk Timeline"),
  ];
  // A move of the job made a week ago by its owner, so there is one to undo; and the plan of a new move.
  const jobDate = dayKeyOfDateColumn(job.date!);
  const reschedule = await db.jobReschedule.create({
    data: {
      studioId,
      jobId: job.id,
      userId: owner.id,
      fromDate: dateColumn(addDays(jobDate, -7)),
      toDate: job.date!,
      changes: [],
    },
  });
  const rescheduleTo = addDays(jobDate, 14);
  const plan = (await planReschedule(db, { studioId, jobId: job.id, to: rescheduleTo, eventIds: [] }))!;
  const notification = await createNotification(db, { studioId, message: "Walk notification" });
  const invite = await db.invite.create({
    data: {
      studioId,
      email: `${unique("open-invite")}@example.com`,
      tokenHash: hashToken(newLinkToken()),
      invitedById: owner.id,
      expiresAt,
    },
  });
  const apiToken = await db.apiToken.create({
    data: {
      studioId,
      userId: owner.id,
      name: "Walk token",
      scope: "READ",
      tokenHash: hashToken(newLinkToken()),
      hint: "sq_live_walk",
    },
  });
  const webhookEndpoint = await db.webhookEndpoint.create({
    data: {
      studioId,
      url: "https://203.0.113.10/walk",
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      secret: `whsec_${newLinkToken()}`,
    },
  });
  const webhookEvent = await db.webhookEvent.create({
    data: { studioId, type: "lead.created", data: { id: "walk" } },
  });
  const webhookDelivery = await db.webhookDelivery.create({
    data: { studioId, eventId: webhookEvent.id, endpointId: webhookEndpoint.id, status: "FAILED", attempts: 1 },
  });
  const otherSession = await createSession(db, { userId: owner.id, userAgent: "Walk Other Browser" });
  const { user: unconfirmed } = await createStaff(db, studioId);
  await db.user.update({ where: { id: unconfirmed.id }, data: { emailVerifiedAt: null } });
  const confirm = await issueAccountLink(db, {
    userId: unconfirmed.id,
    purpose: "EMAIL_VERIFICATION",
    email: unconfirmed.email,
  });
  const { user: forgetful } = await createStaff(db, studioId);
  const reset = await issueAccountLink(db, { userId: forgetful.id, purpose: "PASSWORD_RESET", email: forgetful.email });
  const inviteToken = newLinkToken();
  await db.invite.create({
    data: {
      studioId,
      email: `${unique("newcomer")}@example.com`,
      tokenHash: hashToken(inviteToken),
      invitedById: owner.id,
      expiresAt,
    },
  });
  const email = await db.emailMessage.create({
    data: { studioId, kind: "test", to: "walk.failed@example.com", subject: "Walk failed email", status: "FAILED" },
  });
  const cTemplate = await createContractTemplate(db, {
    studioId,
    name: "Walk Terms",
    body: "<p>Walk terms for {{client.name}}</p>",
    authorId: owner.id,
  });
  const cVersion = await db.contractTemplateVersion.findFirstOrThrow({ where: { templateId: cTemplate.id } });
  const contractHtml = "<p>Walk terms for Walk Existing Client</p>";
  const contractHash = createHash("sha256").update(contractHtml).digest("hex");
  const contractToken = newLinkToken();
  const contract = {
    studioId,
    jobId: job.id,
    templateVersionId: cVersion.id,
    title: "Walk Terms",
    body: cVersion.body,
  };
  const frozen = { html: contractHtml, documentHash: contractHash, sentAt: new Date(), linkExpiresAt: expiresAt };
  const draftContract = await db.contract.create({ data: contract });
  const sentContract = await db.contract.create({
    data: { ...contract, ...frozen, status: "SENT", tokenHash: hashToken(contractToken) },
  });
  const signedContract = await db.contract.create({
    data: { ...contract, ...frozen, status: "SIGNED", signedAt: new Date(), tokenHash: hashToken(newLinkToken()) },
  });
  await db.contractSignature.create({
    data: {
      studioId,
      contractId: signedContract.id,
      role: "CLIENT",
      name: "Walk Existing Client",
      signedAt: new Date(),
      ipAddress: "192.0.2.1",
      userAgent: "walk",
      documentHash: contractHash,
    },
  });
  const referral = await db.referral.create({
    data: {
      fromStudioId: shared.sender.studioId,
      fromUserId: shared.sender.userId,
      toEmail: owner.email,
      toStudioId: studioId,
      subject: {
        clientName: "Walk Referred Client",
        email: "walk.referred@example.com",
        phone: null,
        eventType: "wedding",
        eventDate: null,
        message: null,
      },
      subjectTitle: "Walk Referred Client",
    },
  });
  const importFile = await createImportFile(db, {
    studioId,
    rows: [
      ["Walk Imported Client", "walk.imported@example.com"],
      ["Walk Existing Client", "walk.existing@example.com"],
    ],
  });
  const doneImport = await createImportFile(db, {
    studioId,
    status: "DONE",
    finishedAt: new Date(Date.now() + 60_000),
  });
  await createContact(db, {
    studioId,
    name: "Walk Imported Earlier",
    email: "walk.imported.earlier@example.com",
    importId: doneImport.id,
  });
  const savedEmail = (name: string) =>
    db.savedEmail.create({
      data: { studioId, name, about: "JOB", subject: name, body: "Hi {{client.first_name}}" },
      select: { id: true },
    });
  const [editedSavedEmail, deletedSavedEmail] = [await savedEmail("Walk Saved"), await savedEmail("Walk Gone")];
  return {
    importId: importFile.id,
    doneImportId: doneImport.id,
    editedSavedEmailId: editedSavedEmail.id,
    deletedSavedEmailId: deletedSavedEmail.id,
    studioId,
    ownerEmail: owner.email,
    password,
    slug: studio.slug,
    timeZone: studio.timeZone,
    brandId: brand.id,
    otherBrandId: other.id,
    spareBrandId: spare.id,
    staffId: staff.id,
    leadId: lead.id,
    convertedLeadId: converted.id,
    jobId: job.id,
    eventId: ev.id,
    draftProposalId: draft.id,
    proposalToken,
    bookingId: booking.id,
    acceptedProposalId: accepted.id,
    draftInvoiceId: draftInvoice.id,
    sentInvoiceId: sentInvoice.id,
    invoiceToken,
    scheduleTemplateId: schedule.id,
    questionnaireTemplateId: qTemplate.id,
    questionnaireToken,
    workflowTemplateId: wTemplate.id,
    taskId: task.id,
    editedScheduledEmailId: editedEmail.id,
    skippedScheduledEmailId: skippedEmail.id,
    sentScheduledEmailId: sentEmail.id,
    ownerId: owner.id,
    otherSessionId: otherSession.id,
    confirmToken: linkToken("email-verification", confirm.id),
    resetToken: linkToken("password-reset", reset.id),
    notificationId: notification.id,
    inviteId: invite.id,
    apiTokenId: apiToken.id,
    webhookEndpointId: webhookEndpoint.id,
    webhookDeliveryId: webhookDelivery.id,
    inviteToken,
    emailId: email.id,
    referralId: referral.id,
    broadcastId: shared.broadcastId,
    contractTemplateId: cTemplate.id,
    draftContractId: draftContract.id,
    sentContractId: sentContract.id,
    signedContractId: signedContract.id,
    contractToken,
    contractHash,
    contactId: job.contactId,
    duplicateContactId: duplicate.id,
    archivedLeadId: archivedLead.id,
    jobDate,
    rescheduleId: reschedule.id,
    rescheduleTo,
    rescheduleFingerprint: plan.fingerprint,
  };
}

// Page routes of the build, e.g. "/(studio)/jobs/[id]/page", grouped by who can see them.
type Route = { group: Sees; segments: string[]; pattern: RegExp };
function pageRoutes(): Route[] {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((r) => r.endsWith("/page"))
    .flatMap((r) => {
      const parts = r
        .replace(/\/page$/, "")
        .split("/")
        .filter(Boolean);
      const group =
        parts[0] === "(studio)" ? "studio" : parts[0] === "(client)" ? "client" : parts[0] === "admin" ? "admin" : null;
      if (!group) return [];
      const segments = parts.filter((s) => !/^\(.*\)$/.test(s));
      const pattern = new RegExp(`^/${segments.map((s) => (/^\[.+\]$/.test(s) ? "[^/]+" : s)).join("/")}$`);
      return [{ group, segments, pattern } as Route];
    });
}

type Ids = {
  byFolder: Record<string, string[]>;
  events: { id: string; jobId: string }[];
  contracts?: { id: string; jobId: string }[];
};

/** Every URL of a route: each [param] filled with each id the caller's data has for it. */
function urlsFor(route: Route, ids: Ids): string[] {
  let urls = [""];
  route.segments.forEach((segment, i) => {
    const param = /^\[(.+)\]$/.exec(segment)?.[1];
    if (!param) urls = urls.map((u) => `${u}/${segment}`);
    else if (param === "eventId")
      urls = urls.flatMap((u) =>
        ids.events.filter((e) => u.endsWith(`/jobs/${e.jobId}/events`)).map((e) => `${u}/${e.id}`),
      );
    else if (param === "contractId")
      urls = urls.flatMap((u) =>
        (ids.contracts ?? []).filter((c) => u.endsWith(`/jobs/${c.jobId}/contracts`)).map((c) => `${u}/${c.id}`),
      );
    else {
      const values = ids.byFolder[route.segments[i - 1]];
      if (!values)
        throw new Error(
          `no ids for [${param}] in /${route.segments.join("/")}: add them in studioIds() so this route is walked`,
        );
      urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`));
    }
  });
  return urls;
}

/** Every id a studio's pages take, read on the primary: the world's and whatever the action made. */
async function studioIds(db: PrismaClient, studioId: string): Promise<Ids> {
  const where = { studioId };
  const id = { id: true } as const;
  const [
    leads,
    jobs,
    events,
    questionnaires,
    workflows,
    contacts,
    proposals,
    invoices,
    contractTemplates,
    contracts,
    webhookEndpoints,
    imports,
    savedEmails,
  ] = await Promise.all([
    db.lead.findMany({ where, select: id }),
    db.job.findMany({ where, select: id }),
    db.event.findMany({ where, select: { id: true, jobId: true } }),
    db.questionnaireTemplate.findMany({ where, select: id }),
    db.workflowTemplate.findMany({ where, select: id }),
    db.contact.findMany({ where, select: id }),
    db.proposal.findMany({ where, select: id }),
    db.invoice.findMany({ where, select: id }),
    db.contractTemplate.findMany({ where, select: id }),
    db.contract.findMany({ where, select: { id: true, jobId: true } }),
    db.webhookEndpoint.findMany({ where, select: id }),
    db.import.findMany({ where, select: id }),
    db.savedEmail.findMany({ where, select: id }),
  ]);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  return {
    byFolder: {
      leads: ids(leads),
      jobs: ids(jobs),
      questionnaires: ids(questionnaires),
      workflows: ids(workflows),
      clients: ids(contacts),
      proposals: ids(proposals),
      invoices: ids(invoices),
      contracts: ids(contractTemplates),
      webhooks: ids(webhookEndpoints),
      imports: ids(imports),
      saved: ids(savedEmails),
      // Settings → Emails: every email a studio writes other than the auto-reply (/settings/emails).
      emails: Object.values(EDITABLE_EMAILS)
        .map((e) => e.slug)
        .filter(Boolean),
    },
    events,
    contracts,
  };
}

/**
 * What a page shows: its text and the values its links and fields carry, as a sorted list. Markup
 * that differs between two renders of the same data (React's streaming order, a loading fallback
 * sent while the page rendered, action reference numbers, generated ids, scripts) is left out.
 */
function contentOf(html: string): string[] {
  const body = html
    // A loading.tsx fallback React streamed first (`<!--$?-->…<!--/$-->`); the content follows it.
    .replace(/<!--\$\?-->[\s\S]*?<!--\/\$-->/g, "")
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const tokens: string[] = [];
  for (const m of body.matchAll(/<\/?[a-zA-Z][\w-]*([^>]*)>|([^<]+)/g)) {
    const text = m[2]?.replace(/\s+/g, " ").trim();
    if (text) tokens.push(text);
    if (m[1] === undefined || /name="\$ACTION/.test(m[1])) continue;
    for (const a of m[1].matchAll(/\s(href|value|selected|checked|datetime|aria-current)(?:="([^"]*)")?/g))
      tokens.push(`${a[1]}=${a[2] ?? ""}`);
  }
  return tokens.sort();
}

/** What one page shows that the other does not. */
function difference(early: string[], late: string[]): string {
  const missing = (a: string[], b: string[]) => {
    const rest = [...b];
    return a.filter((t) => {
      const k = rest.indexOf(t);
      if (k < 0) return true;
      rest.splice(k, 1);
      return false;
    });
  };
  const show = (ts: string[]) => JSON.stringify(ts.slice(0, 6).map((t) => t.slice(0, 80)));
  return `right after the write it showed ${show(missing(early, late))}, once caught up ${show(missing(late, early))}`;
}

type Render = { status: number; location: string | null; reads: string | null; requestId: string | null; html: string };
async function render(http: HttpSession, cookies: string, url: string): Promise<Render> {
  const res = await http.send(url, { headers: { cookie: cookies } });
  return {
    status: res.status,
    location: res.headers.get("location"),
    reads: res.headers.get("x-shootq-reads"),
    requestId: res.headers.get("x-request-id"),
    // Links a page builds from the address it was asked on (the inquiry form, feeds) name the node.
    html: (await res.text()).replaceAll(new URL(http.baseUrl).host, "shootq.test"),
  };
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

describe("every action of the build leaves every page its user can see fresh, with the replica behind", () => {
  let cluster: TestDatabase;
  let apps: TestApp[] = [];
  let db: PrismaClient;
  let replicaAdmin: pg.Client;
  let stripe: StripeStandIn;
  const routes = pageRoutes();

  beforeAll(async () => {
    cluster = await startTestDatabase(["0"]);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: cluster.primaryUrl }) });
    const replicaUrl = new URL(cluster.adminUrl);
    replicaUrl.port = new URL(cluster.replicaUrls[0]).port;
    replicaAdmin = new pg.Client({ connectionString: replicaUrl.toString() });
    await replicaAdmin.connect();
    // Card payments go to the offline Stripe stand-in.
    stripe = await startStripeStandIn();
    // The replica stays in rotation however long its replay is paused: staleness is the point.
    apps = await Promise.all(
      Array.from({ length: NODES }, () =>
        startTestApp({
          primaryUrl: cluster.primaryUrl,
          replicaUrls: cluster.replicaUrls,
          env: {
            SESSION_SECRET: SECRET,
            REPLICA_MAX_LAG_SECONDS: "3000",
            READ_PIN_SECONDS: "4000",
            REPLICA_MAX_LAG_BYTES: String(2 ** 30),
            ...standInEnv(stripe),
          },
        }),
      ),
    );
  });
  afterAll(async () => {
    await replicaAdmin?.query("SELECT pg_wal_replay_resume()").catch(() => {});
    await replicaAdmin?.end();
    await db?.$disconnect();
    await Promise.all(apps.map((app) => app.stop()));
    await stripe?.close();
    await cluster?.destroy();
  });

  it("every action of the build has a sample", () => {
    const missing = readServerActions()
      .filter((a) => !SAMPLES[a.exportedName])
      .map((a) => a.name);
    expect(missing, "add an entry to SAMPLES for each of these actions").toEqual([]);
  });

  it("right after each action, every page its user can see equals the same page once the replica has caught up", async () => {
    // ACTION_WALK_ONLY=aAction,bAction walks just those (while working on them); CI walks them all.
    const only = process.env.ACTION_WALK_ONLY?.split(",").filter(Boolean);
    const actions = readServerActions().filter((a) => !only || only.includes(a.exportedName));
    const started = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const sender = await createStudio(db);
    const admin = await createAdmin(db);
    const broadcast = await db.broadcast.create({
      data: {
        title: "Walk broadcast",
        body: "Shown to everyone",
        startsAt: new Date(Date.now() - 3_600_000),
        endsAt: new Date(Date.now() + 86_400_000),
        createdById: admin.user.id,
      },
    });
    const shared = { sender: { studioId: sender.studio.id, userId: sender.owner.id }, broadcastId: broadcast.id };
    // One transaction per studio: one commit to wait for instead of dozens.
    const worlds = await inBatches(actions, CONCURRENCY, () =>
      db.$transaction((tx) => makeWorld(tx, shared), { timeout: 60_000, maxWait: 30_000 }),
    );
    await waitForReplay(cluster);
    phase("studios made");

    const callers = await inBatches(actions, CONCURRENCY, async (action) => {
      const http = new HttpSession(apps[actions.indexOf(action) % NODES].url);
      const sample = SAMPLES[action.exportedName];
      const w = worlds[actions.indexOf(action)];
      if ((sample.as ?? "owner") === "owner") await http.signIn(w.ownerEmail, w.password);
      if (sample.as === "admin") await http.signIn(admin.user.email, admin.password);
      await sample.before?.(http, w, db);
      return http;
    });

    // Signing in writes a session row (shown on /settings): the replica has it before the pause.
    await waitForReplay(cluster);
    phase("signed in");
    // From here on the replica has nothing the walk writes.
    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    const problems: string[] = [];
    const walked = await inBatches(actions, CONCURRENCY, async (action) => {
      const i = actions.indexOf(action);
      const [w, http, sample] = [worlds[i], callers[i], SAMPLES[action.exportedName]];
      const form = sample.form?.(w);
      const answer = await sendAction(http, {
        action,
        page: sample.on(w),
        args: sample.args?.(w) ?? [{ ok: false }, formOf(form ?? {})],
      });
      http.absorb(answer.response);
      if (answer.status !== 200 || answer.state?.ok === false) {
        problems.push(
          `${action.name}: the sample did not succeed (HTTP ${answer.status}): ${JSON.stringify(answer.state) ?? answer.text.slice(0, 200)}`,
        );
        return { action, node: i % NODES, cookies: "", pages: new Map<string, Render>() };
      }
      const cookies = http.cookieHeader();
      const sees = sample.sees ?? "studio";
      const mine = routes.filter((r) => r.group === (sees === "new-studio" ? "studio" : sees));
      let ids: Ids = { byFolder: {}, events: [] };
      if (sees === "studio") ids = await studioIds(db, w.studioId);
      if (sees === "new-studio")
        ids = await studioIds(
          db,
          (await db.user.findUniqueOrThrow({ where: { email: String(form?.email) } })).studioId!,
        );
      if (sees === "client")
        ids = {
          byFolder: {
            p: [w.proposalToken],
            q: [w.questionnaireToken],
            c: [w.contractToken],
            inquire: [w.slug],
            i: [w.invoiceToken],
          },
          events: [],
        };
      const urls = [...new Set(mine.flatMap((r) => urlsFor(r, ids)))];
      // A page a pin covers reads from the primary (the routing's contract, checked on one page
      // here and by the read-your-writes tests): only the others can be stale.
      const pins = readPinCookies(
        cookies.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1) })),
        [SECRET],
      ).live;
      const pinned = urls.filter((u) => pins.some((p) => pinCovers(p, u)));
      const pages = new Map<string, Render>();
      for (const url of [...pinned.slice(0, 1), ...urls.filter((u) => !pinned.includes(u))])
        pages.set(url, await render(http, cookies, url));
      const first = pages.get(pinned[0]);
      if (first && first.reads !== "primary") {
        // The node's log line for that request says why its routing chose that host.
        const line = apps[i % NODES].logs().find((l) => first.requestId && l.includes(first.requestId));
        const why = line?.match(/"why":"([^"]*)"/)?.[1] ?? "no log line";
        problems.push(`${action.name}: ${pinned[0]} is pinned but was read from ${first.reads} (${why})`);
      }
      return { action, node: i % NODES, cookies, pages };
    });
    const behind = await replicaAdmin.query<{ paused: boolean }>(
      "SELECT pg_get_wal_replay_pause_state() = 'paused' AS paused",
    );
    expect(behind.rows[0].paused, "the replica replayed during the walk: the pages above prove nothing").toBe(true);

    phase("actions and pages right after them");
    await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    await waitForReplay(cluster);
    let compared = 0;
    const tasks = walked.flatMap(({ action, node, cookies, pages }) =>
      [...pages]
        .filter(([, r]) => r.reads !== "primary")
        .map(([url, early]) => ({ action, other: apps[(node + 1) % NODES], cookies, url, early })),
    );
    await inBatches(tasks, CONCURRENCY, async ({ action, other, cookies, url, early }) => {
      const late = await render(new HttpSession(other.url), cookies, url);
      compared++;
      if (early.status !== late.status || early.location !== late.location) {
        problems.push(
          `${action.name} left ${url} stale: HTTP ${early.status} (read from ${early.reads}) right after the write, ${late.status} once the replica caught up`,
        );
      } else {
        const [before, after] = [contentOf(early.html), contentOf(late.html)];
        if (before.join("\n") !== after.join("\n"))
          problems.push(`${action.name} left ${url} stale (read from ${early.reads}): ${difference(before, after)}`);
      }
    });
    const total = walked.reduce((n, w) => n + w.pages.size, 0);
    phase("pages once caught up");
    console.log(
      `action walk: ${actions.length} actions, ${total} pages read right after them, ${compared} of those read from the replica and compared (${phases.join(", ")})`,
    );
    expect(problems).toEqual([]);
    expect(total).toBeGreaterThan(actions.length * 5);
    // About 8,000 renders (94 actions × 42 pages, twice): 3.5 min alone on two cores, 8.8 min in
    // CI beside the other 81 files. It grows with every action and page; the limit only catches a hang.
  }, 900_000);
});
