import { NextResponse, type NextRequest } from "next/server";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { pdfResponse } from "@/lib/contracts/pdf-response";
import { findContractDocumentByToken } from "@/lib/contracts/queries";
import { contractToken } from "@/lib/contracts/schemas";
import { dbForHost, readDb } from "@/lib/db";

/** The signed PDF for the client, by the link's token, once they have signed. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const token = contractToken.safeParse((await params).token);
  if (!token.success) return new NextResponse("Not found", { status: 404 });
  // Right after signing, this replica may not have the signature yet: confirm on the primary.
  const isSigned = (d: Awaited<ReturnType<typeof findContractDocumentByToken>>) =>
    d?.status === "SIGNED" || d?.status === "COUNTERSIGNED";
  let document = await findContractDocumentByToken(await readDb(), { token: token.data });
  if (!isSigned(document)) document = await findContractDocumentByToken(dbForHost("primary"), { token: token.data });
  if (!document || !isSigned(document)) return new NextResponse("Not found", { status: 404 });
  return pdfResponse(document.title, await renderContractPdf(document));
}
