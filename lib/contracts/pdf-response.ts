import { NextResponse } from "next/server";

/** A PDF download: named after the contract, never cached by a shared cache. */
export function pdfResponse(title: string, pdf: Buffer): NextResponse {
  const filename = `${title.replace(/[^\w\- ]+/g, "").trim().replace(/\s+/g, "-") || "contract"}.pdf`;
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
