import { NextResponse, type NextRequest } from "next/server";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { pdfResponse } from "@/lib/contracts/pdf-response";
import { findContractDocumentForProposal } from "@/lib/contracts/queries";
import { dbForHost } from "@/lib/db";
import { findProposalForClient } from "@/lib/proposals/queries";
import { proposalToken } from "@/lib/proposals/schemas";

/** The signed contract that came with a proposal, for its client, by the proposal's token. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const token = proposalToken.safeParse((await params).token);
  if (!token.success) return new NextResponse("Not found", { status: 404 });
  // A download right after signing: read where the signature certainly is.
  const db = dbForHost("primary");
  const proposal = await findProposalForClient(db, { token: token.data });
  const document = proposal
    ? await findContractDocumentForProposal(db, { studioId: proposal.studioId, proposalId: proposal.id })
    : null;
  if (!document || (document.status !== "SIGNED" && document.status !== "COUNTERSIGNED"))
    return new NextResponse("Not found", { status: 404 });
  return pdfResponse(document.title, await renderContractPdf(document));
}
