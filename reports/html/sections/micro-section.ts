// Encode/decode cost in isolation (tinybench): operations per second per format and size class, with the
// relative margin of error as whiskers. An errored task is listed with its error and never plotted. How the figures
// were repeated (MicroResult.repetitionNote) is said once, above the charts.
import type { MicroResult } from "../../../bench/model/micro-result.js";
import { formatInteger, formatNumber, formatPercent } from "../../number-format.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { formatColour, formatScale, UI_COLOURS } from "../palette.js";
import { nothingToPlot, notMeasured, PAYLOAD_ORDER, partialNote, payloadRank, sectionFrame, type SectionContext } from "../section.js";

async function messageFigure(message: string, results: readonly MicroResult[], index: number, ctx: SectionContext): Promise<Html> {
  const sorted = [...results].sort(
    (a, b) => a.op.localeCompare(b.op) * -1 || payloadRank(a.payload) - payloadRank(b.payload) || a.format.localeCompare(b.format),
  );
  const formats = formatScale(sorted.map((r) => r.format));
  const payloads = PAYLOAD_ORDER.filter((p) => sorted.some((r) => r.payload === p));
  const values = sorted
    .filter((r) => r.state === "completed" && r.opsPerSec > 0)
    .map((r) => {
      const margin = Math.min(r.rmePct, 99) / 100;
      return { op: r.op, payload: r.payload, format: r.format, ops: r.opsPerSec, lo: r.opsPerSec / (1 + margin), hi: r.opsPerSec / (1 - margin) };
    });
  const x = { field: "payload", type: "ordinal", sort: payloads, title: "size class", axis: { labelAngle: 0 } };
  const xOffset = { field: "format", type: "nominal", sort: formats.domain };
  const spec = {
    data: { values },
    facet: { field: "op", type: "nominal", title: null, sort: ["encode", "decode"] },
    columns: 2,
    spec: {
      width: 340,
      height: 220,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            x,
            xOffset,
            y: { field: "ops", type: "quantitative", scale: { type: "log" }, stack: null, title: "operations per second (log scale)" },
            color: { field: "format", type: "nominal", scale: formats, title: "format" },
          },
        },
        { mark: { type: "rule", color: UI_COLOURS.ink }, encoding: { x, xOffset, y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } } },
      ],
    },
  } as unknown as ChartSpec;
  const table = dataTable(
    [
      { label: "Op" },
      { label: "Size" },
      { label: "Format" },
      { label: "ops/s", numeric: true },
      { label: "mean ns", numeric: true },
      { label: "p99 ns", numeric: true },
      { label: "rme", numeric: true, hint: "relative margin of error: of the mean over repetitions (older reports: within one run)" },
      { label: "samples", numeric: true },
      { label: "reps", numeric: true, hint: "repetitions, each in a fresh worker thread; ops/s is their median" },
      { label: "State" },
      { label: "What one call does" },
    ],
    sorted.map((r) => [
      r.op,
      r.payload,
      html`<span class="swatch" style="background:${formatColour(r.format)}"></span>${r.format}`,
      r.state === "completed" ? formatNumber(r.opsPerSec) : "—",
      r.state === "completed" ? formatNumber(r.meanNs) : "—",
      r.state === "completed" ? formatNumber(r.p99Ns) : "—",
      r.state === "completed" ? `±${formatPercent(r.rmePct, 2)}` : "—",
      formatInteger(r.samples),
      r.repetitions ? formatInteger(r.repetitions.length) : "—",
      r.state === "completed" ? html`<span class="muted">completed</span>` : html`<span class="flag flag-bad">errored</span> ${r.error ?? ""}`,
      html`<span class="small">${r.does ?? ""}${r.note ? html`<br><span class="muted">${r.note}</span>` : ""}</span>`,
    ]),
  );
  if (values.length === 0) return nothingToPlot(`no encode/decode task for ${message} completed (see the errors below).`, table);
  return chartFigure(
    {
      id: `micro-${index}`,
      title: `Encode/decode throughput: ${message}`,
      subtitle: "one core, no I/O; whiskers: the relative margin of error (over repetitions where there are several); higher is better",
      spec,
      table,
    },
    ctx.charts,
  );
}

/** Said once for the section: how the figures were repeated (the most common note; reports from before repetitions say so). */
function repetitionText(results: readonly MicroResult[]): Html {
  const counts = new Map<string, number>();
  for (const r of results) if (r.state === "completed" && r.repetitionNote) counts.set(r.repetitionNote, (counts.get(r.repetitionNote) ?? 0) + 1);
  const [note] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (note === undefined) {
    return html`<p class="micro-repetitions small muted">One tinybench run per entry (a report from before repetitions): its rme is the spread inside that one run, not between runs.</p>`;
  }
  const others = results.filter((r) => r.state === "completed" && r.repetitionNote !== note).length;
  return html`<p class="micro-repetitions small muted">How these figures were repeated: ${note}.${others > 0 ? ` ${others} entries differ (the reps column).` : ""}</p>`;
}

export async function microSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.micro.length === 0) {
    body.push(notMeasured(report, "micro", "encode/decode micro-benchmarks"));
  } else {
    body.push(partialNote(report, "micro"));
    body.push(repetitionText(report.micro));
    const byMessage = new Map<string, MicroResult[]>();
    for (const r of report.micro) byMessage.set(r.message, [...(byMessage.get(r.message) ?? []), r]);
    let i = 0;
    for (const [message, results] of [...byMessage].sort(([a], [b]) => a.localeCompare(b))) body.push(await messageFigure(message, results, i++, ctx));
  }
  return sectionFrame({
    id: "encode-decode",
    title: "Encode and decode",
    intro: "What serialization alone costs, away from the network: protobuf codecs (in the grpc arm's colour) against JSON (in the rest arm's colour); no arm is involved.",
    body,
  });
}
