// A report merged from shard reports (report.merge, `npm run merge`): at the top, which shards went in, each one's
// share of the load, and the merge's flags (a missing or saturated shard, windows that did not line up), since every
// load figure below is the sum of those shards; then, folded, each merged scenario's figures per shard.
import type { Report } from "../../bench/model/report.js";
import { formatInteger, formatNumber } from "../number-format.js";
import { armDirectory } from "../finding-kind.js";
import { armChip } from "./arms.js";
import { dataTable } from "./data-table.js";
import { html, type Html } from "./html-template.js";

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const ms = (v: number | null) => (v === null ? "unknown" : `${formatNumber(v)} ms`);

export function shardMergeBlock(report: Report): Html {
  const merge = report.merge;
  if (merge === undefined) return html``;
  const arms = armDirectory(report);
  const missing = merge.missing.length > 0 ? html` <span class="flag flag-bad">${merge.missing.length} missing: ${merge.missing.join(", ")}</span>` : "";
  return html`<div class="caveat-box" id="shard-merge"><h3>Merged from ${merge.merged.length} of ${merge.count} shards${missing}</h3>
<p>Every load figure in this report is the exact merge of these shards' windows (HDR histograms added, calls and errors summed); the load configuration is the shards' added. A skew is flagged at ${merge.skewThresholdMs}.</p>
${dataTable(
  [
    { label: "Shard", numeric: true },
    { label: "Host" },
    { label: "Report" },
    { label: "Started" },
    { label: "Clock offset", numeric: true, hint: "the shard's own estimate of how far its clock was ahead of the reference" },
    { label: "Calls", numeric: true },
    { label: "Errors", numeric: true },
    { label: "calls/s", numeric: true, hint: "the shard's successful calls / the seconds of its load windows" },
    { label: "Load generator" },
    { label: "Ended" },
  ],
  merge.shards.map((s) => [
    String(s.index),
    s.host,
    html`<code>${s.file}</code>`,
    s.startedAt,
    s.clockOffsetNote !== undefined ? html`${ms(s.clockOffsetMs)}<div class="small">${s.clockOffsetNote}</div>` : ms(s.clockOffsetMs),
    formatInteger(s.requests),
    s.errors > 0 ? html`<span class="flag flag-bad">${formatInteger(s.errors)}</span>` : "0",
    formatNumber(s.throughputRps),
    s.driverSaturated ? html`<span class="flag flag-warn">saturated</span>` : "ok",
    s.endReason === "completed" ? s.endReason : html`<span class="flag flag-bad">${s.endReason}</span>`,
  ]),
)}
${merge.flags.length > 0 ? html`<ul class="merge-flags">${merge.flags.map((f) => html`<li><span class="flag flag-warn">${f.kind}</span> ${f.text}</li>`)}</ul>` : html`<p>No merge flags: every shard completed, none was saturated, and their windows lined up.</p>`}
${merge.fromOneShard.length > 0 ? html`<ul class="left-out">${merge.fromOneShard.map((line) => html`<li>${line}</li>`)}</ul>` : ""}
${
  merge.load.length > 0
    ? html`<details class="all-findings"><summary>Each merged load scenario, per shard</summary>${dataTable(
        [
          { label: "Scenario" },
          { label: "Arm" },
          { label: "Shard", numeric: true },
          { label: "In flight", numeric: true },
          { label: "Calls", numeric: true },
          { label: "Errors", numeric: true },
          { label: "calls/s", numeric: true },
          { label: "p50 ms", numeric: true },
          { label: "p99 ms", numeric: true },
          { label: "Window spread", numeric: true, hint: "the largest gap between the shards' window starts over the repetitions" },
          { label: "Overlap", numeric: true, hint: "the smallest share of a window in which every shard was loading" },
          { label: "Flags" },
        ],
        merge.load.flatMap((m) =>
          m.shards.map((s, i) => [
            i === 0 ? m.scenario : "",
            i === 0 ? armChip(arms, m.arm) : "",
            String(s.index),
            formatInteger(s.concurrency),
            formatInteger(s.requests),
            formatInteger(s.errors),
            formatNumber(s.throughputRps),
            formatNumber(s.p50Ms),
            formatNumber(s.p99Ms),
            i === 0 ? ms(m.windowSpreadMs) : "",
            i === 0 ? percent(m.overlap) : "",
            [s.driverSaturated ? "saturated" : "", s.endReason !== "completed" ? s.endReason : ""].filter((x) => x !== "").join("; "),
          ]),
        ),
      )}</details>`
    : ""
}
</div>`;
}
