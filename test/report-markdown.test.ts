// The Markdown summary as a pure function: the arms, findings per candidate arm against the baseline, key tables
// with an arm column (and the arms side by side), escaping that keeps tables intact and HTML inert (GitHub renders
// both in comments), plain lines for what was not measured.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { armDirectory } from "../reports/finding-kind.js";
import { escapeMarkdown, markdownTable } from "../reports/markdown/markdown-table.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

/** Cells of a Markdown table row, splitting on unescaped pipes only. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

function tables(markdown: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("|")) (current ??= []).push(line);
    else if (current) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

describe("renderSummary", () => {
  it("has the run line, run-wide caveats, common claims, findings, load and size tables", () => {
    const report = sampleReportForHtml();
    const md = renderSummary(report);
    assert.match(md, /^## gRPC vs REST\/JSON benchmark\n/);
    assert.match(md, /profile quick · .* · CPUs not pinned · commit 0123456789ab/);
    assert.match(md, /> \[!WARNING\]\n> \*\*Run-wide caveats\*\*\n> - CPUs not pinned/);
    assert.match(md, /### Arms/);
    assert.match(md, /### Common claims, measured/);
    assert.match(md, /### Findings: each arm against REST \(express\)/);
    assert.match(md, /### Load: throughput, latency and CPU per call/);
    assert.match(md, /### Serialized sizes: JSON \/ protobuf/);
    for (const f of report.findings) assert.ok(md.includes(escapeMarkdown(f.statement)), `finding missing: ${f.id}`);
    // every load scenario, with throughput, p50, p99 and CPU per call
    const load = tables(md).find((t) => t[0]?.includes("calls/s"));
    assert.ok(load);
    assert.equal(load.length, 2 + report.load.length);
    assert.match(load[0] ?? "", /calls\/s \| p50 ms \| p99 ms \| server CPU µs\/call \| client CPU µs\/call/);
    assert.ok(load.some((row) => row.includes("driver saturated: throughput is a lower bound")));
  });

  it("keeps every table rectangular and report strings inert", () => {
    const report = sampleReportForHtml();
    const evil = "a|b <script>alert(1)</script> [link](http://x) *bold* `code`\nsecond line";
    report.findings[0]!.statement = evil;
    report.findings[0]!.caveats = [evil];
    report.load[0]!.call = evil;
    report.sizes[0]!.message = evil;
    report.caveats.push(evil);
    const md = renderSummary(report);
    assert.doesNotMatch(md, /<script/);
    assert.doesNotMatch(md, /(?<!\\)\]\(http/);
    assert.ok(md.includes("a\\|b &lt;script&gt;alert(1)&lt;/script&gt;"));
    for (const table of tables(md)) {
      const width = cells(table[0] ?? "").length;
      for (const row of table) assert.equal(cells(row).length, width, `ragged row: ${row}`);
    }
    assert.ok(!md.split("\n").some((line) => line === "second line"), "a newline in a report string broke out of its cell");
  });

  it("groups findings per candidate arm against the baseline: a tally, a scenario × metric matrix per pair, the full list folded", () => {
    const report = sampleReport({ pinned: false });
    const arms = armDirectory(report);
    const md = renderSummary(report);
    const plain = report.findings.filter((f) => f.kind !== "claim");
    assert.ok(plain.length > 12);
    assert.match(md, new RegExp(`<details><summary>All ${plain.length} findings, with caveats</summary>`));
    const tally = tables(md).find((t) => t[0]?.startsWith("| Arm | vs |"));
    assert.ok(tally, "no per-arm tally");
    const candidates = [...new Set(plain.map((f) => f.candidate))];
    assert.deepEqual(candidates, ["grpc", "rest-node"]);
    assert.equal(tally.length, 2 + candidates.length);
    for (const id of candidates) {
      assert.ok(tally.some((row) => row.startsWith(`| **${escapeMarkdown(arms.name(id))}** | REST (express) |`)), `no tally row for ${id}`);
      // three arms: each pair's matrix under its own heading
      const heading = `#### ${escapeMarkdown(arms.name(id))} vs REST (express)`;
      assert.ok(md.includes(`${heading}\n\n| Scenario |`), `no matrix under ${heading}`);
    }
    const matrix = tables(md).find((t) => t[0]?.startsWith("| Scenario |"));
    assert.ok(matrix);
    assert.match(matrix.join("\n"), /\*\*0\.\d+×\*\* better/);
  });

  it("names arms by their labels in verdicts and shows verdictDetail", () => {
    const report = sampleReportForHtml();
    const md = renderSummary(report);
    assert.ok(md.includes("**REST \\(node:http\\) better**") || md.includes("**REST (node:http) better**"), "no verdict naming REST (node:http)");
    const inconclusive = report.findings.find((f) => f.verdict === "inconclusive")!;
    assert.ok(md.includes(`inconclusive: ${escapeMarkdown(inconclusive.verdictDetail!)}`));
    assert.ok(md.includes(`depends: ${escapeMarkdown(report.findings.find((f) => f.verdict === "depends")!.verdictDetail!)}`));
  });

  it("lists every arm with its label and descriptor, and puts the arms side by side", () => {
    for (const report of [sampleReport(), sampleReportForHtml()]) {
      const md = renderSummary(report);
      const arms = tables(md).find((t) => t[0]?.startsWith("| Arm | Id |"));
      assert.ok(arms, "no arms table");
      assert.equal(arms.length, 2 + report.arms.length);
      for (const a of report.arms) {
        const row = arms.find((r) => r.includes(`| \`${a.id}\` |`));
        assert.ok(row, `arm ${a.id} missing`);
        assert.ok(row.includes(escapeMarkdown(a.label)) && row.includes(escapeMarkdown(a.framework)) && row.includes(a.transport));
      }
      assert.match(arms.join("\n"), /\*\*REST \(express\)\*\* \(baseline\)/);
      const side = tables(md).find((t) => t[0]?.startsWith("| Call | Size | View | Load |"));
      assert.ok(side, "no side-by-side table");
      assert.deepEqual(cells(side[0]!).slice(4).map((c) => c.trim()), report.arms.map((a) => escapeMarkdown(a.label)));
    }
  });

  it("has an arm column (or the arms as columns) in every table of per-arm results", () => {
    const report = sampleReportForHtml();
    const names = armDirectory(report).list().map((a) => escapeMarkdown(a.name));
    const md = renderSummary(report);
    const lines = md.split("\n");
    let checked = 0;
    for (const table of tables(md)) {
      const head = cells(table[0] ?? "").map((c) => c.trim());
      if (head[0] === "Message") continue; // serialized sizes: per message, no arm
      checked++;
      if (head.includes("Arm") || head.includes("Arms")) continue;
      if (names.every((n) => head.includes(n))) continue; // side by side
      // a pair's scenario × metric matrix: its heading or summary names both arms
      const before = lines.slice(0, lines.indexOf(table[0]!)).filter((l) => l.trim() !== "").at(-1) ?? "";
      assert.equal(head[0], "Scenario", `table without an arm column: ${table[0]}`);
      assert.match(before, / vs /, `matrix without its pair: ${before}`);
    }
    assert.ok(checked >= 5);
  });

  it("renders a report with an arm id nothing knows", () => {
    const report = sampleReport({ arms: ["grpc", "rest", "rest-zig"] });
    report.load[0] = { ...report.load[0]!, arm: "mystery-arm" };
    const md = renderSummary(report);
    assert.match(md, /\| \*\*rest-zig\*\* \| `rest-zig` \|/);
    assert.match(md, /\| \*\*mystery-arm\*\* \| `mystery-arm` \| — \|/);
    assert.match(md, /\| mystery-arm \|/);
  });

  it("lists families that were not measured, failed or recorded nothing", () => {
    const report = sampleReportForHtml();
    report.stream = [];
    report.multiplex = [];
    report.families = report.families
      .filter((f) => f.family !== "micro")
      .map((f) =>
        f.family === "stream" ? { ...f, endReason: "failed" as const, failure: "rest server exited | code 1" } : f.family === "multiplex" ? { ...f, endReason: "completed" as const } : f,
      );
    const md = renderSummary(report);
    assert.match(md, /### Not measured or incomplete/);
    assert.match(md, /- \*\*stream\*\*: failed: rest server exited \\\| code 1/);
    assert.match(md, /- \*\*multiplex\*\*: completed but recorded no results/);
    assert.match(md, /- \*\*micro\*\*: not measured in this run \(not selected\)/);
    assert.doesNotMatch(md, /\*\*load\*\*/);
  });

  it("renders an empty report without result tables (the arms it was to compare stay listed)", () => {
    const report = sampleReportForHtml();
    Object.assign(report, { load: [], sizes: [], micro: [], compression: [], multiplex: [], stream: [], tls: [], findings: [], caveats: [], families: [] });
    const md = renderSummary(report);
    assert.deepEqual(tables(md).map((t) => t[0]?.slice(0, 12)), ["| Arm | Id |"]);
    assert.match(md, /No arm findings/);
    assert.doesNotMatch(md, /Run-wide caveats/);
  });
});

describe("renderSummary header: the Node version", () => {
  it("opens the run line under the title, in bold", () => {
    const report = sampleReport();
    report.environment.node = "v24.11.1";
    const lines = renderSummary(report).split("\n");
    assert.equal(lines[0], "## gRPC vs REST/JSON benchmark");
    assert.match(lines[2] ?? "", /^\*\*Node v24\.11\.1\*\* · profile quick · /);
    assert.equal(lines.filter((l) => l.includes("Node v24.11.1")).length, 1);
  });

  it("keeps the version inert", () => {
    const report = sampleReport();
    report.environment.node = "v20*x*|<b>";
    const md = renderSummary(report);
    assert.match(md.split("\n")[2] ?? "", /^\*\*Node v20\\\*x\\\*\\\|&lt;b&gt;\*\* · /);
  });
});

describe("markdownTable", () => {
  it("right-aligns numeric columns and escapes cells", () => {
    const t = markdownTable([{ label: "a" }, { label: "n", numeric: true }], [["x|y", "1"]]);
    assert.equal(t, "| a | n |\n|---|---:|\n| x\\|y | 1 |");
  });
});

describe("renderSummary: CPU steal", () => {
  it("one line under the run line: per family windows, median and max steal, heavy windows, and what was done with them", () => {
    const report = sampleReport();
    for (const r of report.load) r.repetitions = r.repetitions.map((w, i) => ({ ...w, cpuSteal: { server: i === 0 ? 0.06 : 0.01, client: 0.002 }, heavySteal: i === 0 }));
    const windows = report.load.reduce((n, r) => n + r.repetitions.length, 0);
    const lines = renderSummary(report).split("\n");
    assert.match(lines[2] ?? "", /^\*\*Node /);
    const steal = lines[4] ?? "";
    assert.match(steal, /^CPU steal \(the share of the server's and load generator's CPUs the hypervisor gave to other guests\), per measured window: /);
    assert.ok(steal.includes(`load ${windows} windows: median 1.0%, max 6.0%, ${report.load.length} heavy`), steal);
    assert.match(steal, /multiplex \d+ windows, steal not recorded for this family/);
    assert.match(steal, /A window above 5% is flagged heavy; the paired arm ratios leave it out\.$/);
    assert.equal(lines.filter((l) => l.startsWith("CPU steal")).length, 1);
  });

  it("says nothing when no window recorded steal", () => {
    assert.doesNotMatch(renderSummary(sampleReport()), /CPU steal/);
  });
});
