import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioUser } from "@/lib/auth/guards";
import { readDb } from "@/lib/db";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireStudioUser();
  const db = await readDb();
  const newLeads = await db.lead.count({ where: { studioId: user.studioId, status: "NEW" } });
  return (
    <>
      <PageHeader title={`Welcome back, ${user.name.split(" ")[0]}`} />
      <Card title="What's New">
        <p className="text-sm" data-testid="new-leads">
          You have {newLeads} new lead(s).
        </p>
      </Card>
    </>
  );
}
