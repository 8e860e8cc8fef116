import { notFound } from "next/navigation";
import { requireStudioContext } from "@/lib/auth/context";
import { findJobSummary } from "@/lib/jobs/queries";

// The job page streams behind loading.tsx, and once streaming has begun the status is 200
// whatever the page decides: an unknown or another studio's job is answered 404 here, before.
export default async function JobOverviewLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { user, db } = await requireStudioContext();
  if (!(await findJobSummary(db, { studioId: user.studioId, jobId: (await params).id.slice(0, 64) }))) notFound();
  return children;
}
