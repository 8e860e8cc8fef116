import nodemailer from "nodemailer";

// What the recipient's mail server sends back when it cannot deliver an email it accepted: a
// delivery status notification (RFC 3464), to the email's envelope sender, from an empty one.

export type ReportOptions = { action?: string; status?: string; diagnostic?: string };

/** The report as mail servers write it: a human part, then the machine-readable fields. */
export function deliveryReport(
  { recipient, bounceAddress }: { recipient: string; bounceAddress: string },
  {
    action = "failed",
    status = "5.1.1",
    diagnostic = `550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`,
  }: ReportOptions = {},
): string {
  const boundary = `report-${Math.random().toString(36).slice(2)}`;
  return [
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>",
    `To: ${bounceAddress}`,
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "I'm sorry to have to inform you that your message could not be delivered.",
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.com",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** Delivers `raw` over SMTP to `rcpt` at the bounce receiver on `port`, as a mail server would. */
export async function sendToBounceReceiver(port: number, rcpt: string, raw: string) {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ envelope: { from: "", to: [rcpt] }, raw });
  } finally {
    transport.close();
  }
}
