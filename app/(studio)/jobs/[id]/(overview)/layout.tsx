import { notFound } from "next/navigation";
import { loadJob } from "./load-job";

// The job page streams behind loading.tsx, and once streaming has begun the status is 200
// whatever the page decides: an unknown or another studio's job is answered 404 here, before.
export default async function JobOverviewLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  if (!(await loadJob((await params).id))) notFound();
  return children;
}
