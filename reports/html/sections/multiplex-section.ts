// Ways of carrying the same number of in-flight calls: HTTP/2 streams over one or a few connections against
// HTTP/1.1 connection pools, with keep-alive on and off, and head-of-line blocking when slow calls mix in.
import type { MultiplexResult } from "../../../bench/model/multiplex-result.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { PROTOCOL_LABEL, protocolScale } from "../palette.js";
import { notMeasured, partialNote, sectionFrame, type SectionContext } from "../section.js";

const METRICS = ["throughput", "p50", "p99"] as const;

function groupKey(m: MultiplexResult): string {
  return `${m.call}, ${m.inFlight} in flight`;
}

async function groupFigure(key: string, results: readonly MultiplexResult[], index: number, ctx: SectionContext): Promise<Html> {
  const configurations = results.map((m) => m.configuration);
  const values = results.flatMap((m) => [
    { configuration: m.configuration, protocol: PROTOCOL_LABEL[m.protocol], metric: METRICS[0], value: m.throughputRps },
    { configuration: m.configuration, protocol: PROTOCOL_LABEL[m.protocol], metric: METRICS[1], value: m.latencyMs.p50 },
    { configuration: m.configuration, protocol: PROTOCOL_LABEL[m.protocol], metric: METRICS[2], value: m.latencyMs.p99 },
  ]);
  const panel = (metric: string, title: string) => ({
    transform: [{ filter: { field: "metric", equal: metric } }],
    width: 210,
    height: { step: 22 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "configuration", type: "nominal", sort: configurations, title: metric === METRICS[0] ? "configuration" : null, axis: metric === METRICS[0] ? {} : { labels: false, ticks: false } },
      x: { field: "value", type: "quantitative", title },
      color: { field: "protocol", type: "nominal", scale: protocolScale(), title: "protocol" },
    },
  });
  const spec = {
    data: { values },
    hconcat: [panel(METRICS[0], "throughput (calls/s)"), panel(METRICS[1], "p50 latency (ms)"), panel(METRICS[2], "p99 latency (ms)")],
    resolve: { scale: { x: "independent" } },
  } as unknown as ChartSpec;
  const table = dataTable(
    [
      { label: "Configuration" },
      { label: "Protocol" },
      { label: "conns", numeric: true },
      { label: "streams/conn", numeric: true },
      { label: "keep-alive" },
      { label: "conns opened", numeric: true },
      { label: "conns per call", numeric: true },
      { label: "calls", numeric: true },
      { label: "errors", numeric: true },
      { label: "calls/s", numeric: true },
      { label: "p50 ms", numeric: true },
      { label: "p99 ms", numeric: true },
      { label: "server CPU µs/call", numeric: true },
    ],
    results.map((m) => [
      m.configuration,
      html`<span class="swatch swatch-${m.protocol}-server"></span>${PROTOCOL_LABEL[m.protocol]}`,
      formatInteger(m.connections),
      m.streamsPerConnection === null ? "—" : formatInteger(m.streamsPerConnection),
      m.keepAlive ? "yes" : "no",
      formatInteger(m.connectionsOpened),
      formatNumber(m.connectionsPerCall),
      formatInteger(m.requests),
      m.errors > 0 ? html`<span class="flag flag-bad">${formatInteger(m.errors)}</span>` : "0",
      formatNumber(m.throughputRps),
      formatNumber(m.latencyMs.p50),
      formatNumber(m.latencyMs.p99),
      formatNumber(m.serverCpuUsPerCall),
    ]),
  );
  const figures = [
    await chartFigure(
      { id: `multiplex-${index}`, title: `Multiplexing: ${key}`, subtitle: "the same in-flight calls carried different ways; throughput higher is better, latency lower is better", spec, table },
      ctx.charts,
    ),
  ];
  const hol = results.filter((m) => m.headOfLine);
  if (hol.length > 0) {
    const holValues = hol.flatMap((m) => {
      const h = m.headOfLine!;
      return [
        { configuration: m.configuration, protocol: PROTOCOL_LABEL[m.protocol], calls: "fast calls p99", ms: h.fastP99Ms },
        { configuration: m.configuration, protocol: PROTOCOL_LABEL[m.protocol], calls: "slow calls p99", ms: h.slowP99Ms },
      ];
    });
    const holSpec = {
      data: { values: holValues },
      width: 420,
      height: { step: 16 },
      mark: { type: "bar" },
      encoding: {
        y: { field: "configuration", type: "nominal", sort: hol.map((m) => m.configuration), title: "configuration" },
        yOffset: { field: "calls", type: "nominal", sort: ["fast calls p99", "slow calls p99"] },
        x: { field: "ms", type: "quantitative", title: "p99 latency (ms)" },
        color: { field: "protocol", type: "nominal", scale: protocolScale(), title: "protocol" },
        opacity: { field: "calls", type: "ordinal", sort: ["fast calls p99", "slow calls p99"], scale: { domain: ["fast calls p99", "slow calls p99"], range: [1, 0.45] }, title: "calls" },
      },
    } as unknown as ChartSpec;
    const holTable = dataTable(
      [
        { label: "Configuration" },
        { label: "Protocol" },
        { label: "slow call delay ms", numeric: true },
        { label: "slow share", numeric: true },
        { label: "fast calls p99 ms", numeric: true },
        { label: "slow calls p99 ms", numeric: true },
      ],
      hol.map((m) => {
        const h = m.headOfLine!;
        return [m.configuration, PROTOCOL_LABEL[m.protocol], formatNumber(h.slowDelayMs), `${formatNumber(h.slowFraction * 100)}%`, formatNumber(h.fastP99Ms), formatNumber(h.slowP99Ms)];
      }),
    );
    figures.push(
      await chartFigure(
        {
          id: `multiplex-hol-${index}`,
          title: `Head-of-line blocking: ${key}`,
          subtitle: "slow calls mixed into the load; does the p99 of the fast calls suffer?",
          spec: holSpec,
          table: holTable,
        },
        ctx.charts,
      ),
    );
  }
  return html`${figures}`;
}

export async function multiplexSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.multiplex.length === 0) {
    body.push(notMeasured(report, "multiplex", "multiplexing"));
  } else {
    body.push(partialNote(report, "multiplex"));
    const groups = new Map<string, MultiplexResult[]>();
    for (const m of report.multiplex) groups.set(groupKey(m), [...(groups.get(groupKey(m)) ?? []), m]);
    let i = 0;
    for (const [key, results] of groups) body.push(await groupFigure(key, results, i++, ctx));
  }
  return sectionFrame({
    id: "multiplexing",
    title: "Multiplexing",
    intro: "HTTP/2 carries many calls as streams on one connection; HTTP/1.1 needs a connection per in-flight call. Equal in-flight calls in every configuration.",
    body,
  });
}
