// Throughput and CPU per call, server and client, per call and size class. Bars show the aggregate over the
// repetitions, whiskers the spread between repetitions; a saturated load generator is outlined and flagged,
// because its throughput is a lower bound on what the server can do.
import type { LoadResult } from "../../../bench/model/load-result.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { seriesLabel, seriesScale, UI_COLOURS } from "../palette.js";
import { notMeasured, PAYLOAD_ORDER, partialNote, sectionFrame, type SectionContext } from "../section.js";
import { compareResults } from "./latency-section.js";

function seriesDomain(results: readonly LoadResult[]): string[] {
  return seriesScale().domain.filter((s) => results.some((r) => seriesLabel(r.protocol, r.view) === s));
}

/** One bar per protocol · view and driver; the driver is part of the key so cross-check drivers get their own bar. */
function barKey(r: LoadResult): string {
  return `${seriesLabel(r.protocol, r.view)} (${r.driver})`;
}

/** Bar order within a group: the palette's series order (server view first), then driver. */
function barOrder(results: readonly LoadResult[]): string[] {
  const series = seriesScale().domain;
  return [...new Set(results.map(barKey))].sort((a, b) => {
    const rank = (key: string) => series.findIndex((s) => key.startsWith(`${s} (`));
    return rank(a) - rank(b) || a.localeCompare(b);
  });
}

async function throughputChart(results: readonly LoadResult[], ctx: SectionContext): Promise<Html> {
  const calls = [...new Set(results.map((r) => r.call))];
  const bars = barOrder(results);
  const colour = { field: "series", type: "nominal", scale: { ...seriesScale() }, title: "protocol · view", legend: { values: seriesDomain(results) } };
  // one panel per call, each with its own scales: a large payload's calls/s must not flatten a small one's
  const panel = (call: string) => {
    const mine = results.filter((r) => r.call === call);
    const payloads = PAYLOAD_ORDER.filter((p) => mine.some((r) => r.payload === p));
    const values = mine.map((r) => {
      const reps = r.repetitions.map((m) => m.throughputRps);
      return {
        payload: r.payload,
        series: seriesLabel(r.protocol, r.view),
        bar: barKey(r),
        rps: r.throughputRps,
        lo: reps.length ? Math.min(...reps) : r.throughputRps,
        hi: reps.length ? Math.max(...reps) : r.throughputRps,
        saturated: r.driverSaturated ? "yes" : "no",
      };
    });
    const x = { field: "payload", type: "ordinal", sort: payloads, title: "size class", axis: { labelAngle: 0 } };
    const xOffset = { field: "bar", type: "nominal", sort: bars };
    return {
      title: { text: call, fontSize: 12, fontWeight: 600, anchor: "middle" },
      data: { values },
      width: Math.max(180, payloads.length * 130),
      height: 220,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            x,
            xOffset,
            y: { field: "rps", type: "quantitative", title: "throughput (successful calls/s)" },
            color: colour,
            stroke: { condition: { test: "datum.saturated === 'yes'", value: UI_COLOURS.bad }, value: null },
            strokeWidth: { condition: { test: "datum.saturated === 'yes'", value: 2 }, value: 0 },
            strokeDash: { condition: { test: "datum.saturated === 'yes'", value: [4, 2] }, value: [1, 0] },
          },
        },
        { mark: { type: "rule", color: UI_COLOURS.ink }, encoding: { x, xOffset, y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } } },
      ],
    };
  };
  const spec = { concat: calls.map(panel), columns: 2, resolve: { scale: { y: "independent", x: "independent" } } } as unknown as ChartSpec;
  const table = dataTable(
    [
      { label: "Call" },
      { label: "Size" },
      { label: "Protocol · view" },
      { label: "Driver" },
      { label: "conns × in-flight", numeric: true },
      { label: "calls/s", numeric: true },
      { label: "calls/s per repetition (min – max)", numeric: true },
      { label: "repetitions", numeric: true },
      { label: "errors", numeric: true },
      { label: "Load generator CPU", hint: "share of one core the load generator used; ≥ 90% means saturated" },
    ],
    results.map((r) => {
      const reps = r.repetitions.map((m) => m.throughputRps);
      return [
        r.call,
        r.payload,
        html`<span class="swatch swatch-${r.protocol}-${r.view}"></span>${seriesLabel(r.protocol, r.view)}`,
        r.driver,
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
      subtitle: "bars: all repetitions together; whiskers: slowest to fastest repetition; red dashed outline: load generator saturated (a lower bound)",
      spec,
      table,
    },
    ctx.charts,
  );
}

async function cpuChart(results: readonly LoadResult[], ctx: SectionContext): Promise<Html> {
  const values = results.flatMap((r) =>
    [
      { side: "server process", us: r.serverCpuUsPerCall },
      { side: "client process (load generator)", us: r.clientCpuUsPerCall },
    ]
      .filter((entry): entry is { side: string; us: number } => entry.us !== null)
      .map(({ side, us }) => ({ side, call: r.call, payload: r.payload, series: seriesLabel(r.protocol, r.view), bar: barKey(r), us, label: `${r.call} · ${r.payload}` })),
  );
  const table = dataTable(
    [
      { label: "Call" },
      { label: "Size" },
      { label: "Protocol · view" },
      { label: "Driver" },
      { label: "server CPU µs/call", numeric: true },
      { label: "client CPU µs/call", numeric: true },
      { label: "server peak RSS MB", numeric: true },
      { label: "wire bytes/call req", numeric: true },
      { label: "wire bytes/call resp", numeric: true },
      { label: "CPUs pinned (server / client)" },
    ],
    results.map((r) => [
      r.call,
      r.payload,
      html`<span class="swatch swatch-${r.protocol}-${r.view}"></span>${seriesLabel(r.protocol, r.view)}`,
      r.driver,
      formatNumber(r.serverCpuUsPerCall),
      formatNumber(r.clientCpuUsPerCall),
      formatNumber(r.serverPeakRssMb),
      formatInteger(r.wireBytesPerCall?.request),
      formatInteger(r.wireBytesPerCall?.response),
      r.serverPinnedCpus === null && r.clientPinnedCpus === null ? "no" : `${r.serverPinnedCpus ?? "—"} / ${r.clientPinnedCpus ?? "—"}`,
    ]),
  );
  if (values.length === 0) {
    return html`<p class="not-measured"><strong>Not measured in this run:</strong> CPU per call (no process CPU figures were recorded, e.g. for a remote target).</p>${table}`;
  }
  const bars = barOrder(results);
  const calls = [...new Set(results.map((r) => r.call))];
  const sides = [
    { side: "server process", title: "server CPU per call (µs)" },
    { side: "client process (load generator)", title: "client CPU per call (µs)" },
  ].filter(({ side }) => values.some((v) => v.side === side));
  // a row per process, a panel per call with its own scale: an xlarge call's cost must not flatten a small one's
  const panel = (side: string, title: string, call: string) => {
    const mine = values.filter((v) => v.side === side && v.call === call);
    const payloads = PAYLOAD_ORDER.filter((p) => mine.some((v) => v.payload === p));
    return {
      title: { text: `${call}: ${side}`, fontSize: 12, fontWeight: 600, anchor: "middle" },
      data: { values: mine },
      width: Math.max(180, payloads.length * 130),
      height: 170,
      mark: { type: "bar" },
      encoding: {
        x: { field: "payload", type: "ordinal", sort: payloads, title: "size class", axis: { labelAngle: 0 } },
        xOffset: { field: "bar", type: "nominal", sort: bars },
        y: { field: "us", type: "quantitative", title },
        color: { field: "series", type: "nominal", scale: { ...seriesScale() }, title: "protocol · view", legend: { values: seriesDomain(results) } },
      },
    };
  };
  const spec = {
    concat: sides.flatMap(({ side, title }) => calls.map((call) => panel(side, title, call))),
    columns: calls.length,
    resolve: { scale: { y: "independent", x: "independent" } },
  } as unknown as ChartSpec;
  return chartFigure(
    {
      id: "cpu-per-call",
      title: "CPU time per call: server and client",
      subtitle: "process CPU time (user + system) over the measured window divided by completed calls; lower is better",
      spec,
      table,
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
    const results = [...report.load].sort((a, b) => a.call.localeCompare(b.call) || compareResults(a, b));
    body.push(partialNote(report, "load"));
    body.push(await throughputChart(results, ctx));
    body.push(await cpuChart(results, ctx));
  }
  return sectionFrame({
    id: "throughput-cpu",
    title: "Throughput and CPU per call",
    intro: "Equal in-flight calls on both sides. CPU per call is read from each process, so it shows what a call costs the server and what it costs the client.",
    body,
  });
}
