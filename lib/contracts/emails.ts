import { formatDateTime } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";

// Every email about a contract, in one place: when the outbox renders at send time, these
// become email kinds and the signed PDF an attachment built from the contract's id.

type Studio = { id: string; name: string; timeZone: string };

export async function queueContractLinkEmail(
  tx: Tx,
  { studio, to, clientName, title, jobTitle, link, expiresAt, isReminder }: { studio: Studio; to: string; clientName: string; title: string; jobTitle: string; link: string; expiresAt: Date; isReminder: boolean },
) {
  await queueEmail(tx, {
    studioId: studio.id,
    kind: isReminder ? "contract.resent" : "contract.sent",
    to,
    subject: `${isReminder ? "Reminder: please" : "Please"} sign your contract from ${studio.name}: ${title}`,
    text: [
      `Hi ${clientName},`,
      "",
      `${studio.name} has sent you a contract to sign for ${jobTitle}: ${title}.`,
      "Read it and sign it online, on your phone or computer, here:",
      link,
      "",
      `The link works until ${formatDateTime(expiresAt, studio.timeZone)}. Once both sides have signed, you will receive the signed copy by email.`,
    ].join("\n"),
  });
}

/** Sent to the client and to the studio once both sides have signed. */
export async function queueContractSignedEmails(
  tx: Tx,
  {
    studio,
    title,
    jobTitle,
    documentHash,
    client,
    studioRecipients,
    studioLink,
  }: {
    studio: Studio;
    title: string;
    jobTitle: string;
    documentHash: string;
    client: { name: string; email: string | null; via: "contract link" | "proposal link" };
    studioRecipients: string[];
    studioLink: string;
  },
) {
  const hashLine = `Document hash (SHA-256): ${documentHash}`;
  if (client.email) {
    await queueEmail(tx, {
      studioId: studio.id,
      kind: "contract.signed",
      to: client.email,
      subject: `Your signed contract with ${studio.name}: ${title}`,
      text: [
        `Hi ${client.name},`,
        "",
        `Your contract for ${jobTitle} is now signed by you and by ${studio.name}.`,
        `Download the signed PDF, with its audit page, from the ${client.via} you signed at.`,
        hashLine,
      ].join("\n"),
    });
  }
  for (const to of new Set(studioRecipients)) {
    await queueEmail(tx, {
      studioId: studio.id,
      kind: "contract.signed",
      to,
      subject: `Fully signed: ${title} (${jobTitle})`,
      text: [`${client.name} and ${studio.name} have both signed “${title}” for ${jobTitle}.`, "Download the signed PDF:", studioLink, hashLine].join("\n"),
    });
  }
}
