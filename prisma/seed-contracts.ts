import { appendAuditEntry, sha256, signatureFingerprint } from "../lib/contracts/audit.ts";
import { type Tx } from "../lib/db.ts";
import { renderTemplate } from "../lib/templates/engine.ts";
import { buildJobTemplateValues } from "../lib/templates/job-values.ts";
import { newRowWithLink } from "../lib/tokens.ts";
import { CONTRACT_TEMPLATE_BODY, newToken } from "./factories";
import { type Prisma } from "./generated/prisma/client";

type At = (day: number, hh: number, mm?: number) => Date;

const CLIENT_PHONE = {
  ipAddress: "203.0.113.24",
  userAgent:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
};
const STUDIO_DESK = {
  ipAddress: "198.51.100.12",
  userAgent:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
};

/**
 * The demo's contracts, made the way the app makes them (the real engine renders the text, the
 * real audit trail chains the entries): a template in two versions, a fully signed contract for
 * the Nguyen–Walsh wedding and one sent four days ago, still unsigned, for Rossi–Kim.
 */
export async function seedContracts(
  prismaTx: Prisma.TransactionClient,
  {
    studioId,
    owner,
    jobs,
    at,
  }: { studioId: string; owner: { id: string; name: string }; jobs: { nguyen: string; rossi: string }; at: At },
) {
  // The seed's client has no app-wide `omit`; the contract helpers only use model delegates.
  const tx = prismaTx as unknown as Tx;
  const template = await prismaTx.contractTemplate.create({
    data: {
      studioId,
      name: "Wedding Photography Agreement",
      createdAt: at(-120, 10),
      versions: {
        create: [
          {
            number: 1,
            body: CONTRACT_TEMPLATE_BODY.replace("within <em>eight weeks</em>", "within <em>ten weeks</em>"),
            authorId: owner.id,
            createdAt: at(-120, 10),
          },
          { number: 2, body: CONTRACT_TEMPLATE_BODY, authorId: owner.id, createdAt: at(-60, 16) },
        ],
      },
    },
    select: { versions: { where: { number: 2 }, select: { id: true, body: true } } },
  });
  const [version] = template.versions;

  async function contractFor(
    jobId: string,
    { sentDay, customValues }: { sentDay: number; customValues: Record<string, string> },
  ) {
    const proposal = await prismaTx.proposal.create({
      data: {
        studioId,
        jobId,
        title: "Full-Day Collection",
        depositCents: 150_000,
        status: "ACCEPTED",
        ...newRowWithLink("proposal"),
        expiresAt: at(sentDay + 14, 0),
        sentAt: at(sentDay - 2, 9),
        respondedAt: at(sentDay - 1, 20),
        createdAt: at(sentDay - 3, 15),
        items: {
          create: [
            {
              position: 0,
              description: "Eight hours of coverage, two photographers",
              quantity: 1,
              unitPriceCents: 520_000,
            },
            { position: 1, description: "Leather album, 30 spreads", quantity: 1, unitPriceCents: 120_000 },
          ],
        },
      },
      select: { id: true },
    });
    await prismaTx.booking.create({
      data: {
        studioId,
        jobId,
        proposalId: proposal.id,
        status: "CONFIRMED",
        createdAt: at(sentDay - 1, 20),
        confirmedAt: at(sentDay - 1, 21),
      },
    });
    const sentAt = at(sentDay, 11);
    const values = await buildJobTemplateValues(tx, { studioId, jobId, proposalId: proposal.id, now: sentAt });
    const { html } = renderTemplate(version.body, { context: "job", values: { ...values, ...customValues } });
    const contract = await prismaTx.contract.create({
      data: {
        studioId,
        jobId,
        templateVersionId: version.id,
        title: "Wedding Photography Agreement",
        body: version.body,
        customValues,
        status: "SENT",
        html,
        documentHash: sha256(html),
        // Matches no link (the demo never emailed one); "Re-send" issues a working one.
        tokenHash: sha256(newToken()),
        linkExpiresAt: at(sentDay + 31, 0),
        sentAt,
        createdAt: at(sentDay, 10, 30),
      },
      select: { id: true, documentHash: true },
    });
    const actor = `${owner.name} (studio)`;
    await appendAuditEntry(tx, {
      studioId,
      contractId: contract.id,
      action: "created",
      actor,
      at: at(sentDay, 10, 30),
      details: { template: "Wedding Photography Agreement", version: 2 },
    });
    await appendAuditEntry(tx, {
      studioId,
      contractId: contract.id,
      action: "sent",
      actor,
      at: sentAt,
      details: { documentHash: contract.documentHash },
    });
    return { id: contract.id, documentHash: contract.documentHash!, sentDay };
  }

  const nguyen = await contractFor(jobs.nguyen, { sentDay: -28, customValues: { "custom.coverage_hours": "ten" } });
  const clientName = "Grace Nguyen";
  await appendAuditEntry(tx, {
    studioId,
    contractId: nguyen.id,
    action: "viewed",
    actor: `${clientName} (client)`,
    at: at(-28, 11, 40),
    ...CLIENT_PHONE,
  });
  const signed = await prismaTx.contractSignature.create({
    data: {
      studioId,
      contractId: nguyen.id,
      role: "CLIENT",
      name: clientName,
      signedAt: at(-27, 20, 15),
      ...CLIENT_PHONE,
      documentHash: nguyen.documentHash,
    },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId: nguyen.id,
    action: "signed",
    actor: `${clientName} (client)`,
    at: signed.signedAt,
    ...CLIENT_PHONE,
    details: signatureFingerprint(signed),
  });
  const countersigned = await prismaTx.contractSignature.create({
    data: {
      studioId,
      contractId: nguyen.id,
      role: "STUDIO",
      name: owner.name,
      userId: owner.id,
      signedAt: at(-27, 21, 5),
      ...STUDIO_DESK,
      documentHash: nguyen.documentHash,
    },
  });
  await appendAuditEntry(tx, {
    studioId,
    contractId: nguyen.id,
    action: "countersigned",
    actor: `${owner.name} (studio)`,
    at: countersigned.signedAt,
    ...STUDIO_DESK,
    details: signatureFingerprint(countersigned),
  });
  await prismaTx.contract.update({
    where: { id: nguyen.id },
    data: {
      status: "COUNTERSIGNED",
      viewedAt: at(-28, 11, 40),
      signedAt: signed.signedAt,
      countersignedAt: countersigned.signedAt,
    },
  });

  const rossi = await contractFor(jobs.rossi, { sentDay: -4, customValues: { "custom.coverage_hours": "eight" } });
  await appendAuditEntry(tx, {
    studioId,
    contractId: rossi.id,
    action: "viewed",
    actor: "Isabella Rossi (client)",
    at: at(-3, 19, 5),
    ...CLIENT_PHONE,
  });
  await prismaTx.contract.update({ where: { id: rossi.id }, data: { status: "VIEWED", viewedAt: at(-3, 19, 5) } });

  return {
    contracts: 2,
    notification: {
      studioId,
      kind: "contract.signed",
      message: `${clientName} signed the contract for Nguyen–Walsh Wedding`,
      link: `/jobs/${jobs.nguyen}/contracts/${nguyen.id}`,
      createdAt: signed.signedAt,
    },
  };
}
