import { sendComposedEmailAction } from "@/app/(studio)/emails/actions";
import { ComposeEmailForm } from "@/components/email/compose-email-form";
import { type StartingPoint } from "@/components/email/saved-email-picker";
import { Card } from "@/components/ui/card";
import { composeFields, type ComposeTarget } from "@/lib/composed-emails/queries";

/** The "Email the client" card of a lead's, a job's or a client's page: one card, one action, every page. */
export function ComposeEmailCard({
  about,
  target,
  saved,
}: {
  about: { leadId: string } | { jobId: string } | { contactId: string };
  target: ComposeTarget;
  /** The saved emails written to this kind of client. */
  saved: StartingPoint[];
}) {
  return (
    <Card title="Email the client">
      <ComposeEmailForm
        action={sendComposedEmailAction}
        about={about}
        clientName={target.name}
        to={target.email}
        sender={target.sender}
        fields={composeFields(target)}
        saved={saved}
      />
    </Card>
  );
}
