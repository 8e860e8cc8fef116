import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobSummary } from "@/lib/jobs/queries";
import { findScheduleTemplates } from "@/lib/schedules/queries";
import { InvoiceForm } from "../../../../invoices/_components/invoice-form";

export const metadata = { title: "New invoice" };

type Props = { params: Promise<{ id: string }> };

export default async function NewInvoicePage({ params }: Props) {
  const { user, db, money } = await requireStudioContext();
  const [job, schedules] = await Promise.all([
    findJobSummary(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) }),
    findScheduleTemplates(db, { studioId: user.studioId }),
  ]);
  if (!job) notFound();
  return (
    <>
      <PageHeader title={`New invoice for ${job.title}`}>
        <Link href={`/jobs/${job.id}`} className="text-sm text-brand-600 hover:underline">
          Back to job
        </Link>
      </PageHeader>
      <Card>
        <div className="max-w-3xl">
          <InvoiceForm
            mode="create"
            jobId={job.id}
            money={money}
            schedules={schedules}
            defaults={{ title: job.title, lines: [], discount: "", retainer: "", scheduleId: "", note: "" }}
          />
        </div>
      </Card>
    </>
  );
}
