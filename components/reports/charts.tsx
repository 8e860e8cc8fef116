import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { type ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";

// Charts drawn on the server as plain SVG: d3 computes the scales and the line path, the marks are
// our own elements. No JavaScript reaches the browser, and every chart has its numbers as a table.

export type Series = { name: string; values: number[]; tone: "current" | "previous" | "accent" };

const TONES: Record<Series["tone"], string> = {
  current: "fill-brand-600 stroke-brand-600",
  previous: "fill-slate-300 stroke-slate-400",
  accent: "fill-amber-500 stroke-amber-500",
};

const WIDTH = 640;
const HEIGHT = 220;
const M = { top: 12, right: 12, bottom: 28, left: 56 };

type ChartProps = {
  /** The chart's accessible name: what it shows, for whom and when. */
  label: string;
  categories: string[];
  series: Series[];
  format?: (n: number) => string;
  /** Shown instead of the chart when every value is zero: what the chart will show. */
  empty: ReactNode;
  /** The table's first column heading. */
  categoryHeading: string;
};

const isEmpty = (series: Series[]) => series.every((s) => s.values.every((v) => v === 0));

function yScale(series: Series[]) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  return scaleLinear()
    .domain([Math.min(0, ...series.flatMap((s) => s.values)), max])
    .nice(4)
    .range([HEIGHT - M.bottom, M.top]);
}

/** The frame every chart shares: axis and gridlines around `children` (the marks), legend, and the table. */
function Chart({
  chart,
  x,
  y,
  children,
}: {
  chart: Required<Omit<ChartProps, "empty">>;
  x: (c: string) => number;
  y: ReturnType<typeof yScale>;
  children: ReactNode;
}) {
  const { label, categories, series, format } = chart;
  // Every label would overlap on a long range: show about twelve of them.
  const every = Math.ceil(categories.length / 12);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        className="h-auto w-full text-[11px]"
        data-chart
      >
        <title>{label}</title>
        {y.ticks(4).map((t) => (
          <g key={t} className="text-slate-500">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="fill-current">
              {format(t)}
            </text>
          </g>
        ))}
        <g data-marks>{children}</g>
        {categories.map((c, i) =>
          i % every === 0 ? (
            <text key={c} x={x(c)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500">
              {c}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 ? (
        <figcaption className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600">
          {series.map((s) => (
            <span key={s.name} className="flex items-center gap-1">
              <svg width="10" height="10" aria-hidden="true">
                <rect width="10" height="10" className={TONES[s.tone]} />
              </svg>
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
      <ChartTable {...chart} />
    </figure>
  );
}

function ChartTable({ label, categoryHeading, categories, series, format }: Required<Omit<ChartProps, "empty">>) {
  return (
    <div className="mt-3">
      <DataTable caption={label} columns={[categoryHeading, ...series.map((s) => s.name)]}>
        {categories.map((c, i) => (
          <tr key={c} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {c}
            </th>
            {series.map((s) => (
              <td key={s.name} className="py-1 pr-3 tabular-nums">
                {format(s.values[i])}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

const plain = (n: number) => n.toLocaleString("en-US");

const EmptyChart = ({ children }: { children: ReactNode }) => (
  <p className="py-6 text-center text-sm text-slate-500">{children}</p>
);

/** Bars side by side per category, one per series. */
export function BarChart({ empty, format = plain, ...rest }: ChartProps) {
  const { categories, series } = rest;
  if (isEmpty(series)) return <EmptyChart>{empty}</EmptyChart>;
  const x = scaleBand<string>()
    .domain(categories)
    .range([M.left, WIDTH - M.right])
    .padding(0.2);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .padding(0.05);
  const y = yScale(series);
  return (
    <Chart chart={{ ...rest, format }} x={(c) => (x(c) ?? 0) + x.bandwidth() / 2} y={y}>
      {series.map((s, si) =>
        s.values.map((v, i) => (
          <rect
            key={`${si}-${categories[i]}`}
            x={(x(categories[i]) ?? 0) + (inner(si) ?? 0)}
            y={Math.min(y(v), y(0))}
            width={inner.bandwidth()}
            height={Math.abs(y(0) - y(v))}
            className={TONES[s.tone]}
          >
            <title>{`${s.name}, ${categories[i]}: ${format(v)}`}</title>
          </rect>
        )),
      )}
    </Chart>
  );
}

/** One line per series across the categories, with a dot on each value. */
export function LineChart({ empty, format = plain, ...rest }: ChartProps) {
  const { categories, series } = rest;
  if (isEmpty(series)) return <EmptyChart>{empty}</EmptyChart>;
  const x = scalePoint<string>()
    .domain(categories)
    .range([M.left, WIDTH - M.right])
    .padding(0.5);
  const y = yScale(series);
  const path = line<number>()
    .x((_, i) => x(categories[i]) ?? 0)
    .y((v) => y(v));
  return (
    <Chart chart={{ ...rest, format }} x={(c) => x(c) ?? 0} y={y}>
      {series.map((s) => (
        <g key={s.name} className={TONES[s.tone]}>
          <path
            d={path(s.values) ?? ""}
            fill="none"
            strokeWidth={2}
            strokeDasharray={s.tone === "previous" ? "4 3" : undefined}
            className="fill-none"
          />
          {s.values.map((v, i) => (
            <circle key={categories[i]} cx={x(categories[i])} cy={y(v)} r={3}>
              <title>{`${s.name}, ${categories[i]}: ${format(v)}`}</title>
            </circle>
          ))}
        </g>
      ))}
    </Chart>
  );
}
