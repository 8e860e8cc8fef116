import { randomBytes } from "node:crypto";
import { createInvoiceFromProposal, sendInvoice } from "../../lib/invoices/mutations.ts";
import { hashToken } from "../../lib/tokens.ts";
import { solidPng } from "./images.ts";
import {
  createContact,
  createContractTemplate,
  createEvent,
  createImportFile,
  createJob,
  createLead,
  createNotification,
  createStaff,
  createStudio,
  createTask,
} from "../../prisma/factories.ts";
import { type PrismaClient } from "../../prisma/generated/prisma/client.ts";

// A studio with one of everything the app shows (a lead with a note, a job with an event, draft and
// accepted proposals, a booking, questionnaire, workflow, tasks, invoices, contracts, an import,
// webhooks...), each named with `marker`. lib/tenancy.test.ts aims another studio at its ids; the
// accessibility walk (e2e/a11y) opens every page on it. Client links carry the returned tokens.
// The lead and the client have long email addresses, the longest a list column must fit.

export type FullStudio = Awaited<ReturnType<typeof createFullStudio>>;

export async function createFullStudio(db: PrismaClient, marker: string) {
  const token = () => randomBytes(32).toString("base64url");
  const tokens = { proposal: token(), questionnaire: token(), invite: token(), contract: token(), invoice: token() };
  const b = await createStudio(db, { name: `Studio ${marker}`, brands: [`Brand ${marker}`] });
  const studioId = b.studio.id;
  const { user: staff } = await createStaff(db, studioId, { name: `Staff ${marker}` });
  const longAddress = (who: string) => `${who}.vandenbergheoyelaran.${marker.toLowerCase()}@examplephotography.com`;
  const lead = await createLead(db, { studioId, name: `Lead ${marker}`, email: longAddress("maximiliana") });
  const note = await db.leadNote.create({ data: { studioId, leadId: lead.id, body: `Note ${marker}` } });
  const job = await createJob(db, {
    studioId,
    title: `Job ${marker}`,
    contact: { name: `Client ${marker}`, email: longAddress("bartholomew") },
  });
  const event = await createEvent(db, { studioId, jobId: job.id, name: `Event ${marker}` });
  const proposal = await db.proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: `Proposal ${marker}`,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      status: "ACCEPTED",
      tokenHash: hashToken(tokens.proposal),
      items: { create: { position: 0, description: `Item ${marker}`, unitPriceCents: 10_000 } },
    },
  });
  const draft = await db.proposal.create({
    data: { studioId, jobId: job.id, title: `Draft ${marker}`, expiresAt: new Date(Date.now() + 30 * 86_400_000) },
  });
  const booking = await db.booking.create({ data: { studioId, jobId: job.id, proposalId: proposal.id } });
  const qTemplate = await db.questionnaireTemplate.create({
    data: { studioId, name: `QT ${marker}`, questions: [{ id: "q1", kind: "short", label: `Question ${marker}` }] },
  });
  const questionnaire = await db.questionnaire.create({
    data: {
      studioId,
      jobId: job.id,
      templateId: qTemplate.id,
      title: `Q ${marker}`,
      questions: qTemplate.questions!,
      tokenHash: hashToken(tokens.questionnaire),
    },
  });
  const wTemplate = await db.workflowTemplate.create({
    data: {
      studioId,
      name: `WT ${marker}`,
      steps: {
        create: [
          { position: 0, name: `Step ${marker}`, offsetDays: 3, anchor: "JOB_DATE" },
          {
            position: 1,
            name: `Email step ${marker}`,
            offsetDays: 2,
            anchor: "PREVIOUS_STEP",
            kind: "EMAIL",
            emailSubject: `Hello {{client.first_name}} ${marker}`,
            emailBody: `Hi {{client.first_name}},\n\nSee you on {{job.date}}. ${marker}`,
          },
        ],
      },
    },
  });
  const task = await createTask(db, { studioId, jobId: job.id, name: `Task ${marker}`, workflow: `WT ${marker}` });
  const scheduledEmail = await db.scheduledEmail.create({
    data: {
      studioId,
      jobId: job.id,
      workflow: `WT ${marker}`,
      name: `Email step ${marker}`,
      subject: `Hello {{client.first_name}} ${marker}`,
      body: `Hi {{client.first_name}} ${marker}`,
      sendAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  const notification = await createNotification(db, { studioId, message: `Notice ${marker}` });
  const invite = await db.invite.create({
    data: {
      studioId,
      email: `invite-${marker}@example.com`,
      tokenHash: hashToken(tokens.invite),
      invitedById: b.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const apiToken = await db.apiToken.create({
    data: {
      studioId,
      userId: b.owner.id,
      name: `Token ${marker}`,
      scope: "WRITE",
      tokenHash: hashToken(`api-${marker}`),
      hint: "sq_live_b",
    },
  });
  const webhookEndpoint = await db.webhookEndpoint.create({
    data: {
      studioId,
      url: `https://203.0.113.10/${marker}`,
      description: `Hook ${marker}`,
      eventTypes: ["lead.created"],
      secret: `whsec_${marker}`,
    },
  });
  const webhookEvent = await db.webhookEvent.create({
    data: { studioId, type: "lead.created", data: { name: `Lead ${marker}` } },
  });
  const webhookDelivery = await db.webhookDelivery.create({
    data: { studioId, eventId: webhookEvent.id, endpointId: webhookEndpoint.id, status: "FAILED", attempts: 1 },
  });
  const email = await db.emailMessage.create({
    data: { studioId, kind: "test", to: `c-${marker}@example.com`, subject: `Mail ${marker}`, status: "FAILED" },
  });
  const referral = await db.referral.create({
    data: {
      fromStudioId: studioId,
      fromUserId: b.owner.id,
      toEmail: `elsewhere-${marker}@example.com`,
      subject: { name: `Ref ${marker}` },
      subjectTitle: `Ref ${marker}`,
    },
  });
  // A sent invoice (with its installments and client link) and a draft, and a payment schedule.
  const invoice = await db.$transaction((tx) => createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id }));
  await db.$transaction((tx) => sendInvoice(tx, { studioId, invoiceId: invoice.id, email: "if-possible" }));
  await db.invoice.update({ where: { id: invoice.id }, data: { tokenHash: hashToken(tokens.invoice) } });
  const second = await db.proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: `Second ${marker}`,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      status: "ACCEPTED",
      tokenHash: hashToken(`tok-${marker}-s`),
      items: { create: { position: 0, description: `Item ${marker}`, unitPriceCents: 20_000 } },
    },
  });
  const draftInvoice = await db.$transaction((tx) =>
    createInvoiceFromProposal(tx, { studioId, proposalId: second.id }),
  );
  const installment = await db.installment.findFirstOrThrow({ where: { invoiceId: invoice.id } });
  const schedule = await db.paymentScheduleTemplate.create({
    data: {
      studioId,
      name: `Schedule ${marker}`,
      steps: { create: { position: 0, label: `Retainer ${marker}`, amount: "REST", anchor: "BOOKING", offsetDays: 0 } },
    },
  });
  const contractTemplate = await createContractTemplate(db, {
    studioId,
    name: `CT ${marker}`,
    body: `<p>Contract ${marker} for {{client.name}}</p>`,
  });
  const version = await db.contractTemplateVersion.findFirstOrThrow({ where: { templateId: contractTemplate.id } });
  const contract = await db.contract.create({
    data: {
      studioId,
      jobId: job.id,
      templateVersionId: version.id,
      title: `Contract ${marker}`,
      body: version.body,
      status: "SIGNED",
      html: `<p>Contract ${marker}</p>`,
      documentHash: "0".repeat(64),
      tokenHash: hashToken(tokens.contract),
      sentAt: new Date(),
    },
  });
  await db.contractAuditEntry.create({
    data: {
      studioId,
      contractId: contract.id,
      seq: 1,
      action: "created",
      actor: `Owner ${marker}`,
      at: new Date(),
      prevHash: "0".repeat(64),
      hash: "1".repeat(64),
    },
  });
  await db.contractSignature.create({
    data: {
      studioId,
      contractId: contract.id,
      role: "CLIENT",
      name: `Client ${marker}`,
      signedAt: new Date(),
      ipAddress: "192.0.2.1",
      userAgent: "test",
      documentHash: "0".repeat(64),
    },
  });
  const draftContract = await db.contract.create({
    data: { studioId, jobId: job.id, title: `Draft contract ${marker}`, body: `<p>Draft ${marker}</p>` },
  });
  const duplicate = await createContact(db, {
    studioId,
    name: `Duplicate ${marker}`,
    email: `dup-${marker.toLowerCase()}@example.com`,
  });
  const reschedule = await db.jobReschedule.create({
    data: {
      studioId,
      jobId: job.id,
      userId: b.owner.id,
      fromDate: new Date("2030-01-01T00:00:00Z"),
      toDate: new Date("2030-01-08T00:00:00Z"),
      changes: [],
    },
  });
  // A finished import with a client it created: undoing it from another studio would remove them.
  const importFile = await createImportFile(db, {
    studioId,
    fileName: `Import ${marker}.csv`,
    rows: [[`Imported ${marker}`, `imported-${marker.toLowerCase()}@example.com`]],
    status: "DONE",
    finishedAt: new Date(Date.now() + 60_000),
  });
  await createContact(db, {
    studioId,
    name: `Imported ${marker}`,
    email: `imported-${marker.toLowerCase()}@example.com`,
    importId: importFile.id,
  });
  const savedEmail = await db.savedEmail.create({
    data: {
      studioId,
      name: `Saved ${marker}`,
      about: "JOB",
      subject: `Saved subject ${marker}`,
      body: "Hi {{client.first_name}}",
    },
  });
  // A logo on its brand: Settings → Studio shows it, every email of the brand carries it.
  await db.brandLogo.create({
    data: {
      studioId,
      brandId: b.brands[0].id,
      data: new Uint8Array(solidPng(90, 30)),
      contentType: "image/png",
      width: 90,
      height: 30,
    },
  });
  const ids = {
    importId: importFile.id,
    savedEmailId: savedEmail.id,
    invoiceId: invoice.id,
    draftInvoiceId: draftInvoice.id,
    installmentId: installment.id,
    scheduleTemplateId: schedule.id,
    contractTemplateId: contractTemplate.id,
    contractId: contract.id,
    draftContractId: draftContract.id,
    duplicateId: duplicate.id,
    rescheduleId: reschedule.id,
    studioId,
    userId: staff.id,
    ownerId: b.owner.id,
    brandId: b.brands[0].id,
    leadId: lead.id,
    noteId: note.id,
    jobId: job.id,
    contactId: job.contactId,
    eventId: event.id,
    proposalId: draft.id,
    acceptedProposalId: proposal.id,
    bookingId: booking.id,
    templateId: qTemplate.id,
    questionnaireTemplateId: qTemplate.id,
    questionnaireId: questionnaire.id,
    workflowTemplateId: wTemplate.id,
    taskId: task.id,
    scheduledEmailId: scheduledEmail.id,
    notificationId: notification.id,
    inviteId: invite.id,
    emailId: email.id,
    referralId: referral.id,
    apiTokenId: apiToken.id,
    endpointId: webhookEndpoint.id,
    deliveryId: webhookDelivery.id,
  };
  return { marker, ids, tokens, studio: b.studio, owner: b.owner, staff, password: b.password };
}
