import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { env } from "@/lib/env";

export const metadata = { title: "Empty page" };

/**
 * The bench's signed-in empty page (`npm run bench`): the studio shell every studio page pays
 * (proxy, session, the signed-in check, the studio and its brands, layout and navigation) around
 * no domain data, the floor the other pages are compared to. Only where BENCH_PAGES=1; anywhere
 * else it does not exist.
 */
export default function EmptyPage() {
  if (env().BENCH_PAGES !== "1") notFound();
  return <PageHeader title="Nothing here" />;
}
