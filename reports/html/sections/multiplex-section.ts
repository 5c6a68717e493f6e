// Ways of carrying the same number of in-flight calls: HTTP/2 streams over one or a few connections against
// HTTP/1.1 connection pools, with keep-alive on and off; and head-of-line blocking when slow calls mix in
// (entries with a headOfLine block, usually their own open-loop runs). Every configuration names its arm: bars
// take the arm's colour, tables have an Arm column.
import type { MultiplexResult } from "../../../bench/model/multiplex-result.js";
import { armDirectory, type ArmDirectory } from "../../finding-kind.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { serverFigureText } from "../../server-figure.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { notMeasured, partialNote, sectionFrame, type SectionContext } from "../section.js";

function groupKey(m: MultiplexResult): string {
  const rate = m.targetRps ? `, open loop at ${formatInteger(m.targetRps)} calls/s` : "";
  const view = m.view ? `, ${m.view} view` : "";
  return `${m.call}, ${m.inFlight} in flight${rate}${view}`;
}

function groupBy(results: readonly MultiplexResult[], arms: ArmDirectory): Map<string, MultiplexResult[]> {
  const groups = new Map<string, MultiplexResult[]>();
  for (const m of results) groups.set(groupKey(m), [...(groups.get(groupKey(m)) ?? []), m]);
  // arms in run order; an arm's configurations in the order they ran
  for (const [key, list] of groups) groups.set(key, list.map((m, i) => ({ m, i })).sort((a, b) => arms.compare(a.m.arm, b.m.arm) || a.i - b.i).map(({ m }) => m));
  return groups;
}

function configurationCell(m: MultiplexResult): Html {
  const streams = `${formatInteger(m.connections)} conn × ${m.streamsPerConnection === null ? "1" : formatInteger(m.streamsPerConnection)} stream${m.streamsPerConnection === 1 || m.streamsPerConnection === null ? "" : "s"}`;
  const how = [streams, m.keepAlive ? "keep-alive" : "no keep-alive", m.driver, `${m.repetitions.length} rep.`].join(" · ");
  return html`${m.configuration}<br><span class="muted small">${how}</span>`;
}

function flagsCell(m: MultiplexResult): Html {
  const parts: Html[] = [];
  if (m.endReason && m.endReason !== "completed") parts.push(html`<span class="flag flag-bad" title="${m.failure ?? ""}">${m.endReason}</span> `);
  if (m.driverSaturated) parts.push(html`<span class="flag flag-warn">driver saturated</span> `);
  if (m.errors.total > 0) {
    const codes = Object.entries(m.errors.byCode).map(([c, n]) => `${c}×${n}`).join(", ");
    parts.push(html`<span class="flag flag-bad">${formatInteger(m.errors.total)} errors${codes ? ` (${codes})` : ""}</span> `);
  }
  if (m.noKeepAliveExtra) {
    const x = m.noKeepAliveExtra;
    parts.push(
      html`<span class="small">vs ${x.versus}, per call: server CPU +${formatNumber(x.serverCpuUsPerCall)} µs, p50 +${formatNumber(x.latencyP50Us)} µs, p99 +${formatNumber(x.latencyP99Us)} µs</span> `,
    );
  }
  if (m.failure && (!m.endReason || m.endReason === "completed")) parts.push(html`<span class="small">${m.failure}</span> `);
  if (m.note) parts.push(html`<br><span class="muted small">${m.note}</span>`);
  return html`${parts}`;
}

async function carryFigure(key: string, results: readonly MultiplexResult[], index: number, ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const configurations = results.map((m) => m.configuration);
  const colour = armColourChannel(arms, results.map((m) => m.arm));
  const metrics = [
    { key: "throughput", title: "throughput (calls/s)", pick: (m: MultiplexResult) => m.throughputRps },
    { key: "p50", title: "p50 latency (ms)", pick: (m: MultiplexResult) => m.latencyMs.p50 },
    { key: "p99", title: "p99 latency (ms)", pick: (m: MultiplexResult) => m.latencyMs.p99 },
  ];
  const panel = (metric: (typeof metrics)[number], first: boolean) => ({
    data: { values: results.map((m) => ({ configuration: m.configuration, arm: arms.name(m.arm), value: metric.pick(m) })) },
    width: 170,
    height: { step: results.length > 10 ? 14 : 20 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "configuration", type: "nominal", sort: configurations, title: first ? "configuration" : null, axis: first ? { labelLimit: 230 } : { labels: false, ticks: false } },
      x: { field: "value", type: "quantitative", title: metric.title },
      color: colour,
    },
  });
  const spec = { hconcat: metrics.map((m, i) => panel(m, i === 0)), resolve: { scale: { x: "independent" } } } as unknown as ChartSpec;
  const table = dataTable(
    [
      ARM_COLUMN,
      { label: "Configuration" },
      { label: "conns opened (measured)", numeric: true, hint: "every connection the client opened (those opened inside the measured windows)" },
      { label: "conns per call", numeric: true },
      { label: "calls", numeric: true },
      { label: "calls/s", numeric: true },
      { label: "p50 / p99 ms", numeric: true },
      { label: "CPU µs/call server / client", numeric: true },
      { label: "Flags and notes" },
    ],
    results.map((m) => [
      armChip(arms, m.arm),
      configurationCell(m),
      `${formatInteger(m.connectionsOpened)} (${formatInteger(m.connectionsOpenedMeasured)})`,
      formatNumber(m.connectionsPerCall),
      formatInteger(m.requests),
      formatNumber(m.throughputRps),
      `${formatNumber(m.latencyMs.p50)} / ${formatNumber(m.latencyMs.p99)}`,
      `${serverFigureText(m.serverCpuUsPerCall, m, arms.get(m.arm).arm?.target != null)} / ${formatNumber(m.clientCpuUsPerCall)}`,
      flagsCell(m),
    ]),
  );
  return chartFigure(
    { id: `multiplex-${index}`, title: `Multiplexing: ${key}`, subtitle: "the same in-flight calls carried different ways, a bar per configuration in its arm's colour; throughput higher is better, latency lower is better", spec, table },
    ctx.charts,
  );
}

async function headOfLineFigure(key: string, results: readonly MultiplexResult[], index: number, ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const calls = ["fast calls", "slow calls"];
  const values = results.flatMap((m) => {
    const h = m.headOfLine;
    if (!h) return [];
    return [
      { configuration: m.configuration, arm: arms.name(m.arm), calls: "fast calls", p99: h.fastP99Ms },
      { configuration: m.configuration, arm: arms.name(m.arm), calls: "slow calls", p99: h.slowP99Ms },
    ];
  });
  const spec = {
    data: { values },
    width: 460,
    height: { step: 16 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "configuration", type: "nominal", sort: results.map((m) => m.configuration), title: "configuration" },
      yOffset: { field: "calls", type: "nominal", sort: calls },
      x: { field: "p99", type: "quantitative", title: "p99 latency (ms)" },
      color: armColourChannel(arms, results.map((m) => m.arm)),
      opacity: { field: "calls", type: "ordinal", sort: calls, scale: { domain: calls, range: [1, 0.4] }, title: "calls" },
    },
  } as unknown as ChartSpec;
  const table = dataTable(
    [
      ARM_COLUMN,
      { label: "Configuration" },
      { label: "slow calls: delay ms / share", numeric: true },
      { label: "fast calls p50 / p99 ms", numeric: true },
      { label: "slow calls p50 / p99 ms", numeric: true },
      { label: "fast / slow calls", numeric: true },
      { label: "calls/s", numeric: true },
      { label: "Flags and notes" },
    ],
    results.map((m) => {
      const h = m.headOfLine!;
      return [
        armChip(arms, m.arm),
        configurationCell(m),
        `${formatNumber(h.slowDelayMs)} / ${formatNumber(h.slowFraction * 100)}%`,
        `${formatNumber(h.fastP50Ms)} / ${formatNumber(h.fastP99Ms)}`,
        `${formatNumber(h.slowP50Ms)} / ${formatNumber(h.slowP99Ms)}`,
        `${formatInteger(h.fastCalls)} / ${formatInteger(h.slowCalls)}`,
        formatNumber(m.throughputRps),
        flagsCell(m),
      ];
    }),
  );
  return chartFigure(
    {
      id: `multiplex-hol-${index}`,
      title: `Head-of-line blocking: ${key}`,
      subtitle: "slow calls mixed into the load: does the p99 of the fast calls suffer? (solid: fast calls, pale: slow calls)",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function multiplexSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.multiplex.length === 0) {
    body.push(notMeasured(report, "multiplex", "multiplexing"));
  } else {
    body.push(partialNote(report, "multiplex"));
    const arms = armDirectory(report);
    let i = 0;
    for (const [key, results] of groupBy(report.multiplex.filter((m) => !m.headOfLine), arms)) body.push(await carryFigure(key, results, i++, ctx, arms));
    const hol = report.multiplex.filter((m) => m.headOfLine);
    if (hol.length > 0) {
      body.push(html`<h3>Head-of-line blocking</h3>`);
      let j = 0;
      for (const [key, results] of groupBy(hol, arms)) body.push(await headOfLineFigure(key, results, j++, ctx, arms));
    }
  }
  return sectionFrame({
    id: "multiplexing",
    title: "Multiplexing",
    intro: "HTTP/2 carries many calls as streams on one connection; HTTP/1.1 needs a connection per in-flight call. Equal in-flight calls in every configuration compared.",
    body,
  });
}
