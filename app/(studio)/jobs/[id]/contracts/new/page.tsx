import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findTemplatesForJob } from "@/lib/contracts/queries";
import { findJob } from "@/lib/jobs/queries";
import { NewContractForm } from "../_components/new-contract-form";

export const metadata = { title: "New contract" };

export default async function NewContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await requireStudioContext();
  const job = await findJob(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) });
  if (!job) notFound();
  const templates = await findTemplatesForJob(db, { studioId: user.studioId, brandId: job.brand.id });
  return (
    <>
      <PageHeader title={`New contract for ${job.title}`} />
      <Card>
        {templates.length === 0 ? (
          <EmptyState>
            No contract templates for {job.brand.name} yet.{" "}
            <Link href="/contracts/new" className="text-brand-600 hover:underline">
              Write a template
            </Link>{" "}
            first.
          </EmptyState>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-600">
              The contract starts as a copy of the template, filled in with this job&apos;s details. You can preview and
              edit the copy before sending it.
            </p>
            <NewContractForm jobId={job.id} templates={templates} />
          </>
        )}
        <div className="mt-4">
          <Link href={`/jobs/${job.id}`} className={buttonClass("ghost")}>
            Back to the job
          </Link>
        </div>
      </Card>
    </>
  );
}
