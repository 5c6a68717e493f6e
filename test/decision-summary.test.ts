// The decision summary is computed, never written: every figure in it is a part that names the finding or the
// attribution step it comes from, and the text between the figures carries no number of its own.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { roundsForHalfWidth } from "../bench/analysis/statistics.js";
import type { Finding } from "../bench/model/finding.js";
import type { Report } from "../bench/model/report.js";
import { attributionRef, decisionSummary } from "../reports/decision-summary.js";
import { decisionMarkdown } from "../reports/markdown/decision-markdown.js";
import { renderHtml } from "../reports/html/render-html.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

describe("decision summary", () => {
  const report = sampleReportForHtml();
  const sentences = decisionSummary(report);

  it("three to seven sentences, the first on what gRPC buys, one on where it comes from", () => {
    assert.ok(sentences.length >= 3 && sentences.length <= 7, String(sentences.length));
    const text = sentences.map((s) => s.map((p) => (typeof p === "string" ? p : p.text)).join(""));
    assert.match(text[0] ?? "", /^Measured on this machine .*gRPC \(grpc-js\) served .* the throughput/);
    assert.ok(text.some((t) => t.startsWith("Where it comes from, one factor per step")));
    // the sample has the gateway: what it costs against rest and against grpc, from the attribution's side paths
    assert.ok(text.some((t) => /^A REST gateway in front of gRPC \(grpc-js\) .* the throughput of REST \(express\).* that of gRPC \(grpc-js\) alone/.test(t)), text.join("\n"));
  });

  it("every figure names its source, and the text between figures has no number of its own", () => {
    const refs = new Set([...report.findings.map((f) => f.id), ...report.attribution.map(attributionRef)]);
    // arm labels may hold digits of their own (HTTP/2): they are names, not figures
    const withoutLabels = (text: string) => report.arms.reduce((t, a) => t.split(a.label).join("ARM"), text);
    for (const sentence of sentences) {
      for (const part of sentence) {
        if (typeof part === "string") assert.doesNotMatch(withoutLabels(part), /\d/, `a number outside a figure: ${part}`);
        else {
          assert.ok(refs.has(part.ref), `unknown source ${part.ref}`);
          assert.match(part.text, /^\d/);
        }
      }
    }
  });

  it("in the HTML every figure links to an anchor that exists on the page", async () => {
    const html = await renderHtml(report);
    assert.ok(html.indexOf('id="decision"') < html.indexOf('id="findings"'), "before the findings");
    const links = [...html.matchAll(/class="figure-link" href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const anchor of links) assert.ok(html.includes(`id="${anchor}"`), `no element with id ${anchor}`);
  });

  it("in summary.md every figure has a footnote naming its source", () => {
    const md = decisionMarkdown(report).join("\n");
    const marks = [...md.matchAll(/\[\^(d\d+)\](?!:)/g)].map((m) => m[1]);
    assert.ok(marks.length > 0);
    for (const mark of new Set(marks)) assert.match(md, new RegExp(`^\\[\\^${mark}\\]: \``, "m"));
  });

  it("paired ratios: how tight they are, and about how many rounds ±5% would take, every figure from a finding", () => {
    const headline = (f: Finding) => f.candidate === "grpc" && f.baseline === "rest" && f.subject?.view === "server" && f.subject.mode === "closed" && ["throughputRps", "serverCpuUsPerCall", "latencyMs.p50"].includes(f.metric) && f.ratio !== null;
    const paired = (spread: number): Report => {
      const r = structuredClone(report);
      r.findings = r.findings.map((f) => (headline(f) ? { ...f, ci95: [(f.ratio as number) / spread, (f.ratio as number) * spread], pairing: { rounds: 10, setAsideHeavySteal: 0 } } : f));
      return r;
    };
    const text = (r: Report) => decisionSummary(r).map((s) => s.map((p) => (typeof p === "string" ? p : p.text)).join(""));
    const wide = paired(1.15);
    const precision = text(wide).find((t) => t.startsWith("These ratios"));
    const needed = roundsForHalfWidth([1 / 1.15, 1.15], 10, 0.05);
    assert.equal(precision, `These ratios (throughput, server CPU per call, median latency) are measured to within ±15% (their confidence intervals) from 10 paired rounds; at the spread this machine showed from round to round, all of them within ±5% would take about ${needed} rounds (npm run bench -- --rounds ${needed}).`);
    const refs = new Set(wide.findings.filter(headline).map((f) => f.id));
    const sentence = decisionSummary(wide).find((s) => s[0] === "These ratios (throughput, server CPU per call, median latency) are measured to within ±") ?? [];
    for (const part of sentence) {
      if (typeof part === "string") assert.doesNotMatch(part, /\d/, `a number outside a figure: ${part}`);
      else assert.ok(refs.has(part.ref), `${part.text} from ${part.ref}, not a headline finding`);
    }
    // already within ±5%: said, and no rounds suggested
    assert.match(text(paired(1.04)).find((t) => t.startsWith("These ratios")) ?? "", /within ±4% \(their confidence intervals\) from 10 paired rounds\.$/);
    // unpaired intervals (older reports) say nothing about rounds
    assert.ok(!text(report).some((t) => t.startsWith("These ratios")));
  });

  it("without a gRPC arm or with gRPC as the baseline there is nothing to decide: no summary", () => {
    assert.deepEqual(decisionSummary(sampleReport({ arms: ["rest", "rest-node"] })), []);
    assert.deepEqual(decisionSummary(sampleReport({ arms: ["grpc", "rest"], baseline: "grpc" })), []);
  });
});
