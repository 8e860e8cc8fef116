import { NextResponse, type NextRequest } from "next/server";
import { isSignedByClient } from "@/lib/contracts/document";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { pdfResponse } from "@/lib/contracts/pdf-response";
import { findContractDocumentByToken } from "@/lib/contracts/queries";
import { contractToken } from "@/lib/contracts/schemas";
import { readConfirmingMiss } from "@/lib/db";

/** The signed PDF for the client, by the link's token, once they have signed. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const token = contractToken.safeParse((await params).token);
  if (!token.success) return new NextResponse("Not found", { status: 404 });
  // Right after signing, this replica may not have the signature yet: an unsigned one is a miss.
  const document = await readConfirmingMiss(async (db) => {
    const found = await findContractDocumentByToken(db, { token: token.data });
    return found && isSignedByClient(found.status) ? found : null;
  });
  if (!document) return new NextResponse("Not found", { status: 404 });
  return pdfResponse(document.title, await renderContractPdf(document));
}
