import { randomUUID } from "node:crypto";
import { appendAuditEntry, sha256, signatureFingerprint } from "../../lib/contracts/audit";
import { type Tx } from "../../lib/db";
import { renderTemplate } from "../../lib/templates/engine";
import { buildJobTemplateValues } from "../../lib/templates/job-values";
import { hashToken, linkToken } from "../../lib/tokens";
import { createContractTemplate } from "../../prisma/factories";
import { testDb } from "../fixtures";

// Contracts at a given point of their story, made the way the app makes them (the real engine
// renders the frozen text, the real audit trail chains the entries, the link is the derived one),
// so each spec tells one part of the story without replaying the parts before it.

export const AGREEMENT_BODY =
  "<p>This agreement is between {{studio.name}} and {{client.name}} for {{job.title}}, with {{custom.coverage_hours}} hours of coverage. Total fee: {{proposal.total}}</p>";

const CLIENT_PHONE = {
  ipAddress: "203.0.113.24",
  userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1",
};

export type SentContract = { id: string; title: string; documentHash: string; token: string };

/** A contract sent to the job's client from a one-version template: its link works as the emailed one would. */
export async function createSentContract({
  studioId,
  jobId,
  owner,
}: {
  studioId: string;
  jobId: string;
  owner: { id: string; name: string };
}): Promise<SentContract> {
  const title = "Wedding Photography Agreement";
  const template = await createContractTemplate(testDb(), {
    studioId,
    name: title,
    body: AGREEMENT_BODY,
    authorId: owner.id,
  });
  const version = await testDb().contractTemplateVersion.findFirstOrThrow({
    where: { templateId: template.id },
    select: { id: true, body: true },
  });
  const id = randomUUID();
  const token = linkToken("contract", id, 0);
  const customValues = { "custom.coverage_hours": "eight" };
  const now = new Date();
  return testDb().$transaction(async (prismaTx) => {
    const tx = prismaTx as unknown as Tx;
    const values = await buildJobTemplateValues(tx, { studioId, jobId, now });
    const { html } = renderTemplate(version.body, { context: "job", values: { ...values, ...customValues } });
    const documentHash = sha256(html);
    await prismaTx.contract.create({
      data: {
        id,
        studioId,
        jobId,
        templateVersionId: version.id,
        title,
        body: version.body,
        customValues,
        status: "SENT",
        html,
        documentHash,
        tokenHash: hashToken(token),
        linkExpiresAt: new Date(now.getTime() + 30 * 86_400_000),
        sentAt: now,
      },
    });
    const actor = `${owner.name} (studio)`;
    await appendAuditEntry(tx, {
      studioId,
      contractId: id,
      action: "created",
      actor,
      at: now,
      details: { template: title, version: 1 },
    });
    await appendAuditEntry(tx, { studioId, contractId: id, action: "sent", actor, at: now, details: { documentHash } });
    return { id, title, documentHash, token };
  });
}

/** A sent contract the client has signed (from a phone), waiting for the studio's signature. */
export async function createClientSignedContract(input: {
  studioId: string;
  jobId: string;
  owner: { id: string; name: string };
  clientName: string;
}) {
  const contract = await createSentContract(input);
  const { studioId, clientName } = input;
  await testDb().$transaction(async (prismaTx) => {
    const tx = prismaTx as unknown as Tx;
    const viewedAt = new Date();
    await appendAuditEntry(tx, {
      studioId,
      contractId: contract.id,
      action: "viewed",
      actor: `${clientName} (client)`,
      at: viewedAt,
      ...CLIENT_PHONE,
    });
    const signed = await prismaTx.contractSignature.create({
      data: {
        studioId,
        contractId: contract.id,
        role: "CLIENT",
        name: clientName,
        signedAt: new Date(),
        ...CLIENT_PHONE,
        documentHash: contract.documentHash,
      },
    });
    await appendAuditEntry(tx, {
      studioId,
      contractId: contract.id,
      action: "signed",
      actor: `${clientName} (client)`,
      at: signed.signedAt,
      ...CLIENT_PHONE,
      details: signatureFingerprint(signed),
    });
    await prismaTx.contract.update({
      where: { id: contract.id },
      data: { status: "SIGNED", viewedAt, signedAt: signed.signedAt },
    });
  });
  return contract;
}
