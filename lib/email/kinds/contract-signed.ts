import { z } from "zod";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { contractPdfFilename, findContractDocument } from "@/lib/contracts/queries";
import { defineEmailKind } from "@/lib/email/kind";
import { linkToken } from "@/lib/tokens";
import { contractUrl, jobContractUrl, proposalUrl } from "@/lib/urls";

const contractSignedParams = z.object({ contractId: z.string(), audience: z.enum(["client", "studio"]) });

/** The fully signed contract, to the client or to the studio, with the signed PDF built at send time. */
export const contractSigned = defineEmailKind({
  params: contractSignedParams,
  async render({ tx, origin, studioId }, { contractId, audience }) {
    const contract = await tx.contract.findFirst({
      where: { id: contractId, studioId: studioId ?? undefined, status: "COUNTERSIGNED" },
      select: {
        id: true,
        jobId: true,
        title: true,
        documentHash: true,
        tokenHash: true,
        linkVersion: true,
        studio: { select: { name: true } },
        proposal: { select: { id: true, tokenHash: true } },
        job: { select: { title: true, brand: { select: { name: true } }, contact: { select: { name: true } } } },
      },
    });
    if (!contract) return null;
    const { studio, job } = contract;
    const hashLine = `Document hash (SHA-256): ${contract.documentHash}`;
    if (audience === "studio") {
      return {
        subject: `Fully signed: ${contract.title} (${job.title})`,
        text: [
          `${job.contact.name} and ${studio.name} have both signed “${contract.title}” for ${job.title}.`,
          "The signed PDF is attached; it is also here:",
          jobContractUrl(origin, contract.jobId, contract.id),
          hashLine,
        ].join("\n"),
      };
    }
    const clientLink = contract.tokenHash
      ? contractUrl(origin, linkToken("contract", contract.id, contract.linkVersion))
      : contract.proposal?.tokenHash
        ? proposalUrl(origin, linkToken("proposal", contract.proposal.id))
        : null;
    return {
      sender: job.brand.name,
      subject: `Your signed contract with ${studio.name}: ${contract.title}`,
      text: [
        `Hi ${job.contact.name},`,
        "",
        `Your contract for ${job.title} is now signed by you and by ${studio.name}. The signed PDF, with its audit page, is attached.`,
        ...(clientLink ? ["You can also download it here:", clientLink] : []),
        hashLine,
      ].join("\n"),
    };
  },
  async attachments({ tx, studioId }, { contractId }) {
    if (!studioId) return [];
    const document = await findContractDocument(tx, { studioId, contractId });
    if (!document || document.status !== "COUNTERSIGNED") return [];
    return [
      {
        filename: contractPdfFilename(document.title),
        contentType: "application/pdf",
        content: await renderContractPdf(document),
      },
    ];
  },
});
