// Findings first: run-wide caveats, the common claims next to the measurement, then each arm against the
// baseline: a tally per arm and metric, a forest plot of every ratio with its 95% CI (coloured by arm), the
// scenario × metric matrix per candidate-vs-baseline pair, and every finding with its statement and caveats.
// Who is compared with whom, where and on what is read from the findings' fields, never from their ids.
import { findingAnchor } from "../decision.js";
import type { Finding } from "../../../bench/model/finding.js";
import {
  armDirectory,
  armPairs,
  betterArm,
  findingMatrix,
  isCommonClaim,
  metricName,
  scenarioParts,
  scenarioText,
  tallyVerdicts,
  unpairedFindings,
  verdictText,
  type ArmDirectory,
  type ArmPairFindings,
} from "../../finding-kind.js";
import { formatCi, formatInteger, formatRatio } from "../../number-format.js";
import { ARM_COLUMN, armChip, armColourChannel, slug, verdictBadge } from "../arms.js";
import { chartFigure } from "../chart-figure.js";
import type { ChartSpec } from "../chart.js";
import { dataTable } from "../data-table.js";
import { html, type Html } from "../html-template.js";
import { armColour, UI_COLOURS } from "../palette.js";
import { sectionFrame, type SectionContext } from "../section.js";

function caveatList(caveats: readonly string[]): Html {
  if (caveats.length === 0) return html`<span class="muted">none</span>`;
  return html`<ul class="caveats">${caveats.map((c) => html`<li>${c}</li>`)}</ul>`;
}

function pairCell(arms: ArmDirectory, candidate: string | null, baseline: string | null): Html {
  if (candidate === null && baseline === null) return html`<span class="muted">—</span>`;
  return html`${candidate === null ? "—" : armChip(arms, candidate)}<br><span class="muted small">vs</span> ${baseline === null ? "—" : armChip(arms, baseline)}`;
}

/** A scenario as a multi-line axis label: its pieces, a line break (\n) where a line would pass `max` characters. */
function scenarioLabel(f: Finding, max = 26): string {
  const lines: string[] = [];
  for (const part of scenarioParts(f)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 3 + part.length <= max) lines[lines.length - 1] = `${last} · ${part}`;
    else lines.push(part);
  }
  return lines.join("\n");
}

const pairName = (arms: ArmDirectory, p: Pick<ArmPairFindings, "candidate" | "baseline">) => `${arms.name(p.candidate)} vs ${arms.name(p.baseline)}`;

function claimsBox(claims: readonly Finding[], arms: ArmDirectory): Html {
  const table = dataTable(
    [{ label: "Claim" }, { label: "Arms", hint: "the arms the claim's figures come from (candidate vs baseline)" }, { label: "Measured", numeric: true }, { label: "95%\u00a0CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
    claims.map((f) => [
      html`<span class="statement">${f.statement}</span><br><span class="muted small">${f.metric}</span>${
        f.byFactor !== undefined && f.byFactor.length > 0
          ? html`<div class="claim-factors">${f.byFactor.map(
              (s) => html`<div class="small" data-factor="${s.factor}">${s.factor}: ${armChip(arms, s.from)} → ${armChip(arms, s.to)} ${formatRatio(s.ratio)}${s.range[0] !== s.range[1] ? html` <span class="muted">(${formatRatio(s.range[0])}–${formatRatio(s.range[1])})</span>` : ""}</div>`,
            )}</div>`
          : ""
      }`,
      pairCell(arms, f.candidate, f.baseline),
      html`${formatRatio(f.ratio)}`,
      html`${formatCi(f.ci95)}`,
      verdictBadge(f, arms),
      caveatList(f.caveats),
    ]),
  );
  return html`<div class="claims-box" id="common-claims"><h3>Common claims, measured</h3>
<p class="muted">Claims that circulate in gRPC articles, next to what this run measured.</p>
${claims.length > 0 ? table : html`<p class="not-measured">No common-claim findings in this run (they need the load and size families).</p>`}</div>`;
}

/** Every metric name the pairs use, in first-use order. */
function metricsOf(pairs: readonly ArmPairFindings[]): string[] {
  return [...new Set(pairs.flatMap((p) => p.findings.map(metricName)))];
}

function tallyCell(findings: readonly Finding[], arms: ArmDirectory, pair: ArmPairFindings): Html {
  if (findings.length === 0) return html`<span class="muted">—</span>`;
  const t = tallyVerdicts(findings);
  const parts: Html[] = [];
  if (t.candidateBetter > 0) parts.push(html`<span class="tally" title="${arms.name(pair.candidate)} better (95% CI excludes 1)"><span class="swatch" style="background:${armColour(pair.candidate)}"></span><strong>${t.candidateBetter}</strong> better</span>`);
  if (t.baselineBetter > 0) parts.push(html`<span class="tally" title="${arms.name(pair.baseline)} better (95% CI excludes 1)"><span class="swatch" style="background:${armColour(pair.baseline)}"></span><strong>${t.baselineBetter}</strong> worse</span>`);
  if (t.noDifference > 0) parts.push(html`<span class="tally muted" title="no significant difference">${t.noDifference} ~</span>`);
  if (t.other > 0) parts.push(html`<span class="tally muted" title="too few repetitions, or inconclusive">${t.other} ?</span>`);
  return html`${parts}`;
}

/** Per candidate arm and metric: in how many scenarios it was better, worse, or not significantly different. */
function tallyTable(pairs: readonly ArmPairFindings[], arms: ArmDirectory): Html {
  const metrics = metricsOf(pairs);
  return dataTable(
    [ARM_COLUMN, { label: "vs" }, ...metrics.map((m) => ({ label: m, hint: `scenarios where the arm's ${m} was better / worse than the baseline's (95% CI excludes 1), ~ no significant difference, ? too few repetitions or inconclusive` }))],
    pairs.map((p) => [
      html`<a class="plain" href="#pair-${slug(p.candidate)}-vs-${slug(p.baseline)}">${armChip(arms, p.candidate)}</a>`,
      armChip(arms, p.baseline),
      ...metrics.map((m) => tallyCell(p.findings.filter((f) => metricName(f) === m), arms, p)),
    ]),
    "Each arm against the baseline, per metric: in how many scenarios it was better, worse or not significantly different",
  );
}

function matrixCell(f: Finding | undefined, arms: ArmDirectory): Html {
  if (!f) return html`<td class="num muted">—</td>`;
  const ci = f.ci95 ? `, 95% CI ${formatCi(f.ci95)}` : "";
  const title = `${verdictText(f, arms)}${ci}`;
  const better = betterArm(f);
  if (better !== null) {
    // the row group names the candidate: "better" / "worse" are the candidate's, the swatch is the better arm's colour
    const word = f.verdict === "candidate-better" ? "better" : "worse";
    return html`<td class="num cell-better" id="${findingAnchor(f)}" title="${title}" data-verdict="${f.verdict}" data-arm="${better}"><span class="swatch" style="background:${armColour(better)}"></span><strong>${formatRatio(f.ratio)}</strong><br><span class="small">${word}</span></td>`;
  }
  if (f.verdict === "no-significant-difference") return html`<td class="num" id="${findingAnchor(f)}" title="${title}" data-verdict="${f.verdict}">${formatRatio(f.ratio)} <span class="muted">~</span></td>`;
  return html`<td class="num" id="${findingAnchor(f)}" title="${title}" data-verdict="${f.verdict}">${formatRatio(f.ratio)} <span class="muted">?</span><br><span class="small muted verdict-note">${verdictText(f, arms)}</span></td>`;
}

/** The scenario × metric matrix, one row group per candidate-vs-baseline pair (its arm cell spanning the group). */
function matrixTable(pairs: readonly ArmPairFindings[], arms: ArmDirectory): Html {
  const metrics = metricsOf(pairs);
  const groups = pairs.map((p) => {
    const matrix = findingMatrix(p.findings);
    const id = `pair-${slug(p.candidate)}-vs-${slug(p.baseline)}`;
    const armCell = (span: number) =>
      html`<th scope="rowgroup" rowspan="${span}" class="pair-cell" id="${id}">${armChip(arms, p.candidate)}<br><span class="muted small">vs</span> ${armChip(arms, p.baseline)}</th>`;
    if (!matrix) {
      // two findings share a scenario and metric: list them one per row instead
      return html`<tbody class="pair" data-candidate="${p.candidate}" data-baseline="${p.baseline}">${p.findings.map(
        (f, i) => html`<tr>${i === 0 ? armCell(p.findings.length) : ""}<td class="scenario">${scenarioText(f)} · ${metricName(f)}</td>${metrics.map((m) => (m === metricName(f) ? matrixCell(f, arms) : html`<td class="num muted">—</td>`))}</tr>`,
      )}</tbody>`;
    }
    const families = new Set(matrix.rows.map((r) => r.family));
    return html`<tbody class="pair" data-candidate="${p.candidate}" data-baseline="${p.baseline}">${matrix.rows.map(
      (row, i) =>
        html`<tr>${i === 0 ? armCell(matrix.rows.length) : ""}<td class="scenario">${row.scenario}${families.size > 1 && row.family ? html` <span class="muted small">(${row.family})</span>` : ""}</td>${metrics.map((m) => matrixCell(row.cells.get(m), arms))}</tr>`,
    )}</tbody>`;
  });
  return html`<div class="table-wrap"><table class="finding-matrix"><caption>Ratio candidate / baseline per scenario and metric. Bold with the better arm's colour: the candidate is better or worse (95% CI excludes 1); ~ no significant difference; ? too few repetitions or inconclusive</caption>
<thead><tr><th scope="col" title="${ARM_COLUMN.hint ?? ""}">Arm</th><th scope="col">Scenario</th>${metrics.map((m) => html`<th scope="col" class="num">${m}</th>`)}</tr></thead>${groups}</table></div>`;
}

function findingRows(findings: readonly Finding[], arms: ArmDirectory): Html[][] {
  return findings.map((f) => [
    pairCell(arms, f.candidate, f.baseline),
    html`<span class="statement">${f.statement}</span><br><span class="muted small">${scenarioText(f)} · ${metricName(f)} (${f.metric})${f.better ? `, ${f.better} is better` : ""}</span>`,
    html`${formatRatio(f.ratio)}`,
    html`${formatCi(f.ci95)}`,
    verdictBadge(f, arms),
    caveatList(f.caveats),
  ]);
}

const FINDING_COLUMNS = [
  ARM_COLUMN,
  { label: "Finding" },
  { label: "Ratio", numeric: true, hint: "candidate / baseline" },
  { label: "95%\u00a0CI", numeric: true, hint: "confidence interval of the ratio over the repetitions" },
  { label: "Verdict" },
  { label: "Caveats" },
];

/**
 * The forest plot: a panel per metric, a row per scenario, one point per candidate arm (its colour), the 95% CI
 * as a bar; filled when the CI excludes 1. The matrix of exact ratios is its table.
 */
async function forestPlot(pairs: readonly ArmPairFindings[], table: Html, ctx: SectionContext, arms: ArmDirectory): Promise<Html> {
  const all = pairs.flatMap((p) => p.findings.map((f) => ({ p, f })));
  const plottable = all.filter(({ f }) => f.ratio !== null && Number.isFinite(f.ratio) && f.ratio > 0);
  if (plottable.length === 0) return table;
  const baselines = new Set(pairs.map((p) => p.baseline));
  const candidates = arms.order(pairs.map((p) => p.candidate));
  const pairLabel = (p: ArmPairFindings) => (baselines.size > 1 ? pairName(arms, p) : arms.name(p.candidate));
  const pairOrder = [...new Set(pairs.map(pairLabel))];
  const metrics = metricsOf(pairs).filter((m) => plottable.some(({ f }) => metricName(f) === m));
  const colour = armColourChannel(arms, candidates, "arm", "arm (candidate)");
  // every panel has the same rows (scenarios) on a shared scale, so only the left column needs their labels
  const scenarios = [...new Set(plottable.map(({ f }) => scenarioLabel(f)))];
  const columns = metrics.length > 1 ? 2 : 1;
  const panel = (metric: string, index: number) => {
    const mine = plottable.filter(({ f }) => metricName(f) === metric);
    const values = mine.map(({ p, f }) => ({
      scenario: scenarioLabel(f),
      arm: arms.name(p.candidate),
      pair: pairLabel(p),
      ratio: f.ratio,
      lo: f.ci95 && f.ci95[0] > 0 ? f.ci95[0] : f.ratio,
      hi: f.ci95 && f.ci95[1] > 0 ? f.ci95[1] : f.ratio,
      significant: f.verdict === "candidate-better" || f.verdict === "baseline-better" ? "yes" : "no",
    }));
    const y = { field: "scenario", type: "nominal", title: null, sort: scenarios, axis: index % columns === 0 ? { labelLimit: 260, labelExpr: "split(datum.value, '\\n')", labelLineHeight: 13 } : { labels: false, ticks: false } };
    const yOffset = { field: "pair", type: "nominal", sort: pairOrder.filter((l) => values.some((v) => v.pair === l)) };
    // the domain always holds 1 (no difference) with a margin, and no more: a "nice" log domain would squash the points
    const lows = values.map((v) => v.lo as number);
    const highs = values.map((v) => v.hi as number);
    const domain = [Math.min(1, ...lows) / 1.15, Math.max(1, ...highs) * 1.15];
    const better = mine[0]?.f.better;
    const x = { field: "ratio", type: "quantitative", scale: { type: "log", domain, nice: false }, title: "ratio candidate / baseline (×, log scale)" };
    const point = (filled: boolean) => ({
      transform: [{ filter: `datum.significant === '${filled ? "yes" : "no"}'` }],
      mark: { type: "point", filled, size: 42, opacity: 1, strokeWidth: 1.5 },
      encoding: { y, yOffset, x, color: colour },
    });
    return {
      title: { text: metric, subtitle: better ? `${better} is better` : undefined, fontSize: 12, fontWeight: 600, anchor: "start" },
      data: { values },
      width: 240,
      // a row (scenario) at least 32 px high for its two-line label, a point at most 10 px apart unless that needs more
      height: { step: Math.max(4, Math.min(10, Math.floor(60 / Math.max(1, pairOrder.length))), Math.ceil(32 / Math.max(1, pairOrder.length))), for: "offset" },
      layer: [
        { mark: { type: "rule", color: UI_COLOURS.muted, strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: "quantitative" } } },
        { mark: { type: "rule", strokeWidth: 1.5 }, encoding: { y, yOffset, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" }, color: colour } },
        ...(values.some((v) => v.significant === "yes") ? [point(true)] : []),
        ...(values.some((v) => v.significant === "no") ? [point(false)] : []),
      ],
    };
  };
  const spec = { concat: metrics.map(panel), columns, resolve: { scale: { x: "independent", y: "shared", yOffset: "shared" } } } as unknown as ChartSpec;
  return chartFigure(
    {
      id: "findings-ratios",
      title: `Each arm against ${[...baselines].map((b) => arms.name(b)).join(", ")}: ratio with 95% confidence interval`,
      subtitle: "a point per arm and scenario (candidate / baseline); bar: the 95% CI; filled: the CI excludes 1; dashed line: 1 (no difference)",
      spec,
      table,
    },
    ctx.charts,
  );
}

export async function findingsSection(ctx: SectionContext): Promise<Html> {
  const { report } = ctx;
  const arms = armDirectory(report);
  const claims = report.findings.filter(isCommonClaim);
  const pairs = armPairs(report.findings, arms);
  const others = unpairedFindings(report.findings);
  const body: Html[] = [];

  body.push(
    report.caveats.length > 0
      ? html`<div class="caveat-box" id="run-caveats"><h3>Run-wide caveats</h3><ul>${report.caveats.map((c) => html`<li>${c}</li>`)}</ul></div>`
      : html`<div class="caveat-box caveat-none" id="run-caveats"><h3>Run-wide caveats</h3><p>None were flagged by the measurements.</p></div>`,
  );
  body.push(claimsBox(claims, arms));

  if (pairs.length > 0) {
    const compared = pairs.flatMap((p) => p.findings);
    body.push(html`<h3 id="arm-findings">Each arm against the baseline</h3>`);
    body.push(tallyTable(pairs, arms));
    body.push(await forestPlot(pairs, matrixTable(pairs, arms), ctx, arms));
    body.push(html`<details class="all-findings"><summary>All ${formatInteger(compared.length)} arm findings, with statements and caveats</summary>${dataTable(FINDING_COLUMNS, findingRows(compared, arms))}</details>`);
  } else {
    body.push(html`<p class="not-measured"><strong>No arm findings:</strong> they are computed from load results with repetitions measured on the baseline and at least one other arm, and this run has none to compare.</p>`);
  }
  if (others.length > 0) {
    body.push(html`<h3>Other findings</h3>`);
    body.push(dataTable(FINDING_COLUMNS, findingRows(others, arms)));
  }

  return sectionFrame({
    id: "findings",
    title: "Findings",
    intro: `Computed from the measurements, never written by hand. Ratios are candidate arm / baseline arm (the baseline here: ${arms.name(arms.baseline)}) on the same scenario; the 95% confidence interval comes from the repetitions. For latency, CPU and bytes lower is better, for throughput higher.`,
    body,
  });
}
