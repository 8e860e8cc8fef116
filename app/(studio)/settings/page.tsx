import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { AccountForms } from "./_components/account-section";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const { user } = await requireStudioContext();
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
