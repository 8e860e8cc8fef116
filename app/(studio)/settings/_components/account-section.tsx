import { Card } from "@/components/ui/card";
import { EmailForm, PasswordForm, ProfileForm } from "./account-forms";

export function AccountForms({ name, email }: { name: string; email: string }) {
  return (
    <>
      <Card title="Your name">
        <ProfileForm name={name} />
      </Card>
      <Card title="Sign-in email">
        <EmailForm email={email} />
      </Card>
      <Card title="Password">
        <PasswordForm />
      </Card>
    </>
  );
}
