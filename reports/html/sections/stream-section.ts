// Streaming: server streams, client streams (uploads) and bidirectional chat against their REST counterparts.
// Every run checks item count and checksum; an unverified run is flagged, because a fast wrong answer is no answer.
// Bars take the colour of the configuration's arm; the table has an Arm column.
import type { StreamResult } from "../../../bench/model/stream-result.js";
import { armDirectory } from "../../finding-kind.js";
import { formatInteger, formatNumber } from "../../number-format.js";
import { serverFigureText } from "../../server-figure.js";
import { ARM_COLUMN, armChip, armColourChannel } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { UI_COLOURS } from "../palette.js";
import { notMeasured, partialNote, sectionFrame, type SectionContext } from "../section.js";

const KINDS = ["server-stream", "client-stream", "bidi"] as const;
const KIND_TITLE: Record<string, string> = {
  "server-stream": "server stream",
  "client-stream": "client stream (upload)",
  bidi: "bidirectional (chat)",
};

/** Fields a stream entry may carry beyond the common ones (the model allows additional properties). */
function extraText(s: StreamResult, key: string): string {
  const value = (s as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}

const ITEM_UNIT: Record<string, string> = { "server-stream": "orders", "client-stream": "bytes", bidi: "messages" };

function caseTitle(kind: string, items: number): string {
  return `${KIND_TITLE[kind] ?? kind}, ${formatInteger(items)} ${ITEM_UNIT[kind] ?? "items"}`;
}

async function streamChart(results: readonly StreamResult[], ctx: SectionContext): Promise<Html> {
  const arms = armDirectory(ctx.report);
  // one panel per kind and size: configurations are only comparable carrying the same items
  const cases = [...new Map(results.map((s) => [caseTitle(s.kind, s.items), { kind: s.kind, items: s.items }])).values()];
  const values = results.flatMap((s) => {
    const base = { case: caseTitle(s.kind, s.items), configuration: s.configuration, arm: arms.name(s.arm), armId: s.arm, verified: s.verified ? "yes" : "no" };
    return [
      ...(s.timeToLastItemMs !== null ? [{ ...base, moment: "last item", ms: s.timeToLastItemMs }] : []),
      ...(s.timeToFirstItemMs !== null ? [{ ...base, moment: "first item", ms: s.timeToFirstItemMs }] : []),
    ];
  });
  const panel = (title: string) => {
    const mine = values.filter((v) => v.case === title);
    const y = { field: "configuration", type: "nominal", title: null, sort: [...new Set(mine.map((v) => v.configuration))] };
    const bars = {
      transform: [{ filter: { field: "moment", equal: "last item" } }],
      mark: { type: "bar" },
      encoding: {
        y,
        x: { field: "ms", type: "quantitative", title: "time from start (ms)" },
        color: armColourChannel(arms, values.map((v) => v.armId)),
        stroke: { condition: { test: "datum.verified === 'no'", value: UI_COLOURS.bad }, value: null },
        strokeWidth: { condition: { test: "datum.verified === 'no'", value: 2 }, value: 0 },
        strokeDash: { condition: { test: "datum.verified === 'no'", value: [4, 2] }, value: [1, 0] },
      },
    };
    const ticks = {
      transform: [{ filter: { field: "moment", equal: "first item" } }],
      mark: { type: "tick", color: UI_COLOURS.ink, thickness: 3 },
      encoding: { y, x: { field: "ms", type: "quantitative" } },
    };
    const layer = [
      ...(mine.some((v) => v.moment === "last item") ? [bars] : []),
      ...(mine.some((v) => v.moment === "first item") ? [ticks] : []),
    ];
    const rows = new Set(mine.map((v) => v.configuration)).size;
    return { title: { text: title, fontSize: 12, fontWeight: 600, anchor: "start" }, data: { values: mine }, width: 280, height: { step: rows > 8 ? 14 : 20 }, layer };
  };
  const drawn = cases.map((c) => caseTitle(c.kind, c.items)).filter((t) => values.some((v) => v.case === t));
  const spec = {
    concat: drawn.map(panel),
    columns: 2,
    resolve: { scale: { x: "independent", y: "independent" } },
  } as unknown as ChartSpec;
  const table = dataTable(
    [
      ARM_COLUMN,
      { label: "Configuration" },
      { label: "items", numeric: true },
      { label: "Verified · end" },
      { label: "first / last item ms; items/s", numeric: true },
      { label: "round trip p50 / p99 ms", numeric: true },
      { label: "peak RSS MB client / server", numeric: true },
      { label: "wire bytes req / resp", numeric: true },
    ],
    results.map((s) => [
      armChip(arms, s.arm),
      html`<div class="wide-cell">${s.configuration}<br><span class="muted small">${[s.kind, extraText(s, "driver"), `${formatInteger(s.inFlight)} in flight`, `${formatInteger(s.repetitions)} repetitions`].filter((t) => t !== "").join(" · ")}</span>${[extraText(s, "note"), extraText(s, "failure")]
        .filter((t) => t !== "")
        .map((t) => html`<br><span class="muted small">${t}</span>`)}</div>`,
      formatInteger(s.items),
      html`${s.verified ? html`<span class="flag flag-ok" title="item count and checksum matched the expected values">verified</span>` : html`<span class="flag flag-bad">NOT verified</span>`}${
        s.endReason === "completed" ? "" : html` <span class="flag ${s.endReason === "not-applicable" ? "flag-warn" : "flag-bad"}">${s.endReason}</span>`
      }`,
      html`${formatNumber(s.timeToFirstItemMs)} / ${formatNumber(s.timeToLastItemMs)}<br><span class="muted">${formatNumber(s.itemsPerSec)}/s</span>`,
      s.roundTripMs ? `${formatNumber(s.roundTripMs.p50)} / ${formatNumber(s.roundTripMs.p99)}` : "—",
      `${formatNumber(s.clientPeakRssMb)} / ${serverFigureText(s.serverPeakRssMb, s.measurement ?? {}, arms.get(s.arm).arm?.target != null)}`,
      s.wireBytes ? `${formatInteger(s.wireBytes.request)} / ${formatInteger(s.wireBytes.response)}` : "—",
    ]),
  );
  if (values.length === 0) return table;
  return chartFigure(
    {
      id: "stream",
      title: "Streaming: time to first and last item",
      subtitle: "a bar per configuration in its arm's colour: the last item; a black tick: the first item; lower is better; red dashed outline: item count or checksum did not verify",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function streamSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const body: Html[] = [];
  if (report.stream.length === 0) {
    body.push(notMeasured(report, "stream", "streaming"));
  } else {
    const arms = armDirectory(report);
    const sorted = report.stream
      .map((s, i) => ({ s, i }))
      .sort((a, b) => KINDS.indexOf(a.s.kind) - KINDS.indexOf(b.s.kind) || a.s.items - b.s.items || arms.compare(a.s.arm, b.s.arm) || a.i - b.i)
      .map(({ s }) => s);
    body.push(partialNote(report, "stream"), await streamChart(sorted, ctx));
  }
  return sectionFrame({
    id: "streaming",
    title: "Streaming",
    intro: "gRPC streams against what a REST arm would do instead (NDJSON, one JSON array, pagination, a plain upload, a WebSocket), each configuration in its arm's colour.",
    body,
  });
}
