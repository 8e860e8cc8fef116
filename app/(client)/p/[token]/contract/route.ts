import { NextResponse, type NextRequest } from "next/server";
import { isSignedByClient } from "@/lib/contracts/document";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { pdfResponse } from "@/lib/contracts/pdf-response";
import { findContractDocumentForProposal } from "@/lib/contracts/queries";
import { readConfirmingMiss } from "@/lib/db";
import { findProposalForClient } from "@/lib/proposals/queries";
import { proposalToken } from "@/lib/proposals/schemas";

/** The signed contract that came with a proposal, for its client, by the proposal's token. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const token = proposalToken.safeParse((await params).token);
  if (!token.success) return new NextResponse("Not found", { status: 404 });
  // A download right after signing: this replica may not have the signature yet, an unsigned one is a miss.
  const document = await readConfirmingMiss(async (db) => {
    const proposal = await findProposalForClient(db, { token: token.data });
    if (!proposal) return null;
    const found = await findContractDocumentForProposal(db, { studioId: proposal.studioId, proposalId: proposal.id });
    return found && isSignedByClient(found.status) ? found : null;
  });
  if (!document) return new NextResponse("Not found", { status: 404 });
  return pdfResponse(document.title, await renderContractPdf(document));
}
