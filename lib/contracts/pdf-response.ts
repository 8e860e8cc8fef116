import { NextResponse } from "next/server";
import { contractPdfFilename } from "@/lib/contracts/queries";

/** A PDF download: named after the contract, never cached by a shared cache. */
export function pdfResponse(title: string, pdf: Buffer): NextResponse {
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${contractPdfFilename(title)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
