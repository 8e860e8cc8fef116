import { addDays, dayKeyOf, startOfDay } from "@/lib/calendar/zoned";
import { requireBrandId } from "@/lib/brands/mutations";
import { clientAddress } from "@/lib/client-address";
import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { appendAuditEntry, sha256, signatureFingerprint } from "@/lib/contracts/audit";
import { contractRowSelect } from "@/lib/contracts/queries";
import {
  CONTRACT_LINK_NOT_VALID,
  customFieldInputs,
  renderContractDraft,
  whyUnsignable,
  isSignedByClient,
} from "@/lib/contracts/document";
import {
  CONTRACT_LINK_DAYS,
  clientSignatureFields,
  type CreateContractInput,
  type CreateContractTemplateInput,
  type UpdateContractInput,
  type UpdateContractTemplateInput,
} from "@/lib/contracts/schemas";
import { queueEmail } from "@/lib/email/outbox";
import { requireJob } from "@/lib/jobs/mutations";
import { notify } from "@/lib/notifications/mutations";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { findLink } from "@/lib/link-directory";
import { linkToken, linkTokenHash } from "@/lib/tokens";
import { TemplateError } from "@/lib/templates/engine";
import { contractPath } from "@/lib/urls";
import { z } from "zod";

type Tenant = { studioId: string };
/** Where a signature or view came from, as the request showed it. */
export type RequestOrigin = { ipAddress: string; userAgent: string };

/** The signer's address (through the trusted proxies only) and browser, from the request's headers. */
export function requestOriginOf(headers: Headers): RequestOrigin {
  return { ipAddress: clientAddress(headers), userAgent: (headers.get("user-agent") ?? "unknown").slice(0, 400) };
}
type StudioActor = { id: string; name: string };

const studioActor = (user: StudioActor) => `${user.name} (studio)`;
const clientActor = (name: string) => `${name} (client)`;

// ---------------------------------------------------------------------------------------------
// Templates

export async function createContractTemplate(
  tx: Tx,
  { studioId, authorId, input }: Tenant & { authorId: string; input: CreateContractTemplateInput },
) {
  const brandId = input.brandId ? await requireBrandId(tx, { studioId, brandId: input.brandId }) : null;
  // The first version is its own insert, not a nested create: Prisma reads a row back by its id
  // alone after nested writes, and every statement names the studio.
  const template = await tx.contractTemplate.create({
    data: { studioId, brandId, name: input.name },
    select: { id: true },
  });
  await tx.contractTemplateVersion.create({
    data: { studioId, templateId: template.id, number: 1, body: input.body, authorId },
    select: { id: true },
  });
  return template;
}

/** Saves the template; a changed text becomes a new version and earlier versions stay as they were. */
export async function updateContractTemplate(
  tx: Tx,
  { studioId, authorId, input }: Tenant & { authorId: string; input: UpdateContractTemplateInput },
) {
  // The row lock orders concurrent saves, so version numbers never collide.
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "ContractTemplate" WHERE id = ${input.templateId} AND "studioId" = ${studioId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("That template");
  const latest = await tx.contractTemplateVersion.findFirstOrThrow({
    where: { templateId: input.templateId, studioId },
    orderBy: { number: "desc" },
    select: { number: true, body: true },
  });
  const brandId = input.brandId ? await requireBrandId(tx, { studioId, brandId: input.brandId }) : null;
  await tx.contractTemplate.update({
    where: { id: input.templateId, studioId },
    data: { name: input.name, brandId },
    select: { id: true },
  });
  if (latest.body === input.body) return { id: input.templateId, version: latest.number, isNewVersion: false };
  await tx.contractTemplateVersion.create({
    data: { studioId, templateId: input.templateId, number: latest.number + 1, body: input.body, authorId },
    select: { id: true },
  });
  return { id: input.templateId, version: latest.number + 1, isNewVersion: true };
}

export async function updateContractSettings(
  tx: Tx,
  {
    studioId,
    countersignAutomatically,
    contractReminderDays,
  }: Tenant & { countersignAutomatically: boolean; contractReminderDays: number },
) {
  await tx.studio.update({
    where: { id: studioId },
    data: { countersignAutomatically, contractReminderDays },
    select: { id: true },
  });
}

// ---------------------------------------------------------------------------------------------
// Contracts on a job

/** A draft from the template's latest version; the photographer may edit this copy until sending. */
export async function createContract(
  tx: Tx,
  { studioId, actor, input, now = new Date() }: Tenant & { actor: StudioActor; input: CreateContractInput; now?: Date },
) {
  const job = await requireJob(tx, { studioId, jobId: input.jobId });
  const template = await tx.contractTemplate.findFirst({
    where: { id: input.templateId, studioId },
    select: {
      name: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, body: true } },
    },
  });
  if (!template || template.versions.length === 0)
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      templateId: ["Choose a template from the list."],
    });
  const [version] = template.versions;
  const contract = await tx.contract.create({
    data: { studioId, jobId: job.id, templateVersionId: version.id, title: template.name, body: version.body },
    select: { id: true, jobId: true },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId: contract.id,
    action: "created",
    actor: studioActor(actor),
    at: now,
    details: { template: template.name, version: version.number },
  });
  return contract;
}

const lockedSelect = {
  ...contractRowSelect,
  signedAt: true,
  proposal: { select: { title: true, status: true } },
  job: { select: { title: true, contact: { select: { name: true, email: true } } } },
  studio: { select: { id: true, name: true, timeZone: true, countersignAutomatically: true } },
} as const;

/**
 * Locks the contract's row for this transaction (every change and every audit entry of one
 * contract happens one at a time) and reads it. Another studio's contract is not found.
 */
async function lockContract(tx: Tx, { studioId, contractId }: Tenant & { contractId: string }) {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Contract" WHERE id = ${contractId} AND "studioId" = ${studioId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("That contract");
  return tx.contract.findUniqueOrThrow({ where: { id: contractId, studioId }, select: lockedSelect });
}

type LockedContract = Awaited<ReturnType<typeof lockContract>>;

const ALREADY_SENT = "This contract was already sent. To change it, void it and create a new one.";

/** Saves the draft's copy, its custom values and the proposal it goes out with. */
export async function updateContractDraft(tx: Tx, { studioId, input }: Tenant & { input: UpdateContractInput }) {
  const contract = await lockContract(tx, { studioId, contractId: input.contractId });
  if (contract.status !== "DRAFT") throw new AppError("CONFLICT", ALREADY_SENT);
  let proposalId: string | null = null;
  if (input.proposalId) {
    const proposal = await tx.proposal.findFirst({
      where: { id: input.proposalId, studioId, jobId: contract.jobId },
      select: { id: true, status: true, contract: { select: { id: true } } },
    });
    const invalid = (message: string) =>
      new AppError("VALIDATION", "Please correct the highlighted fields.", { proposalId: [message] });
    if (!proposal) throw invalid("Choose a proposal of this job.");
    if (proposal.status !== "DRAFT")
      throw invalid("That proposal was already sent. Choose a draft proposal, or send this contract on its own.");
    if (proposal.contract && proposal.contract.id !== contract.id)
      throw invalid("That proposal already carries another contract.");
    proposalId = proposal.id;
  }
  // Values of custom fields the text no longer uses are dropped.
  const used = new Set(customFieldInputs(input.body, {}).map((f) => f.key));
  const customValues = Object.fromEntries(Object.entries(input.customValues).filter(([key]) => used.has(key)));
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: { title: input.title, body: input.body, customValues, proposalId },
    select: { id: true },
  });
  return { jobId: contract.jobId, contractId: contract.id };
}

/** Renders the draft with the job's values; refuses (nothing changes) while any field has no value. */
async function freeze(tx: Tx, contract: LockedContract, now: Date) {
  let rendered;
  try {
    rendered = await renderContractDraft(tx, contract, now);
  } catch (error) {
    if (error instanceof TemplateError)
      throw new AppError("VALIDATION", `Fix the contract text before sending: ${error.message}`);
    throw error;
  }
  if (rendered.missing.length) {
    const custom = rendered.missing.filter((m) => m.key.startsWith("custom."));
    const job = rendered.missing.filter((m) => !m.key.startsWith("custom."));
    const parts = [
      custom.length ? `fill in ${custom.map((m) => m.label).join(", ")}` : "",
      job.length
        ? `give the job a value for ${job.map((m) => m.label).join(", ")} (or remove ${job.length === 1 ? "that field" : "those fields"} from the text)`
        : "",
    ].filter(Boolean);
    throw new AppError("VALIDATION", `Before sending, ${parts.join(", and ")}.`);
  }
  return { html: rendered.html, documentHash: sha256(rendered.html) };
}

function linkExpiry(now: Date, timeZone: string) {
  return startOfDay(addDays(dayKeyOf(now, timeZone), CONTRACT_LINK_DAYS + 1), timeZone);
}

/**
 * Freezes the draft (HTML and SHA-256), issues the client's link and emails it through the
 * outbox. The link's token is derived from the contract's id and link version; only its hash is stored.
 */
export async function sendContract(
  tx: Tx,
  { studioId, contractId, actor, now = new Date() }: Tenant & { contractId: string; actor: StudioActor; now?: Date },
) {
  const contract = await lockContract(tx, { studioId, contractId });
  if (contract.status !== "DRAFT") throw new AppError("CONFLICT", "This contract was already sent.");
  if (contract.proposal)
    throw new AppError(
      "CONFLICT",
      `This contract goes out with the proposal “${contract.proposal.title}”: send that proposal, or choose “Send on its own” and save.`,
    );
  const to = contract.job.contact.email;
  if (!to)
    throw new AppError("VALIDATION", `${contract.job.contact.name} has no email address to send the contract to.`);
  const frozen = await freeze(tx, contract, now);
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: {
      status: "SENT",
      ...frozen,
      tokenHash: linkTokenHash("contract", contract.id, contract.linkVersion),
      linkExpiresAt: linkExpiry(now, contract.studio.timeZone),
      sentAt: now,
    },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId,
    action: "sent",
    actor: studioActor(actor),
    at: now,
    details: { documentHash: frozen.documentHash, to },
  });
  await queueEmail(tx, { studioId, kind: "contract.sent", to, params: { contractId: contract.id } });
  return { jobId: contract.jobId, token: linkToken("contract", contract.id, contract.linkVersion) };
}

/**
 * Called while a proposal is sent: its draft contract is frozen in the same transaction and
 * reached through the proposal's own link, so it has no link of its own.
 */
export async function sendContractWithProposal(
  tx: Tx,
  {
    studioId,
    proposalId,
    actor,
    expiresAt,
    now = new Date(),
  }: Tenant & { proposalId: string; actor: StudioActor; expiresAt: Date; now?: Date },
) {
  const attached = await tx.contract.findFirst({ where: { proposalId, studioId }, select: { id: true } });
  if (!attached) return null;
  const contract = await lockContract(tx, { studioId, contractId: attached.id });
  if (contract.status !== "DRAFT") return null;
  const frozen = await freeze(tx, contract, now);
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: { status: "SENT", ...frozen, linkExpiresAt: expiresAt, sentAt: now },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId: contract.id,
    action: "sent",
    actor: studioActor(actor),
    at: now,
    details: { documentHash: frozen.documentHash, to: contract.job.contact.email, with: "proposal" },
  });
  return { title: contract.title };
}

/** A fresh link (the old one stops working) emailed again, and the reminder clock restarts. */
export async function resendContract(
  tx: Tx,
  { studioId, contractId, actor, now = new Date() }: Tenant & { contractId: string; actor: StudioActor; now?: Date },
) {
  const contract = await lockContract(tx, { studioId, contractId });
  if (contract.status === "DRAFT") throw new AppError("CONFLICT", "This contract has not been sent yet.");
  if (contract.status === "VOIDED")
    throw new AppError("CONFLICT", "This contract was voided. Create a new one to send.");
  if (isSignedByClient(contract.status)) throw new AppError("CONFLICT", "The client already signed this contract.");
  if (!contract.tokenHash)
    throw new AppError(
      "CONFLICT",
      "This contract went out with a proposal; the client signs it from the proposal's link.",
    );
  const to = contract.job.contact.email;
  if (!to)
    throw new AppError("VALIDATION", `${contract.job.contact.name} has no email address to send the contract to.`);
  // A new link version: the link in every earlier email stops working.
  const linkVersion = contract.linkVersion + 1;
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: {
      tokenHash: linkTokenHash("contract", contract.id, linkVersion),
      linkVersion,
      linkExpiresAt: linkExpiry(now, contract.studio.timeZone),
      sentAt: now,
    },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId,
    action: "re-sent",
    actor: studioActor(actor),
    at: now,
    details: { to },
  });
  await queueEmail(tx, { studioId, kind: "contract.sent", to, params: { contractId: contract.id, isReminder: true } });
  return { jobId: contract.jobId };
}

/** Withdraws a contract that is not fully signed; its link then says it was voided. */
export async function voidContract(
  tx: Tx,
  { studioId, contractId, actor, now = new Date() }: Tenant & { contractId: string; actor: string; now?: Date },
) {
  const contract = await lockContract(tx, { studioId, contractId });
  if (contract.status === "VOIDED") throw new AppError("CONFLICT", "This contract was already voided.");
  if (contract.status === "COUNTERSIGNED") throw new AppError("CONFLICT", "A fully signed contract cannot be voided.");
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: { status: "VOIDED", voidedAt: now },
    select: { id: true },
  });
  await appendAuditEntry(tx, { studioId, contractId, action: "voided", actor, at: now });
  return { jobId: contract.jobId };
}

// ---------------------------------------------------------------------------------------------
// The client's side: by the link's token, or through the proposal it came with

async function findByToken(tx: Tx, token: string) {
  const link = await findLink(tx, token);
  return link && tx.contract.findUnique({ where: { studioId_tokenHash: link }, select: { id: true, studioId: true } });
}

/** The first time the client opens the contract: "viewed", once. Later views change nothing. */
export async function recordContractView(
  tx: Tx,
  { token, origin, now = new Date() }: { token: string; origin: RequestOrigin; now?: Date },
) {
  const found = await findByToken(tx, token);
  if (!found) return { changed: false as const };
  const { id, studioId } = found;
  const contract = await lockContract(tx, { studioId, contractId: id });
  if (contract.status !== "SENT" || (contract.linkExpiresAt && contract.linkExpiresAt <= now))
    return { changed: false as const };
  await tx.contract.update({
    where: { id, studioId },
    data: { status: "VIEWED", viewedAt: now },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId: id,
    action: "viewed",
    actor: clientActor(contract.job.contact.name),
    at: now,
    ...origin,
  });
  return { changed: true as const, jobId: contract.jobId, contractId: id };
}

type ClientSignature = { documentHash: string; name: string; signature?: string };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readDrawnSignature(dataUrl: string | undefined): Uint8Array<ArrayBuffer> | null {
  if (!dataUrl) return null;
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
  if (bytes.length < 64 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      signature: ["That drawing could not be read. Clear it and draw again."],
    });
  }
  return new Uint8Array(bytes);
}

async function applyClientSignature(
  tx: Tx,
  contract: LockedContract,
  { input, origin, now }: { input: ClientSignature; origin: RequestOrigin; now: Date },
) {
  const refusal = whyUnsignable(
    { ...contract, studioName: contract.studio.name, timeZone: contract.studio.timeZone },
    now,
  );
  if (refusal) throw new AppError("CONFLICT", refusal);
  if (input.documentHash !== contract.documentHash) {
    throw new AppError(
      "CONFLICT",
      "This contract changed after you opened it. Reload the page and read the current version before signing.",
    );
  }
  const image = readDrawnSignature(input.signature);
  const signature = await tx.contractSignature.create({
    data: {
      studioId: contract.studioId,
      contractId: contract.id,
      role: "CLIENT",
      name: input.name,
      signedAt: now,
      ...origin,
      userAgent: origin.userAgent.slice(0, 400),
      image,
      documentHash: contract.documentHash!,
    },
  });
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: { status: "SIGNED", signedAt: now },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId: contract.studioId,
    contractId: contract.id,
    action: "signed",
    actor: clientActor(input.name),
    at: now,
    ...origin,
    details: signatureFingerprint(signature),
  });
  await notify(tx, {
    studioId: contract.studioId,
    kind: "contract.signed",
    message: `${input.name} signed the contract for ${contract.job.title}`,
    link: contractPath(contract.jobId, contract.id),
  });
  await queueWebhookEvent(tx, {
    studioId: contract.studioId,
    type: "contract.signed",
    data: {
      id: contract.id,
      jobId: contract.jobId,
      title: contract.title,
      signedAt: now.toISOString(),
      signerName: input.name,
      documentHash: contract.documentHash!,
    },
  });
  if (contract.studio.countersignAutomatically) {
    const owners = await tx.user.findMany({
      where: { studioId: contract.studioId, role: "OWNER", removedAt: null },
      select: { email: true },
    });
    await applyStudioSignature(
      tx,
      { ...contract, status: "SIGNED" },
      {
        name: contract.studio.name,
        userId: null,
        origin,
        now,
        isAutomatic: true,
        recipients: owners.map((o) => o.email),
      },
    );
  }
  return {
    studioId: contract.studioId,
    jobId: contract.jobId,
    contractId: contract.id,
    isFullySigned: contract.studio.countersignAutomatically,
  };
}

/** The client signs from the contract's own link. */
export async function signContract(
  tx: Tx,
  {
    token,
    input,
    origin,
    now = new Date(),
  }: { token: string; input: ClientSignature; origin: RequestOrigin; now?: Date },
) {
  const found = await findByToken(tx, token);
  if (!found) throw new AppError("NOT_FOUND", CONTRACT_LINK_NOT_VALID);
  const contract = await lockContract(tx, { studioId: found.studioId, contractId: found.id });
  return applyClientSignature(tx, contract, { input, origin, now });
}

const clientSignatureSchema = z.object(clientSignatureFields);

/**
 * The client accepted a proposal that carries a contract: they sign it in the same transaction,
 * so either both the acceptance and the signature are saved or neither is.
 */
export async function signContractWithProposal(
  tx: Tx,
  {
    studioId,
    proposalId,
    fields,
    origin,
    now = new Date(),
  }: Tenant & { proposalId: string; fields: unknown; origin: RequestOrigin; now?: Date },
) {
  const attached = await tx.contract.findFirst({ where: { proposalId, studioId }, select: { id: true } });
  if (!attached) return null;
  const parsed = clientSignatureSchema.safeParse(fields);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", fieldErrors);
  }
  const contract = await lockContract(tx, { studioId, contractId: attached.id });
  return applyClientSignature(tx, contract, { input: parsed.data, origin, now });
}

/** A declined proposal takes its unsigned contract with it. */
export async function voidContractWithProposal(
  tx: Tx,
  {
    studioId,
    proposalId,
    clientName,
    now = new Date(),
  }: Tenant & { proposalId: string; clientName: string; now?: Date },
) {
  const attached = await tx.contract.findFirst({
    where: { proposalId, studioId, status: { in: ["SENT", "VIEWED"] } },
    select: { id: true },
  });
  if (!attached) return;
  await voidContract(tx, {
    studioId,
    contractId: attached.id,
    actor: `${clientActor(clientName)}, declining the proposal`,
    now,
  });
}

// ---------------------------------------------------------------------------------------------
// The studio's countersignature

async function applyStudioSignature(
  tx: Tx,
  contract: LockedContract,
  {
    name,
    userId,
    origin,
    now,
    isAutomatic,
    recipients,
  }: {
    name: string;
    userId: string | null;
    origin: RequestOrigin;
    now: Date;
    isAutomatic: boolean;
    recipients: string[];
  },
) {
  if (contract.status === "COUNTERSIGNED") throw new AppError("CONFLICT", "This contract is already fully signed.");
  if (contract.status === "VOIDED")
    throw new AppError("CONFLICT", "This contract was voided and can no longer be signed.");
  if (contract.status !== "SIGNED")
    throw new AppError("CONFLICT", "The client has not signed this contract yet. You countersign after they do.");
  if (!contract.html || sha256(contract.html) !== contract.documentHash)
    throw new AppError(
      "CONFLICT",
      "This contract was changed after it was sent, so it cannot be countersigned. Open Verify to see what changed.",
    );
  const signature = await tx.contractSignature.create({
    data: {
      studioId: contract.studioId,
      contractId: contract.id,
      role: "STUDIO",
      name,
      userId,
      signedAt: now,
      ...origin,
      userAgent: origin.userAgent.slice(0, 400),
      documentHash: contract.documentHash!,
    },
  });
  await tx.contract.update({
    where: { id: contract.id, studioId: contract.studioId },
    data: { status: "COUNTERSIGNED", countersignedAt: now },
    select: { id: true },
  });
  await appendAuditEntry(tx, {
    studioId: contract.studioId,
    contractId: contract.id,
    action: "countersigned",
    actor: isAutomatic ? `${name} (studio, automatically)` : `${name} (studio)`,
    at: now,
    ...origin,
    details: { ...signatureFingerprint(signature), ...(isAutomatic ? { automatic: true } : {}) },
  });
  // Both sides get the signed PDF, built by the worker from the frozen rows when it sends.
  const contact = contract.job.contact;
  if (contact.email)
    await queueEmail(tx, {
      studioId: contract.studioId,
      kind: "contract.signed",
      to: contact.email,
      params: { contractId: contract.id, audience: "client" },
    });
  for (const to of new Set(recipients)) {
    await queueEmail(tx, {
      studioId: contract.studioId,
      kind: "contract.signed",
      to,
      params: { contractId: contract.id, audience: "studio" },
    });
  }
}

export async function countersignContract(
  tx: Tx,
  {
    studioId,
    contractId,
    user,
    name,
    origin,
    now = new Date(),
  }: Tenant & {
    contractId: string;
    user: StudioActor & { email: string };
    name: string;
    origin: RequestOrigin;
    now?: Date;
  },
) {
  const contract = await lockContract(tx, { studioId, contractId });
  await applyStudioSignature(tx, contract, {
    name,
    userId: user.id,
    origin,
    now,
    isAutomatic: false,
    recipients: [user.email],
  });
  return { jobId: contract.jobId };
}
