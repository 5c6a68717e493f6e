// report.json → summary.md: the arms, the findings per candidate arm against the baseline, and the key tables
// with an arm column (and the arms side by side), for a pull-request comment or $GITHUB_STEP_SUMMARY.
// Pure: reads only the Report, and only its fields (never ids or verdict strings). The charts, distributions and
// the other families live in report.html.
import { armTlsText } from "../arm-tls-text.js";
import { familyStealText, HEAVY_STEAL_TEXT, stealRecorded } from "../cpu-steal-text.js";
import { stealByFamily } from "../../bench/analysis/window-steal.js";
import { decisionMarkdown } from "./decision-markdown.js";
import type { Finding } from "../../bench/model/finding.js";
import type { LoadResult } from "../../bench/model/load-result.js";
import { FAMILIES, type FamilyName, type Report } from "../../bench/model/report.js";
import { exitCause } from "../../bench/model/server-exit.js";
import {
  armDirectory,
  armPairs,
  findingMatrix,
  isCommonClaim,
  metricName,
  scenarioText,
  tallyVerdicts,
  unpairedFindings,
  verdictText,
  verdictTone,
  type ArmDirectory,
  type ArmPairFindings,
} from "../finding-kind.js";
import { formatCi, formatInteger, formatNumber, formatRatio } from "../number-format.js";
import { escapeMarkdown, markdownTable, trusted, type MarkdownCell } from "./markdown-table.js";
import { serverFigureText, serverFigureWhy } from "../server-figure.js";
import { tlsMarkdown } from "./tls-summary.js";
import { shardMergeMarkdown } from "./shard-merge-summary.js";

const PAYLOAD_ORDER = ["small", "medium", "large", "xlarge"];
const VIEW_ORDER = ["server", "end-to-end"];
/** Above this many pairs each pair's matrix folds into <details> so a PR comment stays readable. */
const FOLD_PAIRS_ABOVE = 3;
/** Above this many rows the long load table folds into <details>. */
const FOLD_LOAD_ROWS_ABOVE = 16;

/** Which result array each family fills. */
const FAMILY_RESULTS: Record<FamilyName, (r: Report) => number> = {
  load: (r) => r.load.length,
  size: (r) => r.sizes.length,
  compression: (r) => r.compression.length,
  micro: (r) => r.micro.length,
  multiplex: (r) => r.multiplex.length,
  stream: (r) => r.stream.length,
  tls: (r) => r.tls?.length ?? 0,
};

function verdictCell(f: Finding, arms: ArmDirectory): MarkdownCell {
  const tone = verdictTone(f);
  const text = escapeMarkdown(verdictText(f, arms));
  return trusted(tone === "arm" || tone === "supported" || tone === "not-supported" ? `**${text}**` : text);
}

const htmlText = (text: string) => text.replace(/\r?\n|\r/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The Node version first and in bold: the figures depend on it, and compare warns when two runs' majors differ. */
function runLine(report: Report): string {
  const env = report.environment;
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const duration = Number.isFinite(seconds) && seconds >= 0 ? (seconds >= 90 ? `${(seconds / 60).toFixed(1)} min` : `${seconds.toFixed(1)} s`) : "duration unknown";
  const facts = [
    `profile ${report.profile}`,
    report.startedAt,
    duration,
    `run ${report.endReason}`,
    `${env.platform}/${env.arch}`,
    `${env.cpus} × ${env.cpuModel}`,
    env.pinned ? "CPUs pinned" : "CPUs not pinned",
    ...((env.serverCpus ?? 1) > 1 ? [`${env.serverCpus} server processes per arm`] : []),
    `commit ${env.gitCommit ? env.gitCommit.slice(0, 12) : "unknown"}`,
  ];
  return [`**Node ${escapeMarkdown(env.node)}**`, ...facts.map(escapeMarkdown)].join(" · ");
}

/** Under the run line, one line: CPU steal per family with measured windows; nothing when no window recorded it. */
function stealLine(report: Report): string {
  const families = stealByFamily(report);
  if (!stealRecorded(families)) return "";
  const parts = families.map((f) => `${f.family} ${familyStealText(f)}`);
  return escapeMarkdown(
    `CPU steal (the share of the server's and load generator's CPUs the hypervisor gave to other guests), per measured window: ${parts.join("; ")}. ` +
      `A window above ${HEAVY_STEAL_TEXT} is flagged heavy; the paired arm ratios leave it out.`,
  );
}

function caveatsBlock(report: Report): string {
  if (report.caveats.length === 0) return "";
  return ["> [!WARNING]", "> **Run-wide caveats**", ...report.caveats.map((c) => `> - ${escapeMarkdown(c)}`)].join("\n");
}

/** The server processes that died (report.serverExits), right under the caveats: what every later figure of the arm is read against. */
function serverExitsBlock(report: Report, arms: ArmDirectory): string {
  const exits = report.serverExits ?? [];
  if (exits.length === 0) return "";
  return [
    "### Server processes that died during the run",
    "",
    "The scenario each was serving failed; a server started in its place is another process, so the arm's figures before and after it are not from one server.",
    "",
    markdownTable(
      [{ label: "Arm" }, { label: "pid", numeric: true }, { label: "Ended by" }, { label: "At" }, { label: "s into the run", numeric: true }, { label: "Family" }, { label: "Serving" }, { label: "Then" }],
      exits.map((e) => [
        arms.name(e.arm),
        String(e.pid),
        trusted(`**${escapeMarkdown(exitCause(e))}**`),
        e.at,
        formatNumber(e.runElapsedS),
        e.family,
        e.during === null ? "idle" : `${e.during.scenario}${e.during.repetition !== null ? ` (repetition ${e.during.repetition})` : ""}`,
        e.replacement !== null ? `new server pid ${e.replacement.pid}` : "no server started in its place",
      ]),
    ),
  ].join("\n");
}

function caveatsCell(caveats: readonly string[]): MarkdownCell {
  return trusted(caveats.map(escapeMarkdown).join("<br>"));
}

function armsBlock(report: Report, arms: ArmDirectory): string {
  const list = arms.list();
  if (list.length === 0) return "";
  return [
    "### Arms",
    "",
    `Each arm is one server stack serving the same API and data; findings compare every arm with the baseline, ${escapeMarkdown(arms.name(arms.baseline))}.`,
    "",
    markdownTable(
      [{ label: "Arm" }, { label: "Id" }, { label: "API" }, { label: "Wire" }, { label: "Transport" }, { label: "Framework" }, { label: "Target" }, { label: "TLS" }, { label: "Description" }],
      list.map((a) => {
        const d = a.arm;
        const tls = d === null ? null : armTlsText(d.tls);
        return [
          trusted(`**${escapeMarkdown(a.name)}**${a.baseline ? " (baseline)" : ""}`),
          trusted(`\`${a.id.replace(/`/g, "")}\``),
          d?.api ?? "—",
          d?.wire ?? "—",
          d?.transport ?? "—",
          d?.framework ?? "—",
          d === null ? "—" : (d.target ?? "started by the harness"),
          // Bold when a reader must not miss it: no certificate verification, resumed sessions (fairness rule 8).
          tls === null ? (d === null ? "—" : "not recorded") : tls.warn ? trusted(`**${escapeMarkdown(tls.text)}**`) : tls.text,
          d?.description ?? "not described in this report",
        ];
      }),
    ),
  ].join("\n");
}

function pairText(arms: ArmDirectory, candidate: string | null, baseline: string | null): string {
  if (candidate === null && baseline === null) return "—";
  return `${candidate === null ? "—" : arms.name(candidate)} vs ${baseline === null ? "—" : arms.name(baseline)}`;
}

function claimsBlock(report: Report, arms: ArmDirectory): string {
  const claims = report.findings.filter(isCommonClaim);
  if (claims.length === 0) return "";
  return [
    "### Common claims, measured",
    "",
    markdownTable(
      [{ label: "Claim" }, { label: "Arms" }, { label: "Measured", numeric: true }, { label: "95% CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
      claims.map((f) => [f.statement, pairText(arms, f.candidate, f.baseline), formatRatio(f.ratio), formatCi(f.ci95), verdictCell(f, arms), caveatsCell(f.caveats)]),
    ),
  ].join("\n");
}

const metricsOf = (pairs: readonly ArmPairFindings[]) => [...new Set(pairs.flatMap((p) => p.findings.map(metricName)))];

function tallyText(findings: readonly Finding[]): string {
  if (findings.length === 0) return "—";
  const t = tallyVerdicts(findings);
  const parts = [t.candidateBetter > 0 ? `**${t.candidateBetter}** better` : "", t.baselineBetter > 0 ? `**${t.baselineBetter}** worse` : "", t.noDifference > 0 ? `${t.noDifference} ~` : "", t.other > 0 ? `${t.other} ?` : ""];
  return parts.filter((p) => p !== "").join(" · ");
}

function matrixCell(f: Finding | undefined, arms: ArmDirectory): MarkdownCell {
  if (!f) return "";
  const ratio = escapeMarkdown(formatRatio(f.ratio));
  // the pair's heading names the candidate: "better" and "worse" are the candidate's
  if (f.verdict === "candidate-better") return trusted(`**${ratio}** better`);
  if (f.verdict === "baseline-better") return trusted(`**${ratio}** worse`);
  if (f.verdict === "no-significant-difference") return trusted(`${ratio} ~`);
  return trusted(`${ratio} (${escapeMarkdown(verdictText(f, arms))})`);
}

/** One pair's findings as scenario × metric; the plain list when two findings share a cell. */
function pairMatrix(pair: ArmPairFindings, arms: ArmDirectory): string {
  const matrix = findingMatrix(pair.findings);
  if (!matrix) {
    return markdownTable(
      [{ label: "Scenario" }, { label: "Metric" }, { label: "Ratio", numeric: true }],
      pair.findings.map((f) => [scenarioText(f), metricName(f), matrixCell(f, arms)]),
    );
  }
  return markdownTable(
    [{ label: "Scenario" }, ...matrix.metrics.map((m) => ({ label: m, numeric: true }))],
    matrix.rows.map((row) => [row.scenario, ...matrix.metrics.map((m) => matrixCell(row.cells.get(m), arms))]),
  );
}

function findingsBlock(report: Report, arms: ArmDirectory): string {
  const pairs = armPairs(report.findings, arms);
  const others = unpairedFindings(report.findings);
  if (pairs.length === 0 && others.length === 0) {
    return "### Findings\n\nNo arm findings: they are computed from load results with repetitions measured on the baseline and at least one other arm, and this run has none to compare.";
  }
  const blocks: string[] = [`### Findings: each arm against ${escapeMarkdown(arms.name(arms.baseline))}`];
  if (pairs.length > 0) {
    const metrics = metricsOf(pairs);
    blocks.push(
      "Ratios are candidate arm / baseline arm on the same scenario; the 95% confidence interval comes from the repetitions. " +
        "Below, per arm and metric, in how many scenarios the arm was better or worse than the baseline (the CI excludes 1), ~ not significantly different, ? too few repetitions or inconclusive; then each arm's ratios per scenario.",
      markdownTable(
        [{ label: "Arm" }, { label: "vs" }, ...metrics.map((m) => ({ label: m }))],
        pairs.map((p) => [
          trusted(`**${escapeMarkdown(arms.name(p.candidate))}**`),
          arms.name(p.baseline),
          ...metrics.map((m) => trusted(tallyText(p.findings.filter((f) => metricName(f) === m)))),
        ]),
      ),
    );
    const fold = pairs.length > FOLD_PAIRS_ABOVE;
    for (const p of pairs) {
      const matrix = pairMatrix(p, arms);
      if (fold) {
        // inside an HTML block GitHub shows Markdown escapes literally: escape for HTML only
        const title = `${htmlText(arms.name(p.candidate))} vs ${htmlText(arms.name(p.baseline))}`;
        blocks.push(`<details><summary>${title}: ${tallyText(p.findings).replace(/\*\*/g, "")}</summary>\n\n${matrix}\n\n</details>`);
      } else {
        blocks.push(`#### ${escapeMarkdown(arms.name(p.candidate))} vs ${escapeMarkdown(arms.name(p.baseline))}\n\n${matrix}`);
      }
    }
  }
  const listed = [...pairs.flatMap((p) => p.findings), ...others];
  const table = markdownTable(
    [{ label: "Arm" }, { label: "Finding" }, { label: "Ratio", numeric: true }, { label: "95% CI", numeric: true }, { label: "Verdict" }, { label: "Caveats" }],
    listed.map((f) => [pairText(arms, f.candidate, f.baseline), f.statement, formatRatio(f.ratio), formatCi(f.ci95), verdictCell(f, arms), caveatsCell(f.caveats)]),
  );
  blocks.push(`<details><summary>All ${listed.length} findings, with caveats</summary>\n\n${table}\n\n</details>`);
  return blocks.join("\n\n");
}

function loadOrder(arms: ArmDirectory): (a: LoadResult, b: LoadResult) => number {
  return (a, b) =>
    a.call.localeCompare(b.call) ||
    PAYLOAD_ORDER.indexOf(a.payload) - PAYLOAD_ORDER.indexOf(b.payload) ||
    a.mode.localeCompare(b.mode) ||
    VIEW_ORDER.indexOf(a.view) - VIEW_ORDER.indexOf(b.view) ||
    a.concurrency - b.concurrency ||
    arms.compare(a.arm, b.arm) ||
    a.driver.localeCompare(b.driver);
}

function loadFlags(r: LoadResult): string {
  const flags: string[] = [];
  if (r.endReason !== "completed") flags.push(r.endReason);
  const hot = (r.workers ?? []).filter((w) => w.driverSaturated).map((w) => w.index);
  if (r.driverSaturated) flags.push(`driver saturated${hot.length > 0 ? ` (worker${hot.length > 1 ? "s" : ""} ${hot.join(", ")} of ${r.workers?.length})` : ""}: throughput is a lower bound`);
  if (r.errors.total > 0) flags.push(`${formatInteger(r.errors.total)} errors`);
  return flags.join("; ");
}

const loadShape = (r: LoadResult) => (r.mode === "open" ? `open ${formatInteger(r.targetRps)}/s` : `closed ${r.concurrency}`);

/** Every arm's throughput and p50 per scenario, the arms as columns: side by side, one row per scenario. */
function sideBySide(sorted: readonly LoadResult[], arms: ArmDirectory): string {
  const ids = arms.order(sorted.map((r) => r.arm));
  if (ids.length < 2) return "";
  const rows = new Map<string, { r: LoadResult; cells: Map<string, LoadResult[]> }>();
  for (const r of sorted) {
    const key = [r.call, r.payload, r.view, loadShape(r)].join("\u0000");
    const row = rows.get(key) ?? { r, cells: new Map<string, LoadResult[]>() };
    row.cells.set(r.arm, [...(row.cells.get(r.arm) ?? []), r]);
    rows.set(key, row);
  }
  const cell = (entries: readonly LoadResult[] | undefined): MarkdownCell =>
    entries
      ? trusted(
          entries
            .map((e) => `${escapeMarkdown(formatNumber(e.throughputRps))}/s · ${escapeMarkdown(formatNumber(e.latencyMs.p50))} ms${e.driverSaturated ? " (sat.)" : ""}${entries.length > 1 ? ` (${escapeMarkdown(e.driver)})` : ""}`)
            .join("<br>"),
        )
      : "—";
  return [
    "Throughput and p50 latency per arm, side by side (sat.: load generator saturated, throughput is a lower bound):",
    "",
    markdownTable(
      [{ label: "Call" }, { label: "Size" }, { label: "View" }, { label: "Load" }, ...ids.map((id) => ({ label: arms.name(id), numeric: true }))],
      [...rows.values()].map(({ r, cells }) => [r.call, r.payload, r.view, loadShape(r), ...ids.map((id) => cell(cells.get(id)))]),
    ),
  ].join("\n");
}

function loadBlock(report: Report, arms: ArmDirectory): string {
  if (report.load.length === 0) return "";
  const sorted = [...report.load].sort(loadOrder(arms));
  const isRemote = (r: LoadResult) => arms.get(r.arm).arm?.target != null;
  const rows = sorted.map((r) => [
    r.call,
    r.payload,
    arms.name(r.arm),
    r.view,
    r.driver,
    loadShape(r),
    formatNumber(r.throughputRps),
    formatNumber(r.latencyMs.p50),
    formatNumber(r.latencyMs.p99),
    serverFigureText(r.serverCpuUsPerCall, r, isRemote(r)),
    formatNumber(r.clientCpuUsPerCall),
    formatInteger(r.repetitions.length),
    loadFlags(r),
  ]);
  const table = markdownTable(
    [
      { label: "Call" },
      { label: "Size" },
      { label: "Arm" },
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
  );
  const side = sideBySide(sorted, arms);
  const remoteLines = remoteFiguresLines(sorted, arms);
  const full = rows.length > FOLD_LOAD_ROWS_ABOVE && side !== "" ? `<details><summary>Every load scenario (${rows.length}), with CPU per call and flags</summary>\n\n${table}\n\n</details>` : table;
  return ["### Load: throughput, latency and CPU per call", side, full, remoteLines].filter((b) => b !== "").join("\n\n");
}

/** Under the load table: where remote targets' server figures came from ("whole remote process"), or why there are none. */
function remoteFiguresLines(results: readonly LoadResult[], arms: ArmDirectory): string {
  const remote = results.filter((r) => arms.get(r.arm).arm?.target != null || r.serverMetrics === "monitor");
  const lines = [...new Set(remote.map((r) => `- ${escapeMarkdown(arms.name(r.arm))}: ${escapeMarkdown(serverFigureWhy(r, true) ?? "server figures from its monitor endpoint")}`))];
  return lines.length === 0 ? "" : ["Server figures of remote targets:", ...lines].join("\n");
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
  const leftOut = report.families.flatMap((f) => (f.leftOut ?? []).map((line) => `- **${f.family}**: ${escapeMarkdown(line)}`));
  return [
    ...(lines.length === 0 ? [] : ["### Not measured or incomplete", "", ...lines]),
    ...(leftOut.length === 0 ? [] : [...(lines.length === 0 ? [] : [""]), `### Left out by the ${report.profile} profile`, "", ...leftOut]),
  ].join("\n");
}

export function renderSummary(report: Report): string {
  const arms = armDirectory(report);
  const blocks = [
    "## gRPC vs REST/JSON benchmark",
    runLine(report),
    stealLine(report),
    decisionMarkdown(report).join("\n").trimEnd(),
    caveatsBlock(report),
    serverExitsBlock(report, arms),
    shardMergeMarkdown(report),
    armsBlock(report, arms),
    claimsBlock(report, arms),
    findingsBlock(report, arms),
    loadBlock(report, arms),
    sizesBlock(report),
    tlsMarkdown(report, arms),
    familiesBlock(report),
    "_Charts, latency distributions, compression, encode/decode, multiplexing and streaming: see report.html (one self-contained file)._",
  ];
  return `${blocks.filter((b) => b !== "").join("\n\n")}\n`;
}
