// Findings first: run-wide caveats, the common claims next to the measurement, then every computed finding
// (ratio, 95% CI, verdict, caveats) with a forest plot of the ratios.
import type { Finding } from "../../../bench/model/finding.js";
import { isCommonClaim, shortLabels, verdictText, verdictTone } from "../../finding-kind.js";
import { formatCi, formatRatio } from "../../number-format.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { PROTOCOL_COLOURS, UI_COLOURS } from "../palette.js";
import { sectionFrame, type SectionContext } from "../section.js";

export function verdictBadge(verdict: string): Html {
  return html`<span class="verdict verdict-${verdictTone(verdict)}">${verdictText(verdict)}</span>`;
}

function caveatList(caveats: readonly string[]): Html {
  if (caveats.length === 0) return html`<span class="muted">none</span>`;
  return html`<ul class="caveats">${caveats.map((c) => html`<li>${c}</li>`)}</ul>`;
}

function findingRows(findings: readonly Finding[]): Html[][] {
  return findings.map((f) => [
    html`<span class="statement">${f.statement}</span><br><span class="muted small">${f.id} · ${f.metric}</span>`,
    html`${formatRatio(f.ratio)}`,
    html`${formatCi(f.ci95)}`,
    verdictBadge(f.verdict),
    caveatList(f.caveats),
  ]);
}

const COLUMNS = [
  { label: "Finding" },
  { label: "Ratio", numeric: true, hint: "gRPC / REST unless the statement says otherwise" },
  { label: "95%\u00a0CI", numeric: true, hint: "confidence interval of the ratio over the repetitions" },
  { label: "Verdict" },
  { label: "Caveats" },
];

const TONE_COLOUR: Record<string, string> = { grpc: PROTOCOL_COLOURS.grpc, rest: PROTOCOL_COLOURS.rest };

/**
 * The forest plot of the ratios, one panel per metric (rows are the scenarios the findings compare), with the
 * findings table as its exact numbers (the table alone when no ratio is plottable).
 */
async function forestPlot(findings: readonly Finding[], table: Html, ctx: SectionContext): Promise<Html> {
  const plottable = findings.filter((f) => f.ratio !== null && Number.isFinite(f.ratio) && f.ratio > 0);
  if (plottable.length === 0) return table;
  const metrics = [...new Set(plottable.map((f) => f.metric))];
  const tone = (f: Finding) => (verdictTone(f.verdict) === "grpc" ? "gRPC better" : verdictTone(f.verdict) === "rest" ? "REST better" : "no difference / other");
  const toneScale = {
    domain: ["gRPC better", "REST better", "no difference / other"],
    range: [TONE_COLOUR.grpc ?? "", TONE_COLOUR.rest ?? "", UI_COLOURS.neutral],
  };
  const panel = (metric: string) => {
    const mine = plottable.filter((f) => f.metric === metric);
    const labels = shortLabels(mine.map((f) => f.id));
    const values = mine.map((f, k) => ({
      finding: labels[k] ?? f.id,
      ratio: f.ratio,
      lo: f.ci95 && f.ci95[0] > 0 ? f.ci95[0] : f.ratio,
      hi: f.ci95 && f.ci95[1] > 0 ? f.ci95[1] : f.ratio,
      tone: tone(f),
    }));
    const y = { field: "finding", type: "nominal", title: null, sort: values.map((v) => v.finding), axis: { labelLimit: 230 } };
    // the domain always holds 1 (no difference) with a margin, and no more: a "nice" log domain would squash the points
    const lows = values.map((v) => v.lo as number);
    const highs = values.map((v) => v.hi as number);
    const domain = [Math.min(1, ...lows) / 1.15, Math.max(1, ...highs) * 1.15];
    const colour = { field: "tone", type: "nominal", scale: toneScale, title: "verdict" };
    return {
      title: { text: metric, fontSize: 12, fontWeight: 600, anchor: "start" },
      data: { values },
      width: 230,
      height: { step: 16 },
      layer: [
        { mark: { type: "rule", color: UI_COLOURS.muted, strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: "quantitative" } } },
        { mark: { type: "rule", strokeWidth: 2 }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" }, color: colour } },
        {
          mark: { type: "point", filled: true, size: 50, opacity: 1 },
          encoding: { y, x: { field: "ratio", type: "quantitative", scale: { type: "log", domain, nice: false }, title: "ratio (×, log scale; 1 = equal)" }, color: colour },
        },
      ],
    };
  };
  const spec = { concat: metrics.map(panel), columns: 2, resolve: { scale: { x: "independent", y: "independent" } } } as unknown as ChartSpec;
  return chartFigure(
    {
      id: "findings-ratios",
      title: "Findings: ratio with 95% confidence interval, per metric",
      subtitle: "points are ratios (gRPC / REST unless stated); bars are the 95% CI; the dashed line is 1 (no difference)",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function findingsSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const claims = report.findings.filter(isCommonClaim);
  const others = report.findings.filter((f) => !isCommonClaim(f));
  const body: Html[] = [];

  body.push(
    report.caveats.length > 0
      ? html`<div class="caveat-box" id="run-caveats"><h3>Run-wide caveats</h3><ul>${report.caveats.map((c) => html`<li>${c}</li>`)}</ul></div>`
      : html`<div class="caveat-box caveat-none" id="run-caveats"><h3>Run-wide caveats</h3><p>None were flagged by the measurements.</p></div>`,
  );

  body.push(html`<div class="claims-box" id="common-claims"><h3>Common claims, measured</h3>
<p class="muted">Claims that circulate in gRPC articles, next to what this run measured.</p>
${
  claims.length > 0
    ? dataTable(
        [{ label: "Claim" }, { label: "Measured", numeric: true }, { label: "95%\u00a0CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
        claims.map((f) => [
          html`<span class="statement">${f.statement}</span><br><span class="muted small">${f.metric}</span>`,
          html`${formatRatio(f.ratio)}`,
          html`${formatCi(f.ci95)}`,
          verdictBadge(f.verdict),
          caveatList(f.caveats),
        ]),
      )
    : html`<p class="not-measured">No common-claim findings in this run (they need the load and size families).</p>`
}</div>`);

  if (others.length > 0) {
    body.push(html`<h3>All findings</h3>`);
    body.push(await forestPlot(others, dataTable(COLUMNS, findingRows(others)), ctx));
  } else {
    body.push(html`<p class="not-measured"><strong>No gRPC / REST findings:</strong> they are computed from load results with repetitions, and this run has none to compare.</p>`);
  }

  return sectionFrame({
    id: "findings",
    title: "Findings",
    intro: "Computed from the measurements, never written by hand. Ratios are gRPC / REST unless the statement says otherwise; the 95% confidence interval comes from the repetitions.",
    body,
  });
}
