// Serialized sizes (canonical JSON vs protobuf, raw and compressed) and compression as it really went over the
// wire, with requested and applied side by side so a setting that had no effect cannot hide.
import type { CompressionResult } from "../../../bench/model/compression-result.js";
import type { SizeResult } from "../../../bench/model/size-result.js";
import { formatInteger, formatNumber, formatPercent, formatRatio } from "../../number-format.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { armDirectory } from "../../finding-kind.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { formatScale, UI_COLOURS } from "../palette.js";
import { nothingToPlot, notMeasured, partialNote, payloadRank, sectionFrame, type SectionContext } from "../section.js";

const ENCODINGS = ["raw", "gzip", "deflate", "br"] as const;
const FORMAT_LABEL = { json: "JSON", protobuf: "protobuf" } as const;
const ENCODING_LABEL: Record<string, string> = { raw: "uncompressed", gzip: "gzip", deflate: "deflate", br: "brotli" };

/** Row label of one size entry; the role joins it only where message and size class alone would repeat. */
function entryLabels(sizes: readonly SizeResult[]): string[] {
  const base = sizes.map((s) => `${s.message} · ${s.payload}`);
  return sizes.map((s, i) => (base.filter((b) => b === base[i]).length > 1 && s.role ? `${base[i]} (${s.role})` : (base[i] ?? "")));
}

async function sizeCharts(sizes: readonly SizeResult[], ctx: SectionContext): Promise<Html[]> {
  const sorted = [...sizes].sort((a, b) => a.message.localeCompare(b.message) || payloadRank(a.payload) - payloadRank(b.payload) || (a.role ?? "").localeCompare(b.role ?? ""));
  const labels = entryLabels(sorted);
  const formats = formatScale([FORMAT_LABEL.protobuf, FORMAT_LABEL.json]);
  const values = sorted.flatMap((s, i) =>
    (["protobuf", "json"] as const).flatMap((format) =>
      ENCODINGS.map((encoding) => ({ entry: labels[i], format: FORMAT_LABEL[format], encoding, bytes: s[format][encoding] })),
    ),
  );
  // horizontal bars: message names are long, and a row per message · size class keeps any number of them readable
  const bytesPanel = (encoding: (typeof ENCODINGS)[number], first: boolean) => ({
    title: { text: ENCODING_LABEL[encoding] ?? encoding, fontSize: 12, fontWeight: 600, anchor: "middle" },
    data: { values: values.filter((v) => v.encoding === encoding && v.bytes > 0) },
    width: 150,
    height: { step: 9 },
    mark: { type: "bar" },
    encoding: {
      y: { field: "entry", type: "nominal", sort: labels, title: first ? "message · size class" : null, axis: first ? { labelLimit: 320 } : { labels: false, ticks: false } },
      yOffset: { field: "format", type: "nominal", sort: formats.domain },
      x: { field: "bytes", type: "quantitative", scale: { type: "log" }, stack: null, title: "bytes (log scale)" },
      color: { field: "format", type: "nominal", scale: formats, title: "format" },
    },
  });
  const drawn = ENCODINGS.filter((e) => values.some((v) => v.encoding === e && v.bytes > 0));
  const bytesSpec = { hconcat: drawn.map((e, k) => bytesPanel(e, k === 0)), resolve: { scale: { x: "independent" } } } as unknown as ChartSpec;
  const bytesTable = dataTable(
    [{ label: "Message · size class" }, ...ENCODINGS.map((e) => ({ label: `${ENCODING_LABEL[e] ?? e}: protobuf / JSON bytes`, numeric: true }))],
    sorted.map((s, i) => [html`<span class="nowrap">${labels[i] ?? ""}</span>`, ...ENCODINGS.map((e) => `${formatInteger(s.protobuf[e])} / ${formatInteger(s.json[e])}`)]),
  );

  const encodingLabels = ENCODINGS.map((e) => ENCODING_LABEL[e] ?? e);
  const ratioValues = sorted
    .flatMap((s, i) => ENCODINGS.map((encoding) => ({ entry: labels[i], encoding: ENCODING_LABEL[encoding], ratio: s.ratio[encoding] })))
    .filter((v) => Number.isFinite(v.ratio) && v.ratio > 0);
  const maxRatio = Math.max(10, ...ratioValues.map((v) => v.ratio));
  const ratioSpec = {
    width: 520,
    height: { step: 7 },
    data: { values: ratioValues },
    layer: [
      {
        mark: { type: "bar", color: UI_COLOURS.muted },
        encoding: {
          y: { field: "entry", type: "nominal", sort: labels, title: "message · size class", axis: { labelLimit: 320 } },
          yOffset: { field: "encoding", type: "nominal", sort: encodingLabels },
          x: { field: "ratio", type: "quantitative", title: "JSON size / protobuf size (×)", scale: { domain: [0, Math.ceil(maxRatio * 1.05)] } },
          opacity: { field: "encoding", type: "ordinal", sort: encodingLabels, scale: { domain: encodingLabels, range: [1, 0.75, 0.55, 0.35] }, title: "compression" },
        },
      },
      { mark: { type: "rule", color: UI_COLOURS.bad, strokeDash: [6, 3], strokeWidth: 1.5 }, encoding: { x: { datum: 10 } } },
      {
        mark: { type: "text", align: "right", dx: -4, dy: 8, color: UI_COLOURS.bad, fontSize: 11, baseline: "top" },
        encoding: { x: { datum: 10 }, y: { value: 0 }, text: { value: "“10× smaller”" } },
      },
      { mark: { type: "rule", color: UI_COLOURS.ink }, encoding: { x: { datum: 1 } } },
    ],
  } as unknown as ChartSpec;
  const anyMinimal = sorted.some((s) => s.protobufMinimalRaw !== undefined);
  const anySubject = sorted.some((s) => s.subject !== undefined);
  const ratioTable = dataTable(
    [
      { label: "Message · size class" },
      ...ENCODINGS.map((e) => ({ label: `JSON / protobuf, ${ENCODING_LABEL[e] ?? e}`, numeric: true })),
      ...(anyMinimal ? [{ label: "protobuf bytes without default-valued fields", numeric: true, hint: "what encoders that skip proto3 defaults (Python, C++, Go) would send" }] : []),
      ...(anySubject ? [{ label: "Subject" }] : []),
    ],
    sorted.map((s, i) => [
      html`<span class="nowrap">${labels[i] ?? ""}</span>`,
      ...ENCODINGS.map((e) => formatRatio(s.ratio[e])),
      ...(anyMinimal ? [formatInteger(s.protobufMinimalRaw)] : []),
      ...(anySubject ? [html`<span class="small">${s.subject ?? ""}</span>`] : []),
    ]),
  );
  return [
    drawn.length > 0
      ? await chartFigure(
          { id: "sizes-bytes", title: "Serialized size: JSON vs protobuf", subtitle: "the same message in both formats (JSON = the canonical proto3 mapping), uncompressed and with each compression", spec: bytesSpec, table: bytesTable },
          ctx.charts,
        )
      : nothingToPlot("every serialized size is 0 bytes.", bytesTable),
    ratioValues.length > 0
      ? await chartFigure(
          { id: "sizes-ratio", title: "How much larger JSON is than protobuf", subtitle: "JSON size / protobuf size per message, size class and compression; red dashed line: the often-quoted 10×", spec: ratioSpec, table: ratioTable },
          ctx.charts,
        )
      : nothingToPlot("no finite JSON / protobuf ratio (a 0-byte protobuf encoding has none).", ratioTable),
  ];
}

/** identity first, then the codings in the order the family runs them; anything else after them. */
const CODINGS = ["identity", "gzip", "deflate", "br"];
function codingRank(coding: string): number {
  const i = CODINGS.indexOf(coding);
  return i < 0 ? CODINGS.length : i;
}

function configurationLabel(c: CompressionResult): string {
  return `${c.call} · ${c.payload} · ${c.direction}`;
}

async function compressionChart(results: readonly CompressionResult[], ctx: SectionContext): Promise<Html> {
  const arms = armDirectory(ctx.report);
  const sorted = [...results].sort(
    (a, b) =>
      a.call.localeCompare(b.call) ||
      payloadRank(a.payload) - payloadRank(b.payload) ||
      a.direction.localeCompare(b.direction) ||
      arms.compare(a.arm, b.arm) ||
      codingRank(a.requested) - codingRank(b.requested) ||
      a.path.localeCompare(b.path),
  );
  const groups = [...new Set(sorted.map(configurationLabel))];
  const requested = [...new Set(sorted.map((c) => c.requested))].sort((a, b) => codingRank(a) - codingRank(b) || a.localeCompare(b));
  const isAlternative = (c: CompressionResult) => /^estimate|alternative/i.test(c.path);
  // several paths per arm (grpc-js as measured, an estimate labelled as such): one bar each, never stacked
  const barOf = (c: CompressionResult) => `${arms.name(c.arm)} · ${c.path}`;
  const bars = [...new Set(sorted.map(barOf))];
  const values = sorted.map((c) => ({
    group: configurationLabel(c),
    arm: arms.name(c.arm),
    bar: barOf(c),
    kind: isAlternative(c) ? "estimate / alternative path" : "as measured",
    requested: c.requested,
    applied: c.applied,
    bytes: c.wireBytes,
    notApplied: c.appliedAsRequested ? "no" : "yes",
  }));
  const colour = armColourChannel(arms, sorted.map((c) => c.arm));
  // one panel per call · size · direction with its own scale: an xlarge body must not flatten a small one;
  // horizontal bars, a group per requested compression, a bar per arm: the panel grows downwards with the arms
  const panel = (group: string) => {
    const mine = values.filter((v) => v.group === group);
    const y = { field: "requested", type: "nominal", sort: requested, title: "compression requested" };
    const yOffset = { field: "bar", type: "nominal", sort: bars.filter((b) => mine.some((v) => v.bar === b)) };
    const perGroup = Math.max(...requested.map((r) => mine.filter((v) => v.requested === r).length), 1);
    const barLayer = {
      mark: { type: "bar" },
      encoding: {
        y,
        yOffset,
        x: { field: "bytes", type: "quantitative", title: "body on the wire per call (bytes)" },
        color: colour,
        opacity: { field: "kind", type: "ordinal", sort: ["as measured", "estimate / alternative path"], scale: { domain: ["as measured", "estimate / alternative path"], range: [1, 0.4] }, legend: null },
        stroke: { condition: { test: "datum.notApplied === 'yes'", value: UI_COLOURS.bad }, value: null },
        strokeWidth: { condition: { test: "datum.notApplied === 'yes'", value: 2 }, value: 0 },
        strokeDash: { condition: { test: "datum.notApplied === 'yes'", value: [4, 2] }, value: [1, 0] },
      },
    };
    const labels = {
      transform: [{ filter: "datum.notApplied === 'yes'" }],
      mark: { type: "text", align: "left", dx: 4, color: UI_COLOURS.bad, fontSize: 10, baseline: "middle" },
      encoding: { y, yOffset, x: { field: "bytes", type: "quantitative" }, text: { value: "not applied" } },
    };
    return {
      title: { text: group, fontSize: 12, fontWeight: 600, anchor: "middle" },
      data: { values: mine },
      width: groups.length > 1 ? 280 : 560,
      height: { step: Math.max(6, Math.min(14, Math.floor(84 / perGroup))), for: "offset" },
      layer: mine.some((v) => v.notApplied === "yes") ? [barLayer, labels] : [barLayer],
    };
  };
  const spec = { concat: groups.map(panel), columns: Math.min(groups.length, 2), resolve: { scale: { y: "independent", x: "independent" } } } as unknown as ChartSpec;

  // few columns, paired figures in one cell: the table fits the page even with eight arms
  const table = dataTable(
    [
      ARM_COLUMN,
      { label: "Call · size · direction" },
      { label: "Requested → applied" },
      { label: "wire / uncompressed B per call", numeric: true },
      { label: "saved", numeric: true },
      { label: "CPU µs/call server / client", numeric: true },
      { label: "p50 / p99 ms", numeric: true },
      { label: "Note" },
    ],
    sorted.map((c) => [
      armChip(arms, c.arm, c.path),
      configurationLabel(c),
      c.appliedAsRequested ? `${c.requested} → ${c.applied}` : html`${c.requested} → <span class="flag flag-bad">${c.applied} (not as requested)</span>`,
      `${formatInteger(c.wireBytes)} / ${formatInteger(c.uncompressedBytes)}`,
      formatPercent(c.bytesSavedPct, 2),
      `${formatNumber(c.serverCpuUsPerCall)} / ${formatNumber(c.clientCpuUsPerCall)}`,
      c.latencyMs ? `${formatNumber(c.latencyMs.p50)} / ${formatNumber(c.latencyMs.p99)}` : "—",
      html`<span class="small">${c.note ?? ""}${c.measuredBy ? html`${c.note ? html`<br>` : ""}<span class="muted">${c.measuredBy}</span>` : ""}</span>`,
    ]),
  );
  return chartFigure(
    {
      id: "compression",
      title: "Compression as applied on the wire",
      subtitle: "bytes counted at the socket per call, a bar per arm; red dashed outline: the requested compression was not applied; pale: an estimate or alternative path, labelled in the table",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function sizesSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [html`<h3>Serialized sizes</h3>`];
  if (report.sizes.length === 0) body.push(notMeasured(report, "size", "serialized sizes"));
  else body.push(partialNote(report, "size"), ...(await sizeCharts(report.sizes, ctx)));
  body.push(html`<h3>Compression</h3>`);
  if (report.compression.length === 0) body.push(notMeasured(report, "compression", "compression on the wire"));
  else body.push(partialNote(report, "compression"), await compressionChart(report.compression, ctx));
  return sectionFrame({
    id: "sizes-compression",
    title: "Sizes and compression",
    intro: "JSON here is the proto3 canonical JSON mapping of the very message gRPC sends, so the comparison is like for like. Compression figures are what was observed on the wire, not what was asked for.",
    body,
  });
}
