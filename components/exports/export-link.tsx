import { buttonClass } from "@/components/ui/button";
import { listHref } from "@/components/ui/pagination";
import { type ExportName } from "@/lib/exports/lists";

type Props = {
  /** The list's export route under /exports. */
  list: ExportName;
  /** The list page's current filters, so the file holds what the page lists. */
  params?: Record<string, string | undefined>;
  label?: string;
};

/** "Export CSV": a plain link (a download, not a page for the router to prefetch). */
export function ExportLink({ list, params = {}, label = "Export CSV" }: Props) {
  return (
    <a href={listHref(`/exports/${list}`, params)} download className={buttonClass("secondary")}>
      {label}
    </a>
  );
}
