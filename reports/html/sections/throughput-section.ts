// Throughput and CPU per call, server and client, per call and size class. Horizontal bars, a group per size
// class and view, a bar per arm in its colour (so eight arms stay readable: the chart grows downwards with
// them); bars show the aggregate over the repetitions, whiskers the spread between repetitions; a saturated
// load generator is outlined and flagged, because its throughput is a lower bound on what the server can do.
import type { LoadResult } from "../../../bench/model/load-result.js";
import { armDirectory, type ArmDirectory } from "../../finding-kind.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { peakRssScopeMark, serverFigureText, serverFigureWhy } from "../../server-figure.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { UI_COLOURS } from "../palette.js";
import { notMeasured, PAYLOAD_ORDER, partialNote, sectionFrame, type SectionContext } from "../section.js";
import { compareResults, viewAndDriver, viewRank } from "./latency-section.js";

/** A row group of the bar charts: size class and view, on two lines (see GROUP_AXIS). */
function groupLabel(r: LoadResult): string {
  return `${r.payload}\n${r.view} view`;
}

const GROUP_AXIS = { labelLimit: 160, labelExpr: "split(datum.value, '\\n')", labelLineHeight: 13 };

function groupOrder(results: readonly LoadResult[]): string[] {
  const rank = (r: LoadResult) => PAYLOAD_ORDER.indexOf(r.payload as (typeof PAYLOAD_ORDER)[number]) * 10 + viewRank(r.view);
  return [...new Map([...results].sort((a, b) => rank(a) - rank(b)).map((r) => [groupLabel(r), r])).keys()];
}

/**
 * One bar per arm in each row group; an arm measured by several drivers in one group (a cross-check) gets a bar
 * per driver, in its arm's colour.
 */
function barKeys(results: readonly LoadResult[], arms: ArmDirectory): Map<LoadResult, string> {
  const drivers = new Map<string, Set<string>>();
  for (const r of results) {
    const key = `${r.call}\u0000${groupLabel(r)}\u0000${r.arm}`;
    drivers.set(key, (drivers.get(key) ?? new Set()).add(r.driver));
  }
  return new Map(results.map((r) => [r, (drivers.get(`${r.call}\u0000${groupLabel(r)}\u0000${r.arm}`)?.size ?? 1) > 1 ? `${arms.name(r.arm)} (${r.driver})` : arms.name(r.arm)]));
}

function barOrder(results: readonly LoadResult[], keys: Map<LoadResult, string>, arms: ArmDirectory): string[] {
  const sorted = [...results].sort((a, b) => arms.compare(a.arm, b.arm) || a.driver.localeCompare(b.driver));
  return [...new Set(sorted.map((r) => keys.get(r) ?? ""))];
}

/** Height of one bar: thinner as bars multiply, so a group stays about the same height. */
function barStep(bars: number): number {
  return Math.max(7, Math.min(16, Math.floor(90 / Math.max(1, bars))));
}

const SATURATED_STROKE = {
  stroke: { condition: { test: "datum.saturated === 'yes'", value: UI_COLOURS.bad }, value: null },
  strokeWidth: { condition: { test: "datum.saturated === 'yes'", value: 2 }, value: 0 },
  strokeDash: { condition: { test: "datum.saturated === 'yes'", value: [4, 2] }, value: [1, 0] },
};

async function throughputChart(results: readonly LoadResult[], ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const calls = [...new Set(results.map((r) => r.call))];
  const keys = barKeys(results, arms);
  const bars = barOrder(results, keys, arms);
  const colour = armColourChannel(arms, results.map((r) => r.arm));
  // one panel per call, each with its own scale: a large payload's calls/s must not flatten a small one's
  const panel = (call: string) => {
    const mine = results.filter((r) => r.call === call);
    const values = mine.map((r) => {
      const reps = r.repetitions.map((m) => m.throughputRps);
      return {
        group: groupLabel(r),
        arm: arms.name(r.arm),
        bar: keys.get(r) ?? "",
        rps: r.throughputRps,
        lo: reps.length ? Math.min(...reps) : r.throughputRps,
        hi: reps.length ? Math.max(...reps) : r.throughputRps,
        saturated: r.driverSaturated ? "yes" : "no",
      };
    });
    const y = { field: "group", type: "nominal", sort: groupOrder(mine), title: null, axis: GROUP_AXIS };
    const yOffset = { field: "bar", type: "nominal", sort: bars.filter((b) => values.some((v) => v.bar === b)) };
    return {
      title: { text: call, fontSize: 12, fontWeight: 600, anchor: "middle" },
      data: { values },
      width: calls.length > 1 ? 270 : 560,
      height: { step: barStep(new Set(values.map((v) => v.bar)).size), for: "offset" },
      layer: [
        { mark: { type: "bar" }, encoding: { y, yOffset, x: { field: "rps", type: "quantitative", title: "throughput (successful calls/s)" }, color: colour, ...SATURATED_STROKE } },
        { mark: { type: "rule", color: UI_COLOURS.ink }, encoding: { y, yOffset, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
      ],
    };
  };
  const spec = { concat: calls.map(panel), columns: 2, resolve: { scale: { y: "independent", x: "independent" } } } as unknown as ChartSpec;
  const table = dataTable(
    [
      { label: "Call" },
      { label: "Size" },
      ARM_COLUMN,
      { label: "conns × in-flight", numeric: true },
      { label: "calls/s", numeric: true },
      { label: "calls/s per repetition (min – max)", numeric: true },
      { label: "reps", numeric: true },
      { label: "errors", numeric: true },
      { label: "Load generator CPU", hint: "share of one core the load generator used; ≥ 90% means saturated" },
    ],
    results.map((r) => {
      const reps = r.repetitions.map((m) => m.throughputRps);
      return [
        r.call,
        r.payload,
        armChip(arms, r.arm, viewAndDriver(r)),
        `${r.connections} × ${r.concurrency}`,
        formatNumber(r.throughputRps),
        reps.length ? `${formatNumber(Math.min(...reps))} – ${formatNumber(Math.max(...reps))}` : "—",
        formatInteger(r.repetitions.length),
        formatInteger(r.errors.total),
        r.driverSaturated
          ? html`<span class="flag flag-warn" title="the load generator used ≥ 90% of its core: throughput is a lower bound on server capacity">saturated (${formatNumber((r.clientCpuUtilization ?? 0) * 100, 2)}%)</span>`
          : html`<span class="muted">${r.clientCpuUtilization === null ? "—" : `${formatNumber(r.clientCpuUtilization * 100, 2)}% of a core`}</span>`,
      ];
    }),
  );
  return chartFigure(
    {
      id: "throughput",
      title: "Throughput per call and size class",
      subtitle: "a bar per arm: all repetitions together; whiskers: slowest to fastest repetition; red dashed outline: load generator saturated (a lower bound)",
      spec,
      table,
    },
    ctx.charts,
  );
}

/** A server figure for the CPU table: the number, or "not measured" with why in its tooltip; a monitor's figure says where it came from. */
function serverCell(value: number | null, r: LoadResult, arms: ArmDirectory, mark = ""): Html {
  const remote = arms.get(r.arm).arm?.target != null;
  const text = serverFigureText(value, r, remote);
  const why = serverFigureWhy(r, remote) ?? "";
  if (text === "not measured") return html`<span class="muted" title="${why}">not measured</span>`;
  return r.serverMetrics === "monitor" ? html`<span title="${why}">${text}${mark}</span>` : html`${text}${mark}`;
}

/** Under the CPU table: where remote targets' server figures came from, or why there are none. */
function remoteFiguresNote(results: readonly LoadResult[], arms: ArmDirectory): Html {
  const remote = results.filter((r) => arms.get(r.arm).arm?.target != null || r.serverMetrics === "monitor");
  if (remote.length === 0) return html``;
  const lines = [...new Set(remote.map((r) => `${arms.name(r.arm)}: ${serverFigureWhy(r, true) ?? "server figures from its monitor endpoint"}`))];
  return html`<p class="small muted">Remote targets — ${lines.map((l, i) => html`${i > 0 ? html`<br>` : ""}${l}`)}</p>`;
}

async function cpuChart(results: readonly LoadResult[], ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const keys = barKeys(results, arms);
  const values = results.flatMap((r) =>
    [
      { side: "server process", us: r.serverCpuUsPerCall },
      { side: "client process (load generator)", us: r.clientCpuUsPerCall },
    ]
      .filter((entry): entry is { side: string; us: number } => entry.us !== null)
      .map(({ side, us }) => ({ side, call: r.call, group: groupLabel(r), arm: arms.name(r.arm), armId: r.arm, bar: keys.get(r) ?? "", us })),
  );
  const table = dataTable(
    [
      { label: "Call" },
      { label: "Size" },
      ARM_COLUMN,
      { label: "server CPU µs/call", numeric: true },
      { label: "client CPU µs/call", numeric: true },
      { label: "server peak RSS MB", numeric: true },
      { label: "wire bytes/call req / resp", numeric: true },
      { label: "CPUs pinned (server / client)" },
    ],
    results.map((r) => [
      r.call,
      r.payload,
      armChip(arms, r.arm, viewAndDriver(r)),
      serverCell(r.serverCpuUsPerCall, r, arms),
      formatNumber(r.clientCpuUsPerCall),
      serverCell(r.serverPeakRssMb, r, arms, peakRssScopeMark(r)),
      r.wireBytesPerCall ? `${formatInteger(r.wireBytesPerCall.request)} / ${formatInteger(r.wireBytesPerCall.response)}` : "—",
      r.serverPinnedCpus === null && r.clientPinnedCpus === null ? "no" : `${r.serverPinnedCpus ?? "—"} / ${r.clientPinnedCpus ?? "—"}`,
    ]),
  );
  const remoteNote = remoteFiguresNote(results, arms);
  if (values.length === 0) {
    return html`<p class="not-measured"><strong>Not measured in this run:</strong> CPU per call (no process CPU figures were recorded, e.g. for a remote target without a monitor).</p>${remoteNote}${table}`;
  }
  const bars = barOrder(results, keys, arms);
  const calls = [...new Set(results.map((r) => r.call))];
  const colour = armColourChannel(arms, values.map((v) => v.armId));
  const sides = [
    { side: "server process", short: "server", title: "server CPU per call (µs)" },
    { side: "client process (load generator)", short: "client (load generator)", title: "client CPU per call (µs)" },
  ].filter(({ side }) => values.some((v) => v.side === side));
  // a row per process, a panel per call with its own scale: an xlarge call's cost must not flatten a small one's
  const panel = (side: string, short: string, title: string, call: string) => {
    const mine = values.filter((v) => v.side === side && v.call === call);
    const groups = groupOrder(results.filter((r) => r.call === call)).filter((g) => mine.some((v) => v.group === g));
    return {
      title: { text: `${call} · ${short}`, fontSize: 12, fontWeight: 600, anchor: "middle" },
      data: { values: mine },
      width: calls.length > 1 ? 270 : 560,
      height: { step: barStep(new Set(mine.map((v) => v.bar)).size), for: "offset" },
      mark: { type: "bar" },
      encoding: {
        y: { field: "group", type: "nominal", sort: groups, title: null, axis: GROUP_AXIS },
        yOffset: { field: "bar", type: "nominal", sort: bars.filter((b) => mine.some((v) => v.bar === b)) },
        x: { field: "us", type: "quantitative", title },
        color: colour,
      },
    };
  };
  const panels = sides.flatMap(({ side, short, title }) => calls.map((call) => ({ side, call, spec: panel(side, short, title, call) }))).filter((p) => p.spec.data.values.length > 0);
  const spec = {
    concat: panels.map((p) => p.spec),
    columns: Math.min(2, calls.length),
    resolve: { scale: { y: "independent", x: "independent" } },
  } as unknown as ChartSpec;
  return chartFigure(
    {
      id: "cpu-per-call",
      title: "CPU time per call: server and client",
      subtitle: "process CPU time (user + system) over the measured window divided by completed calls, a bar per arm; lower is better",
      spec,
      table: html`${table}${remoteNote}`,
    },
    ctx.charts,
  );
}

export async function throughputSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.load.length === 0) {
    body.push(notMeasured(report, "load", "throughput and CPU per call"));
  } else {
    const arms = armDirectory(report);
    const order = compareResults(arms);
    const results = [...report.load].sort((a, b) => a.call.localeCompare(b.call) || order(a, b));
    body.push(partialNote(report, "load"));
    body.push(await throughputChart(results, ctx, arms));
    body.push(await cpuChart(results, ctx, arms));
  }
  return sectionFrame({
    id: "throughput-cpu",
    title: "Throughput and CPU per call",
    intro: "Equal in-flight calls for every arm. CPU per call is read from each process, so it shows what a call costs the server and what it costs the client.",
    body,
  });
}
