// report.json → one self-contained report.html. Pure: reads only the Report, writes nothing; the CLI saves
// the string. No script, stylesheet, font or image is loaded from anywhere: charts are inline SVG rendered
// here, styles are inline, and every string from the report is escaped.
import type { Report } from "../../bench/model/report.js";
import { armsOverview } from "./arms.js";
import { serverExitsHeadline, serverExitsTable } from "./server-exits.js";
import { shardMergeBlock } from "./shard-merge.js";
import { decisionBlock } from "./decision.js";
import type { ChartWarnings } from "./chart.js";
import { html, raw, type Html } from "./html-template.js";
import type { SectionContext } from "./section.js";
import { attributionSection } from "./sections/attribution-section.js";
import { environmentSection } from "./sections/environment-section.js";
import { findingsSection } from "./sections/findings-section.js";
import { latencySection } from "./sections/latency-section.js";
import { microSection } from "./sections/micro-section.js";
import { multiplexSection } from "./sections/multiplex-section.js";
import { sizesSection } from "./sections/sizes-section.js";
import { streamSection } from "./sections/stream-section.js";
import { throughputSection } from "./sections/throughput-section.js";
import { tlsSection } from "./sections/tls-section.js";
import { STYLES } from "./styles.js";

export type RenderHtmlOptions = ChartWarnings;

/** Sections in reading order: id and table-of-contents label. */
export const SECTIONS = [
  { id: "findings", label: "Findings", render: findingsSection },
  { id: "attribution", label: "Attribution", render: attributionSection },
  { id: "latency", label: "Latency", render: latencySection },
  { id: "throughput-cpu", label: "Throughput & CPU", render: throughputSection },
  { id: "sizes-compression", label: "Sizes & compression", render: sizesSection },
  { id: "encode-decode", label: "Encode/decode", render: microSection },
  { id: "multiplexing", label: "Multiplexing", render: multiplexSection },
  { id: "streaming", label: "Streaming", render: streamSection },
  { id: "tls", label: "TLS", render: tlsSection },
  { id: "environment", label: "Environment & options", render: environmentSection },
] as const;

function durationText(report: Report): string {
  const s = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  if (!Number.isFinite(s) || s < 0) return "duration unknown";
  return s >= 90 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`;
}

/** Why the run is not "completed", in words: a server that died, or families that did not finish. */
function endText(report: Report): string {
  const died = serverExitsHeadline(report);
  const unfinished = report.families.some((f) => f.endReason === "failed" || f.endReason === "aborted") || report.endReason === "aborted";
  if (died === "") return "the report holds what was measured before it ended";
  return unfinished ? `${died}; the report holds what was measured before the run ended` : died;
}

function header(report: Report): Html {
  const env = report.environment;
  return html`<header class="report-header">
<h1>gRPC vs REST/JSON — benchmark report</h1>
<p class="meta"><span>${report.tool.name} ${report.tool.version}</span><span>profile ${report.profile}</span><span>${report.startedAt}</span><span>${durationText(report)}</span><span>run ${report.endReason}</span><span class="node-version" title="the figures depend on the Node version: compare runs made on the same one"><strong>Node ${env.node}</strong></span></p>
<p class="meta"><span>${env.platform}/${env.arch}</span><span>${env.cpus} × ${env.cpuModel}</span><span>${env.pinned ? "CPUs pinned" : "CPUs not pinned"}</span><span>commit ${env.gitCommit ? env.gitCommit.slice(0, 12) : "unknown"}</span></p>
${report.endReason !== "completed" ? html`<p class="caveat-inline"><strong>This run ${report.endReason}:</strong> ${endText(report)}.</p>` : ""}
${serverExitsTable(report)}
${shardMergeBlock(report)}
${decisionBlock(report)}
<nav class="toc"><a href="#arms">Arms</a>${SECTIONS.map((s) => html`<a href="#${s.id}">${s.label}</a>`)}</nav>
${armsOverview(report)}
</header>`;
}

export async function renderHtml(report: Report, options: RenderHtmlOptions = {}): Promise<string> {
  const ctx: SectionContext = { report, charts: options };
  const sections: Html[] = [];
  // one after another: vega views are cheap but each holds its scenegraph until finalized
  for (const section of SECTIONS) sections.push(await section.render(ctx));
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>gRPC vs REST/JSON benchmark — ${report.profile} — ${report.startedAt}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<main>
${header(report)}
${sections}
<footer>Generated from report.json (schema version ${report.schemaVersion}) by ${report.tool.name} ${report.tool.version}. Charts are vega-lite specs rendered to inline SVG; each chart's spec, data included, is under it.</footer>
</main>
</body>
</html>
`;
  return page.value;
}
