import { type ReactNode } from "react";
import { LabelledRows } from "@/components/ui/labelled-rows";

/**
 * A list as a table: a caption for screen readers, column headings, and the caller's rows; on
 * narrow screens each row is a card whose cells carry their column's label.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReactNode[];
  children: ReactNode;
}) {
  return (
    <LabelledRows>
      <table className="stacked-table w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`py-2 font-medium ${i < columns.length - 1 ? "pr-3" : ""}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </LabelledRows>
  );
}
