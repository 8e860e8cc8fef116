"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * Gives each cell of the table inside the label of its column (`data-label`), which narrow screens
 * show above the cell when the rows become stacked cards (globals.css, `.stacked-table`).
 */
export function LabelledRows({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const table = ref.current?.querySelector("table");
    if (!table) return;
    const labels = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    for (const row of table.querySelectorAll("tbody tr"))
      [...row.children].forEach((cell, i) => {
        if (labels[i]) cell.setAttribute("data-label", labels[i]);
      });
  });
  return (
    <div ref={ref} className="md:overflow-x-auto">
      {children}
    </div>
  );
}
