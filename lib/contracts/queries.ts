import { verifyContractRecords } from "@/lib/contracts/audit";
import { type Db } from "@/lib/db";
import { modelsOf, type Reader } from "@/lib/reader";
import { findLink } from "@/lib/link-directory";

type Tenant = { studioId: string };

export function findContractTemplates(db: Db, { studioId }: Tenant) {
  return db.contractTemplate.findMany({
    where: { studioId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      updatedAt: true,
      brand: { select: { name: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
    },
  });
}

/** A template with its latest text and every version's number, author and date. */
export async function findContractTemplate(db: Db, { studioId, templateId }: Tenant & { templateId: string }) {
  const template = await db.contractTemplate.findFirst({
    where: { id: templateId, studioId },
    select: {
      id: true,
      name: true,
      brandId: true,
      versions: {
        orderBy: { number: "desc" },
        take: 500,
        select: { id: true, number: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!template || template.versions.length === 0) return null;
  const latest = await db.contractTemplateVersion.findFirstOrThrow({
    where: { id: template.versions[0].id, studioId },
    select: { body: true },
  });
  return { ...template, body: latest.body };
}

/** Two versions' texts, for the "what changed" view; null when either is not this template's. */
export async function findTemplateVersionPair(
  db: Db,
  { studioId, templateId, from, to }: Tenant & { templateId: string; from: number; to: number },
) {
  const versions = await db.contractTemplateVersion.findMany({
    where: { studioId, templateId, number: { in: [from, to] } },
    select: { number: true, body: true },
  });
  const older = versions.find((v) => v.number === from);
  const newer = versions.find((v) => v.number === to);
  return older && newer ? { from: older, to: newer } : null;
}

/** Templates offered for a job: the studio-wide ones and those of the job's brand. */
export function findTemplatesForJob(db: Db, { studioId, brandId }: Tenant & { brandId: string }) {
  return db.contractTemplate.findMany({
    where: { studioId, OR: [{ brandId: null }, { brandId }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true },
  });
}

/** A contract as the job page lists it. */
const contractSummarySelect = {
  id: true,
  jobId: true,
  title: true,
  status: true,
  sentAt: true,
  signedAt: true,
  countersignedAt: true,
  voidedAt: true,
  createdAt: true,
  proposal: { select: { title: true } },
} as const;

export function findJobContracts(db: Db, { studioId, jobId }: Tenant & { jobId: string }) {
  return db.contract.findMany({
    where: { studioId, jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: contractSummarySelect,
  });
}

export function findContractSummary(db: Db, { studioId, contractId }: Tenant & { contractId: string }) {
  return db.contract.findFirst({ where: { id: contractId, studioId }, select: contractSummarySelect });
}

/** A contract's own columns that both its page and every change to it read. */
export const contractRowSelect = {
  id: true,
  studioId: true,
  jobId: true,
  proposalId: true,
  title: true,
  body: true,
  customValues: true,
  status: true,
  html: true,
  documentHash: true,
  tokenHash: true,
  linkVersion: true,
  linkExpiresAt: true,
} as const;

/** Everything the contract page shows, for the studio. The drawn signatures' bytes stay in the database. */
export function findContract(db: Db, { studioId, jobId, contractId }: Tenant & { jobId: string; contractId: string }) {
  return db.contract.findFirst({
    where: { id: contractId, jobId, studioId },
    select: {
      ...contractRowSelect,
      sentAt: true,
      viewedAt: true,
      signedAt: true,
      countersignedAt: true,
      voidedAt: true,
      createdAt: true,
      templateVersion: { select: { number: true, template: { select: { id: true, name: true } } } },
      proposal: { select: { id: true, title: true, status: true } },
      job: {
        select: {
          title: true,
          contact: { select: { name: true, email: true } },
          proposals: {
            where: { studioId, status: "DRAFT" },
            orderBy: { createdAt: "desc" },
            take: 50,
            select: { id: true, title: true },
          },
        },
      },
      signatures: {
        orderBy: { signedAt: "asc" },
        select: { id: true, role: true, name: true, signedAt: true, ipAddress: true, userAgent: true },
      },
      auditEntries: {
        orderBy: { seq: "asc" },
        take: 500,
        select: { seq: true, action: true, actor: true, at: true, ipAddress: true },
      },
    },
  });
}

const documentSelect = {
  id: true,
  studioId: true,
  jobId: true,
  title: true,
  status: true,
  html: true,
  documentHash: true,
  sentAt: true,
  job: { select: { title: true, contact: { select: { name: true } } } },
  studio: { select: { name: true, timeZone: true } },
  signatures: {
    orderBy: { signedAt: "asc" as const },
    select: {
      id: true,
      role: true,
      name: true,
      signedAt: true,
      ipAddress: true,
      userAgent: true,
      documentHash: true,
      image: true,
    },
  },
  auditEntries: {
    orderBy: { seq: "asc" as const },
    take: 1000,
    select: {
      contractId: true,
      seq: true,
      action: true,
      actor: true,
      ipAddress: true,
      userAgent: true,
      details: true,
      at: true,
      prevHash: true,
      hash: true,
    },
  },
};

/** The frozen document with its signatures and full trail: for the PDF and for Verify. */
export function findContractDocument(db: Reader, { studioId, contractId }: Tenant & { contractId: string }) {
  return modelsOf(db).contract.findFirst({ where: { id: contractId, studioId }, select: documentSelect });
}

/** The same, for the client, by the link's token. */
export async function findContractDocumentByToken(db: Db, { token }: { token: string }) {
  const link = await findLink(db, token);
  return link && db.contract.findUnique({ where: { studioId_tokenHash: link }, select: documentSelect });
}

export function findContractDocumentForProposal(db: Db, { studioId, proposalId }: Tenant & { proposalId: string }) {
  return db.contract.findFirst({ where: { proposalId, studioId }, select: documentSelect });
}

/** The signed PDF's file name: the contract's title, safe for a header and a mail client. */
export const contractPdfFilename = (title: string) =>
  `${
    title
      .replace(/[^\w\- ]+/g, "")
      .trim()
      .replace(/\s+/g, "-") || "contract"
  }.pdf`;

export type ContractDocument = NonNullable<Awaited<ReturnType<typeof findContractDocument>>>;

export function verifyContractDocument(document: ContractDocument) {
  return verifyContractRecords(document, document.auditEntries, document.signatures);
}

/** A contract as its client sees it, by its link's token. Drafts have no token and are never found. */
export async function findContractForClient(db: Db, { token }: { token: string }) {
  const link = await findLink(db, token);
  if (!link) return null;
  return db.contract.findUnique({
    where: { studioId_tokenHash: link },
    select: {
      id: true,
      title: true,
      status: true,
      html: true,
      documentHash: true,
      linkExpiresAt: true,
      signedAt: true,
      countersignedAt: true,
      job: { select: { title: true, contact: { select: { name: true } } } },
      studio: { select: { name: true, timeZone: true } },
    },
  });
}

/** The contract a proposal carries, for the proposal's client page. */
export function findContractForProposal(db: Db, { studioId, proposalId }: Tenant & { proposalId: string }) {
  return db.contract.findFirst({
    where: { proposalId, studioId, status: { not: "DRAFT" } },
    select: {
      id: true,
      title: true,
      status: true,
      html: true,
      documentHash: true,
      linkExpiresAt: true,
      signedAt: true,
      countersignedAt: true,
    },
  });
}

export function findContractSettings(db: Db, { studioId }: Tenant) {
  return db.studio.findUnique({
    where: { id: studioId },
    select: { countersignAutomatically: true, contractReminderDays: true },
  });
}
