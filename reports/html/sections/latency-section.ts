// Latency as a distribution: percentile curves p50 … max from each scenario's merged HDR histogram, one chart
// per call and load shape, a panel per size class (columns) and view (rows), a line per arm in its colour;
// exact percentiles (and the p99 spread over the repetitions) in the table underneath, with the arm of each row.
import type { LoadResult } from "../../../bench/model/load-result.js";
import { armDirectory, type ArmDirectory } from "../../finding-kind.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { CURVE_LABELS, percentileCurve } from "../latency-percentiles.js";
import { VIEWS, viewDashScale } from "../palette.js";
import { nothingToPlot, notMeasured, PAYLOAD_ORDER, partialNote, payloadRank, sectionFrame, type SectionContext } from "../section.js";

/** Scenarios that belong in one chart: same call and same load shape. */
export function loadShapeKey(r: LoadResult): string {
  const rate = r.mode === "open" ? `, open loop at ${formatInteger(r.targetRps)} req/s` : ", closed loop";
  return `${r.call}${rate}, ${r.concurrency} in flight`;
}

export function groupByShape(results: readonly LoadResult[], arms: ArmDirectory): Map<string, LoadResult[]> {
  const groups = new Map<string, LoadResult[]>();
  for (const r of results) {
    const key = loadShapeKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const list of groups.values()) list.sort(compareResults(arms));
  return groups;
}

/** Size class, then server view before end-to-end, then arms in run order, then driver. */
export function compareResults(arms: ArmDirectory): (a: LoadResult, b: LoadResult) => number {
  return (a, b) => payloadRank(a.payload) - payloadRank(b.payload) || viewRank(a.view) - viewRank(b.view) || arms.compare(a.arm, b.arm) || a.driver.localeCompare(b.driver);
}

export function viewRank(view: string): number {
  const i = (VIEWS as readonly string[]).indexOf(view);
  return i < 0 ? VIEWS.length : i;
}

/** What distinguishes rows of one arm: the view and the driver that measured it. */
export function viewAndDriver(r: Pick<LoadResult, "view" | "driver">): string {
  return `${r.view} view · ${r.driver}`;
}

function range(values: readonly number[]): string {
  if (values.length === 0) return "—";
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? formatNumber(lo) : `${formatNumber(lo)} – ${formatNumber(hi)}`;
}

/** --workers: which load-generator processes were saturated, e.g. " (worker 1 of 2)"; "" for a single generator. */
function saturatedWorkers(r: LoadResult): string {
  const hot = (r.workers ?? []).filter((w) => w.driverSaturated).map((w) => w.index);
  return hot.length === 0 ? "" : ` (worker${hot.length > 1 ? "s" : ""} ${hot.join(", ")} of ${r.workers?.length})`;
}

function flags(r: LoadResult): Html {
  const parts: Html[] = [];
  if (r.endReason !== "completed") parts.push(html`<span class="flag flag-bad" title="${r.failure ?? ""}">${r.endReason}</span>`);
  if (r.driverSaturated) parts.push(html`<span class="flag flag-warn">driver saturated${saturatedWorkers(r)}</span>`);
  if (r.errors.total > 0) {
    const codes = Object.entries(r.errors.byCode).map(([code, n]) => `${code}×${n}`).join(", ");
    parts.push(html`<span class="flag flag-bad">${formatInteger(r.errors.total)} errors (${codes})</span>`);
  }
  for (const note of r.notes ?? []) parts.push(html`<br><span class="muted small">${note}</span>`);
  return html`${parts}`;
}

/** A --config call has no size class: its panel and rows are named by the config's call name. */
const subjectOf = (r: Pick<LoadResult, "payload" | "call">): string => (r.payload === "config" ? r.call : r.payload);

async function shapeFigure(key: string, results: readonly LoadResult[], index: number, ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const curves = results.map((r) => ({ r, curve: percentileCurve(r) }));
  const values = curves.flatMap(({ r, curve }) =>
    curve.points
      .filter((p) => p.ms > 0)
      .map((p) => ({
        payload: subjectOf(r),
        arm: arms.name(r.arm),
        view: r.view,
        driver: r.driver,
        line: `${r.arm}/${r.view}/${r.driver}`,
        percentile: p.label,
        ms: p.ms,
      })),
  );
  const configCalls = [...new Set(results.filter((r) => r.payload === "config").map((r) => r.call))];
  const payloads = [...PAYLOAD_ORDER.filter((p) => results.some((r) => r.payload === p)), ...configCalls];
  const facetLabel =
    configCalls.length === 0 ? "'size class: ' + datum.value" : `indexof(${JSON.stringify(PAYLOAD_ORDER)}, datum.value) >= 0 ? 'size class: ' + datum.value : 'call: ' + datum.value`;
  const views = VIEWS.filter((v) => values.some((x) => x.view === v));
  const colour = armColourChannel(arms, curves.filter(({ curve }) => curve.points.some((p) => p.ms > 0)).map(({ r }) => r.arm));
  const spec = {
    data: { values },
    facet: {
      column: { field: "payload", type: "ordinal", title: null, sort: payloads, header: { labelExpr: facetLabel, labelFontWeight: 600 } },
      ...(views.length > 1 ? { row: { field: "view", type: "nominal", title: null, sort: views, header: { labelExpr: "datum.value + ' view'", labelFontWeight: 600 } } } : {}),
    },
    spec: {
      width: payloads.length > 2 ? 190 : 300,
      height: 160,
      mark: { type: "line", point: { size: 18 }, strokeWidth: 1.8 },
      encoding: {
        x: { field: "percentile", type: "ordinal", sort: [...CURVE_LABELS], title: "percentile", axis: { labelAngle: -40 } },
        y: { field: "ms", type: "quantitative", scale: { type: "log" }, title: "latency (ms, log scale)" },
        color: { ...colour, legend: { ...(colour.legend as object), symbolType: "stroke", symbolSize: 400, symbolStrokeWidth: 3 } },
        strokeDash: { field: "view", type: "nominal", scale: viewDashScale(), legend: null },
        detail: { field: "line", type: "nominal" },
      },
    },
    resolve: { scale: { y: "shared" } },
  } as unknown as ChartSpec;

  const anySummaryOnly = curves.some(({ curve }) => curve.source === "summary");
  const table = dataTable(
    [
      { label: configCalls.length === 0 ? "Size" : results.every((r) => r.payload === "config") ? "Call" : "Size / call" },
      ARM_COLUMN,
      { label: "p50 ms", numeric: true },
      { label: "p90 ms", numeric: true },
      { label: "p99 ms", numeric: true },
      { label: "p99.9 ms", numeric: true },
      { label: "max ms", numeric: true },
      { label: "mean ms", numeric: true },
      { label: "p99 ms per repetition (min – max)", numeric: true },
      { label: "calls", numeric: true },
      { label: "Flags" },
    ],
    curves.map(({ r, curve }) => [
      subjectOf(r),
      armChip(arms, r.arm, viewAndDriver(r)),
      formatNumber(r.latencyMs.p50),
      formatNumber(r.latencyMs.p90),
      formatNumber(r.latencyMs.p99),
      formatNumber(r.latencyMs.p999),
      formatNumber(r.latencyMs.max),
      formatNumber(r.latencyMs.mean),
      range(r.repetitions.map((rep) => rep.latencyMs.p99)),
      formatInteger(r.requests),
      html`${flags(r)}${curve.source === "summary" ? html`<span class="flag flag-warn">histogram unreadable: summary points only</span>` : ""}`,
    ]),
  );
  if (values.length === 0) return nothingToPlot(`no latency was recorded for ${key} (see the flags below).`, table);
  return chartFigure(
    {
      id: `latency-${index}`,
      title: `Latency percentiles: ${key}`,
      subtitle: `from the merged HDR histograms of every repetition, a line per arm; server view: lean load generator (solid), end-to-end: idiomatic client (dashed)${anySummaryOnly ? "; some curves from stored summary only" : ""}`,
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function latencySection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.load.length === 0) {
    body.push(notMeasured(report, "load", "latency percentiles"));
  } else {
    body.push(partialNote(report, "load"));
    const arms = armDirectory(report);
    let i = 0;
    for (const [key, results] of groupByShape(report.load, arms)) body.push(await shapeFigure(key, results, i++, ctx, arms));
  }
  return sectionFrame({
    id: "latency",
    title: "Latency percentiles per call and size class",
    intro: "The whole distribution, not only averages: each curve runs from the median to the slowest call, one per arm in its colour. The server view uses a lean load generator so the server is what is measured; the end-to-end view includes the idiomatic client library.",
    body,
  });
}
