// report.json → summary.md: the findings and the key tables, for a pull-request comment or $GITHUB_STEP_SUMMARY.
// Pure: reads only the Report. The charts, distributions and the other families live in report.html.
import type { LoadResult } from "../../bench/model/load-result.js";
import { FAMILIES, type FamilyName, type Report } from "../../bench/model/report.js";
import { findingMatrix, isCommonClaim, verdictText, verdictTone } from "../finding-kind.js";
import type { Finding } from "../../bench/model/finding.js";
import { formatCi, formatInteger, formatNumber, formatRatio } from "../number-format.js";
import { escapeMarkdown, markdownTable, trusted, type MarkdownCell } from "./markdown-table.js";

const PROTOCOL = { grpc: "gRPC", rest: "REST/JSON" } as const;
const PAYLOAD_ORDER = ["small", "medium", "large", "xlarge"];
/** Above this many findings the full table folds into <details> so a PR comment stays readable. */
const FOLD_FINDINGS_ABOVE = 12;

/** Which result array each family fills. */
const FAMILY_RESULTS: Record<FamilyName, (r: Report) => number> = {
  load: (r) => r.load.length,
  size: (r) => r.sizes.length,
  compression: (r) => r.compression.length,
  micro: (r) => r.micro.length,
  multiplex: (r) => r.multiplex.length,
  stream: (r) => r.stream.length,
};

function verdictCell(verdict: string): MarkdownCell {
  const tone = verdictTone(verdict);
  const text = escapeMarkdown(verdictText(verdict));
  return trusted(tone === "grpc" || tone === "rest" || tone === "supported" || tone === "not-supported" ? `**${text}**` : text);
}

function runLine(report: Report): string {
  const env = report.environment;
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const duration = Number.isFinite(seconds) && seconds >= 0 ? (seconds >= 90 ? `${(seconds / 60).toFixed(1)} min` : `${seconds.toFixed(1)} s`) : "duration unknown";
  return [
    `profile ${report.profile}`,
    report.startedAt,
    duration,
    `run ${report.endReason}`,
    `Node ${env.node}`,
    `${env.platform}/${env.arch}`,
    `${env.cpus} × ${env.cpuModel}`,
    env.pinned ? "CPUs pinned" : "CPUs not pinned",
    `commit ${env.gitCommit ? env.gitCommit.slice(0, 12) : "unknown"}`,
  ]
    .map(escapeMarkdown)
    .join(" · ");
}

function caveatsBlock(report: Report): string {
  if (report.caveats.length === 0) return "";
  return ["> [!WARNING]", "> **Run-wide caveats**", ...report.caveats.map((c) => `> - ${escapeMarkdown(c)}`)].join("\n");
}

function caveatsCell(caveats: readonly string[]): MarkdownCell {
  return trusted(caveats.map(escapeMarkdown).join("<br>"));
}

function claimsBlock(report: Report): string {
  const claims = report.findings.filter(isCommonClaim);
  if (claims.length === 0) return "";
  return [
    "### Common claims, measured",
    "",
    markdownTable(
      [{ label: "Claim" }, { label: "Measured", numeric: true }, { label: "95% CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
      claims.map((f) => [f.statement, formatRatio(f.ratio), formatCi(f.ci95), verdictCell(f.verdict), caveatsCell(f.caveats)]),
    ),
  ].join("\n");
}

function findingsBlock(report: Report): string {
  const findings = report.findings.filter((f) => !isCommonClaim(f));
  if (findings.length === 0) return "### Findings\n\nNo gRPC / REST findings: they are computed from load results with repetitions, and this run has none to compare.";
  const table = markdownTable(
    [{ label: "Finding" }, { label: "Ratio", numeric: true }, { label: "95% CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
    findings.map((f) => [f.statement, formatRatio(f.ratio), formatCi(f.ci95), verdictCell(f.verdict), caveatsCell(f.caveats)]),
  );
  const tally = new Map<string, number>();
  for (const f of findings) tally.set(verdictText(f.verdict), (tally.get(verdictText(f.verdict)) ?? 0) + 1);
  const counts = [...tally].map(([v, n]) => `${n} ${escapeMarkdown(v)}`).join(", ");
  const intro = `Ratios are gRPC / REST unless the finding says otherwise; the 95% confidence interval comes from the repetitions. Verdicts: ${counts}.`;
  const matrix = matrixBlock(findings);
  if (findings.length <= FOLD_FINDINGS_ABOVE && matrix === "") return ["### Findings", "", intro, "", table].join("\n");
  return ["### Findings", "", intro, matrix, `<details><summary>All ${findings.length} findings, with caveats</summary>`, "", table, "", "</details>"].filter((b) => b !== "").join("\n\n");
}

function matrixCell(f: Finding | undefined): MarkdownCell {
  if (!f) return "";
  const ratio = escapeMarkdown(formatRatio(f.ratio));
  const tone = verdictTone(f.verdict);
  if (tone === "grpc") return trusted(`**${ratio}** gRPC`);
  if (tone === "rest") return trusted(`**${ratio}** REST`);
  if (f.verdict === "no-significant-difference") return trusted(`${ratio} ~`);
  return trusted(`${ratio} (${escapeMarkdown(verdictText(f.verdict))})`);
}

/** The findings as one scenario × metric table, when their ids allow it. */
function matrixBlock(findings: readonly Finding[]): string {
  const matrix = findingMatrix(findings);
  if (!matrix) return "";
  return [
    "Each cell is the gRPC / REST ratio; **bold** with the protocol that is better when the 95% CI excludes 1, ~ when there is no significant difference.",
    "",
    markdownTable(
      [{ label: "Scenario" }, ...matrix.metrics.map((m) => ({ label: m, numeric: true }))],
      matrix.rows.map((row) => [row.scenario, ...matrix.metrics.map((m) => matrixCell(row.cells.get(m)))]),
    ),
  ].join("\n");
}

function loadOrder(a: LoadResult, b: LoadResult): number {
  return (
    a.call.localeCompare(b.call) ||
    PAYLOAD_ORDER.indexOf(a.payload) - PAYLOAD_ORDER.indexOf(b.payload) ||
    a.mode.localeCompare(b.mode) ||
    b.view.localeCompare(a.view) ||
    a.protocol.localeCompare(b.protocol) ||
    a.driver.localeCompare(b.driver)
  );
}

function loadFlags(r: LoadResult): string {
  const flags: string[] = [];
  if (r.endReason !== "completed") flags.push(r.endReason);
  if (r.driverSaturated) flags.push("driver saturated: throughput is a lower bound");
  if (r.errors.total > 0) flags.push(`${formatInteger(r.errors.total)} errors`);
  return flags.join("; ");
}

function loadBlock(report: Report): string {
  if (report.load.length === 0) return "";
  const rows = [...report.load].sort(loadOrder).map((r) => [
    r.call,
    r.payload,
    PROTOCOL[r.protocol],
    r.view,
    r.driver,
    r.mode === "open" ? `open ${formatInteger(r.targetRps)}/s` : `closed ${r.concurrency}`,
    formatNumber(r.throughputRps),
    formatNumber(r.latencyMs.p50),
    formatNumber(r.latencyMs.p99),
    formatNumber(r.serverCpuUsPerCall),
    formatNumber(r.clientCpuUsPerCall),
    formatInteger(r.repetitions.length),
    loadFlags(r),
  ]);
  return [
    "### Load: throughput, latency and CPU per call",
    "",
    markdownTable(
      [
        { label: "Call" },
        { label: "Size" },
        { label: "Protocol" },
        { label: "View" },
        { label: "Driver" },
        { label: "Load" },
        { label: "calls/s", numeric: true },
        { label: "p50 ms", numeric: true },
        { label: "p99 ms", numeric: true },
        { label: "server CPU µs/call", numeric: true },
        { label: "client CPU µs/call", numeric: true },
        { label: "reps", numeric: true },
        { label: "Flags" },
      ],
      rows,
    ),
  ].join("\n");
}

function sizesBlock(report: Report): string {
  if (report.sizes.length === 0) return "";
  const sorted = [...report.sizes].sort((a, b) => a.message.localeCompare(b.message) || PAYLOAD_ORDER.indexOf(a.payload) - PAYLOAD_ORDER.indexOf(b.payload));
  return [
    "### Serialized sizes: JSON / protobuf",
    "",
    markdownTable(
      [
        { label: "Message" },
        { label: "Size" },
        { label: "JSON bytes", numeric: true },
        { label: "protobuf bytes", numeric: true },
        { label: "ratio raw", numeric: true },
        { label: "ratio gzip", numeric: true },
        { label: "ratio br", numeric: true },
      ],
      sorted.map((s) => [s.message, s.payload, formatInteger(s.json.raw), formatInteger(s.protobuf.raw), formatRatio(s.ratio.raw), formatRatio(s.ratio.gzip), formatRatio(s.ratio.br)]),
    ),
  ].join("\n");
}

function familiesBlock(report: Report): string {
  const lines: string[] = [];
  for (const family of FAMILIES) {
    const run = report.families.find((f) => f.family === family);
    const results = FAMILY_RESULTS[family](report);
    if (!run) {
      lines.push(`- **${family}**: not measured in this run (not selected)`);
    } else if (run.endReason !== "completed") {
      const partial = results > 0 ? ` (${results} partial results kept)` : "";
      lines.push(`- **${family}**: ${escapeMarkdown(run.endReason)}${run.failure ? `: ${escapeMarkdown(run.failure)}` : ""}${partial}`);
    } else if (results === 0) {
      lines.push(`- **${family}**: completed but recorded no results`);
    }
  }
  return lines.length === 0 ? "" : ["### Not measured or incomplete", "", ...lines].join("\n");
}

export function renderSummary(report: Report): string {
  const blocks = [
    "## gRPC vs REST/JSON benchmark",
    runLine(report),
    caveatsBlock(report),
    claimsBlock(report),
    findingsBlock(report),
    loadBlock(report),
    sizesBlock(report),
    familiesBlock(report),
    "_Charts, latency distributions, compression, encode/decode, multiplexing and streaming: see report.html (one self-contained file)._",
  ];
  return `${blocks.filter((b) => b !== "").join("\n\n")}\n`;
}
