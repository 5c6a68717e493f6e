// summary.md for a report merged from shard reports (report.merge): the shards that went in, each one's share of the
// load, and the merge's flags, right under the run-wide caveats; "" for a normal run.
import type { Report } from "../../bench/model/report.js";
import { formatInteger, formatNumber } from "../number-format.js";
import { escapeMarkdown, markdownTable, trusted } from "./markdown-table.js";

export function shardMergeMarkdown(report: Report): string {
  const merge = report.merge;
  if (merge === undefined) return "";
  const missing = merge.missing.length > 0 ? ` (**missing: ${merge.missing.join(", ")}**)` : "";
  return [
    `### Merged from ${merge.merged.length} of ${merge.count} shards${missing}`,
    "",
    "Every load figure is the exact merge of these shards' windows (HDR histograms added, calls and errors summed); the load configuration is the shards' added.",
    "",
    markdownTable(
      [
        { label: "Shard", numeric: true },
        { label: "Host" },
        { label: "Report" },
        { label: "Clock offset", numeric: true },
        { label: "Calls", numeric: true },
        { label: "Errors", numeric: true },
        { label: "calls/s", numeric: true },
        { label: "Load generator" },
        { label: "Ended" },
      ],
      merge.shards.map((s) => [
        String(s.index),
        s.host,
        s.file,
        s.clockOffsetMs === null ? "unknown" : `${formatNumber(s.clockOffsetMs)} ms`,
        formatInteger(s.requests),
        formatInteger(s.errors),
        formatNumber(s.throughputRps),
        s.driverSaturated ? trusted("**saturated**") : "ok",
        s.endReason,
      ]),
    ),
    ...(merge.flags.length > 0 ? ["", ...merge.flags.map((f) => `- **${escapeMarkdown(f.kind)}**: ${escapeMarkdown(f.text)}`)] : ["", "No merge flags: every shard completed, none was saturated, and their windows lined up."]),
    ...(merge.fromOneShard.length > 0 ? ["", ...merge.fromOneShard.map((line) => `- ${escapeMarkdown(line)}`)] : []),
  ].join("\n");
}
