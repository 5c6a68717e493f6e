// Where the difference comes from: report.attribution as a waterfall per call and size class. Each bar is one step of
// the chain from rest to grpc and changes one factor (framework, transport, encoding, gRPC library); it starts where
// the previous step ended, so the last bar ends at the end-to-end ratio. Log scale: steps multiply. The side paths
// (fastify, protobuf over HTTP/1.1, the gateway) are drawn below on the same axis, each from where its `from` arm
// stands relative to the baseline to where its `to` arm does (every ratio is one of geometric means, so they agree).
import type { Attribution } from "../../../bench/model/attribution.js";
import { armDirectory, type ArmDirectory } from "../../finding-kind.js";
import { formatCi, formatRatio } from "../../number-format.js";
import { attributionAnchor } from "../decision.js";
import { armChip, armColourChannel } from "../arms.js";
import type { ChartSpec } from "../chart.js";
import { chartFigure } from "../chart-figure.js";
import { dataTable, type Column } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { UI_COLOURS } from "../palette.js";
import { payloadRank, sectionFrame, type SectionContext } from "../section.js";

/** The metrics drawn; the table lists every metric the attribution has. */
const CHARTED = ["throughputRps", "serverCpuUsPerCall"];

function title(a: Attribution): string {
  return `${a.call} ${a.payload}`;
}

function sorted(attribution: readonly Attribution[]): Attribution[] {
  return [...attribution].sort((a, b) => a.call.localeCompare(b.call) || payloadRank(a.payload) - payloadRank(b.payload) || a.metricLabel.localeCompare(b.metricLabel));
}

async function waterfall(attribution: readonly Attribution[], ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const charted = sorted(attribution.filter((a) => CHARTED.includes(a.metric)));
  const values = charted.flatMap((a) => {
    let start = 1;
    const steps = a.steps.map((s, i) => {
      const end = start * s.ratio;
      const bar = { panel: `${title(a)} · ${a.metricLabel} (${a.better} is better)`, order: i, step: `${i + 1}. ${s.factor}`, to: arms.name(s.to), arm: arms.name(s.to), start, end, ratio: s.ratio };
      start = end;
      return bar;
    });
    const total = { panel: steps[0]?.panel ?? "", order: a.steps.length, step: `= ${arms.name(a.candidate)} / ${arms.name(a.baseline)}`, to: arms.name(a.candidate), arm: arms.name(a.candidate), start: 1, end: a.ratio, ratio: a.ratio };
    // Where each arm stands relative to the baseline, so a side path starts where its `from` arm is.
    const position = new Map<string, number>([[a.baseline, 1]]);
    for (const s of a.steps) position.set(s.to, (position.get(s.from) ?? 1) * s.ratio);
    const sides = (a.sides ?? []).flatMap((s, i) => {
      const from = position.get(s.from);
      if (from === undefined) return [];
      position.set(s.to, from * s.ratio);
      return [{ panel: total.panel, order: a.steps.length + 1 + i, step: `↳ ${s.label}`, to: arms.name(s.to), arm: arms.name(s.to), start: from, end: from * s.ratio, ratio: s.ratio }];
    });
    return [...steps, total, ...sides];
  });
  const ids = [...new Set(charted.flatMap((a) => [...a.steps.map((s) => s.to), ...(a.sides ?? []).map((s) => s.to)]))];
  const panels = [...new Set(values.map((v) => v.panel))];
  const spec = {
    data: { values },
    facet: { field: "panel", type: "nominal", title: null, sort: panels, header: { labelFontWeight: 600, labelFontSize: 12 } },
    columns: 2,
    spec: {
      width: 300,
      height: { step: 26 },
      layer: [
        {
          mark: { type: "bar", height: 16 },
          encoding: {
            y: { field: "step", type: "nominal", sort: { field: "order" }, title: null, axis: { labelLimit: 300 } },
            x: { field: "start", type: "quantitative", scale: { type: "log" }, title: "ratio to the baseline (×, log scale)" },
            x2: { field: "end" },
            color: armColourChannel(arms, ids, "arm", "step to"),
            tooltip: [{ field: "step" }, { field: "ratio", format: ".3f" }],
          },
        },
        { mark: { type: "rule", color: UI_COLOURS.ink, strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
      ],
    },
    resolve: { scale: { x: "independent", y: "independent" } },
  } as unknown as ChartSpec;
  const stepColumns: Column[] = [{ label: "Call" }, { label: "Metric" }, { label: "Steps (ratio, 95% CI)" }, { label: "End to end", numeric: true }, { label: "95% CI", numeric: true }];
  const table = dataTable(
    stepColumns,
    sorted(attribution).map((a) => [
      html`<span id="${attributionAnchor(a)}">${title(a)}</span>`,
      html`${a.metricLabel}<br><span class="muted small">${a.better} is better</span>`,
      html`${a.steps.map(
        (s) => html`<div class="attribution-step" data-factor="${s.factor}">${s.factor}: ${armChip(arms, s.to)} ${formatRatio(s.ratio)} <span class="muted small">${formatCi(s.ci95)}</span></div>`,
      )}${(a.sides ?? []).map(
        (s) => html`<div class="attribution-side" data-factor="${s.factor}">beside, ${s.label}: ${armChip(arms, s.from)} → ${armChip(arms, s.to)} ${formatRatio(s.ratio)} <span class="muted small">${formatCi(s.ci95)}</span></div>`,
      )}${a.caveats.length > 0 ? html`<div class="muted small">${a.caveats.join("; ")}</div>` : ""}`,
      formatRatio(a.ratio),
      formatCi(a.ci95),
    ]),
  );
  return chartFigure(
    {
      id: "attribution",
      title: "Where the difference comes from: one factor per step, from the baseline to gRPC",
      subtitle:
        "each bar starts where the previous one ended (ratios multiply, log scale); the \"=\" bar is the end-to-end ratio; \"↳\" bars run from one arm to another beside the chain (fastify, protobuf over HTTP/1.1, the gateway); dashed line: no difference. Server view, closed loop",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function attributionSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const arms = armDirectory(report);
  const body =
    report.attribution.length === 0
      ? html`<p class="not-measured"><strong>No attribution in this run:</strong> it needs the arms rest and grpc and at least one arm of the chain between them (rest-node, json-h2, grpc-raw) or beside it (rest-fastify, protobuf-h1, gateway) in the load family; <code>npm run bench</code> runs them all.</p>`
      : await waterfall(report.attribution, ctx, arms);
  return sectionFrame({
    id: "attribution",
    title: "Where the difference comes from",
    intro:
      "The chain from REST on express to gRPC on grpc-js changes one factor per step: the framework (express → raw node:http), the transport (HTTP/1.1 → HTTP/2), the encoding (JSON → protobuf in gRPC framing, which also makes a bodiless GET a POST with a length-prefixed request and trailers; the protobuf-over-HTTP/1.1 side path shows JSON → protobuf alone) and the gRPC library (a hand-written server on node:http2 → grpc-js). Arms a run did not measure merge their factors into one step. Each step's ratio is the ratio of the geometric means of the two arms' repetitions, so the steps multiply to the end-to-end ratio. Beside the chain: fastify as another framework, protobuf over HTTP/1.1 (encoding before transport: when the two orders disagree, the factors interact), and a REST gateway in front of grpc-js, against rest and against grpc.",
    body,
  });
}
