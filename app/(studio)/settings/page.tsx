import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioUser } from "@/lib/auth/guards";
import { AccountForms } from "./_components/account-section";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const user = await requireStudioUser();
  return (
    <>
      <PageHeader title="Account" />
      <AccountForms name={user.name} email={user.email} />
      <Card title="Role">
        <p className="text-sm text-slate-600">You are the studio&apos;s {user.role === "OWNER" ? "owner" : "staff member"}.</p>
      </Card>
    </>
  );
}
