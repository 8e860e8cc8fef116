import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/guards";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { findContractDocument } from "@/lib/contracts/queries";
import { readDb } from "@/lib/db";
import { pdfResponse } from "@/lib/contracts/pdf-response";

/** The contract as a PDF for the studio: signed in, and only this studio's contracts. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string; contractId: string }> }) {
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/sign-in", request.url));
  const { id, contractId } = await params;
  const document = user.studioId
    ? await findContractDocument(await readDb(), { studioId: user.studioId, contractId: contractId.slice(0, 64) })
    : null;
  if (!document || document.jobId !== id || !document.html) return new NextResponse("Not found", { status: 404 });
  return pdfResponse(document.title, await renderContractPdf(document));
}
