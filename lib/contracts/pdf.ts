import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { formatDateTime } from "@/lib/calendar/zoned";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/contracts/audit";
import { type ContractDocument } from "@/lib/contracts/queries";
import { htmlToBlocks, type TextRun } from "@/lib/templates/html";

// The signed PDF, made without a browser: the frozen text (headings, paragraphs, lists), the
// signatures, and a last page with the audit trail and the document hash. DejaVu fonts are
// embedded (subset) so every client's name prints as typed, whatever its alphabet.

// Literal `new URL(…, import.meta.url)` references: Next.js copies exactly these files into the
// build, and under Node or tsx they are the package's own files. Turned into paths only when a PDF
// is made (by `href`: the build evaluates modules where URL may be another realm's class).
const FONTS = {
  regular: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", import.meta.url),
  bold: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", import.meta.url),
  italic: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf", import.meta.url),
  boldItalic: new URL("../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf", import.meta.url),
};

const SIZES = { 1: 18, 2: 15, 3: 13 } as const;
const BODY = 10.5;
const MUTED = "#475569";

type Doc = PDFKit.PDFDocument;

function fontFor(run: TextRun, forceBold = false) {
  const bold = forceBold || run.bold;
  return bold && run.italic ? "boldItalic" : bold ? "bold" : run.italic ? "italic" : "regular";
}

function writeRuns(
  doc: Doc,
  runs: TextRun[],
  options: { x?: number; y?: number; width?: number; bold?: boolean; size: number },
) {
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    doc
      .font(fontFor(run, options.bold))
      .fontSize(options.size)
      .fillColor(run.href ? "#1d4ed8" : "black");
    const textOptions = {
      continued: !last,
      underline: Boolean(run.underline || run.href),
      link: run.href || undefined,
      width: options.width,
      lineGap: 2,
    };
    if (i === 0 && options.x !== undefined) doc.text(run.text, options.x, options.y, textOptions);
    else doc.text(run.text, textOptions);
  });
  doc.fillColor("black");
}

function writeBody(doc: Doc, html: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const block of htmlToBlocks(html)) {
    if (block.kind === "heading") {
      doc.moveDown(0.6);
      writeRuns(doc, block.runs, { size: SIZES[block.level], bold: true, x: left, width });
      doc.moveDown(0.3);
    } else if (block.kind === "paragraph") {
      writeRuns(doc, block.runs, { size: BODY, x: left, width });
      doc.moveDown(0.6);
    } else {
      block.items.forEach((item, i) => {
        const y = doc.y;
        doc
          .font("regular")
          .fontSize(BODY)
          .text(block.ordered ? `${i + 1}.` : "•", left + 4, y, { width: 18 });
        writeRuns(doc, item, { size: BODY, x: left + 22, y, width: width - 22 });
        doc.moveDown(0.2);
      });
      doc.x = left;
      doc.moveDown(0.4);
    }
  }
}

const ROLE_LABELS: Record<string, string> = { CLIENT: "Client", STUDIO: "Studio" };

function writeLine(doc: Doc, label: string, value: string) {
  doc
    .font("bold")
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${label}: `, { continued: true })
    .font("regular")
    .fillColor("black")
    .text(value);
}

/** The signed contract as a PDF. */
export function renderContractPdf(document: ContractDocument): Promise<Buffer> {
  const tz = document.studio.timeZone;
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: 60, bottom: 60, left: 64, right: 64 },
    info: {
      Title: document.title,
      Author: document.studio.name,
      Subject: `${document.job.title}: ${document.job.contact.name}`,
      Creator: "ShootQ",
    },
  });
  for (const [name, url] of Object.entries(FONTS)) doc.registerFont(name, fileURLToPath(url.href));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("bold").fontSize(9).fillColor(MUTED).text(document.studio.name.toUpperCase(), { characterSpacing: 1 });
  doc.font("bold").fontSize(20).fillColor("black").text(document.title);
  doc
    .font("regular")
    .fontSize(10)
    .fillColor(MUTED)
    .text(`For ${document.job.contact.name} · ${document.job.title}`)
    .fillColor("black");
  doc.moveDown(1.2);
  writeBody(doc, document.html ?? "");

  doc.moveDown(1);
  doc.font("bold").fontSize(SIZES[2]).text("Signatures");
  doc.moveDown(0.4);
  if (document.signatures.length === 0) doc.font("italic").fontSize(BODY).text("Not signed yet.");
  for (const signature of document.signatures) {
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc
      .font("bold")
      .fontSize(BODY)
      .text(`${ROLE_LABELS[signature.role] ?? signature.role}: ${signature.name}`);
    if (signature.image) {
      doc.image(Buffer.from(signature.image), { fit: [200, 70] });
      doc.moveDown(0.2);
    }
    writeLine(doc, "Signed electronically", formatDateTime(signature.signedAt, tz));
    writeLine(doc, "From", `${signature.ipAddress} · ${signature.userAgent}`);
    doc.moveDown(0.8);
  }

  doc.addPage();
  doc.font("bold").fontSize(SIZES[1]).text("Audit trail");
  doc.moveDown(0.4);
  writeLine(doc, "Document", `${document.title} (${document.job.title})`);
  writeLine(doc, "Document hash (SHA-256)", document.documentHash ?? "not sent");
  writeLine(doc, "Times in", tz);
  doc.moveDown(0.8);
  for (const entry of document.auditEntries) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    const action = AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action;
    doc
      .font("bold")
      .fontSize(BODY)
      .text(`${entry.seq}. ${action} · ${formatDateTime(entry.at, tz)}`);
    writeLine(doc, "By", entry.actor);
    if (entry.ipAddress) writeLine(doc, "From", `${entry.ipAddress}${entry.userAgent ? ` · ${entry.userAgent}` : ""}`);
    writeLine(doc, "Entry hash", entry.hash);
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
