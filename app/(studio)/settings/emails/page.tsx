import { AUTO_REPLY_KIND, EDITABLE_EMAILS } from "@/lib/email-templates/editable";
import { EditableEmailSettings } from "./_components/editable-email-settings";

export const metadata = { title: "Emails" };

export default function EmailSettingsPage() {
  return <EditableEmailSettings email={EDITABLE_EMAILS[AUTO_REPLY_KIND]} />;
}
