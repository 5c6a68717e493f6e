// The decision summary as the first thing on the page: computed sentences (reports/decision-summary.ts) whose every
// figure links to the finding or attribution step it comes from.
import type { Attribution } from "../../bench/model/attribution.js";
import type { Finding } from "../../bench/model/finding.js";
import type { Report } from "../../bench/model/report.js";
import { attributionRef, decisionSummary, type SummaryPart } from "../decision-summary.js";
import { slug } from "./arms.js";
import { html, type Html } from "./html-template.js";

/** The anchor of a finding in the page, from its fields (the page never depends on a finding's id). */
export function findingAnchor(f: Pick<Finding, "kind" | "candidate" | "baseline" | "scenario" | "family" | "metric">): string {
  return `finding-${slug([f.kind, f.candidate, f.baseline, f.family, f.scenario, f.metric].map((x) => x ?? "").join("-"))}`;
}

/** The anchor of one attribution chain (call, size class, metric) in the page. */
export function attributionAnchor(a: Pick<Attribution, "call" | "payload" | "metric">): string {
  return `attribution-${slug(`${a.call}-${a.payload}-${a.metric}`)}`;
}

export function decisionBlock(report: Report): Html {
  const sentences = decisionSummary(report);
  if (sentences.length === 0) return html``;
  const targets = new Map<string, { anchor: string; title: string }>([
    ...report.findings.map((f) => [f.id, { anchor: findingAnchor(f), title: f.statement }] as const),
    ...report.attribution.map((a) => [attributionRef(a), { anchor: attributionAnchor(a), title: `attribution of ${a.metricLabel}, ${a.call} ${a.payload}` }] as const),
  ]);
  const part = (p: SummaryPart): Html | string => {
    if (typeof p === "string") return p;
    const target = targets.get(p.ref);
    return target ? html`<a class="figure-link" href="#${target.anchor}" title="${target.title}">${p.text}</a>` : p.text;
  };
  return html`<div class="decision" id="decision"><h2>What switching from REST to gRPC buys here, and why</h2>
<p class="muted small">Computed from this run's findings; every figure links to the finding or attribution step it comes from.</p>
<ul>${sentences.map((s) => html`<li>${s.map(part)}</li>`)}</ul></div>`;
}
