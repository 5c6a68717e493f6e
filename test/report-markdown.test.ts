// The Markdown summary as a pure function: findings and key tables, escaping that keeps tables intact and
// HTML inert (GitHub renders both in comments), plain lines for what was not measured.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
    assert.match(md, /### Common claims, measured/);
    assert.match(md, /### Findings/);
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

  it("folds a long findings list into <details> after a scenario × metric overview", () => {
    const report = sampleReport({ pinned: false });
    const md = renderSummary(report);
    const plain = report.findings.filter((f) => !f.id.startsWith("claim"));
    assert.ok(plain.length > 12);
    assert.match(md, new RegExp(`<details><summary>All ${plain.length} findings, with caveats</summary>`));
    const overview = tables(md).find((t) => t[0]?.startsWith("| Scenario |"));
    assert.ok(overview, "no scenario × metric overview");
    assert.match(overview.join("\n"), /\*\*0\.\d+×\*\* gRPC/);
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

  it("renders an empty report without tables", () => {
    const report = sampleReportForHtml();
    Object.assign(report, { load: [], sizes: [], micro: [], compression: [], multiplex: [], stream: [], findings: [], caveats: [], families: [] });
    const md = renderSummary(report);
    assert.equal(tables(md).length, 0);
    assert.match(md, /No gRPC \/ REST findings/);
    assert.doesNotMatch(md, /Run-wide caveats/);
  });
});

describe("markdownTable", () => {
  it("right-aligns numeric columns and escapes cells", () => {
    const t = markdownTable([{ label: "a" }, { label: "n", numeric: true }], [["x|y", "1"]]);
    assert.equal(t, "| a | n |\n|---|---:|\n| x\\|y | 1 |");
  });
});
