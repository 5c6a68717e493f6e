// The attribution waterfall: rendered from report.attribution alone, one bar per step, right after the findings.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderHtml, SECTIONS } from "../reports/html/render-html.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { sampleReportForHtml } from "./fixtures/sample-report-for-html.js";

describe("attribution section", () => {
  it("comes right after the findings", () => {
    const ids = SECTIONS.map((s) => s.id);
    assert.equal(ids.indexOf("attribution"), ids.indexOf("findings") + 1);
  });

  it("the eight-arm sample: a waterfall chart and every step of every chain in the table, one factor each", async () => {
    const report = sampleReportForHtml();
    assert.ok(report.attribution.length > 0, "the sample has the whole chain");
    const html = await renderHtml(report);
    const section = html.slice(html.indexOf('<section id="attribution"'), html.indexOf("</section>", html.indexOf('<section id="attribution"')));
    assert.match(section, /data-chart="attribution"/);
    assert.match(section, /<svg/);
    for (const factor of ["framework", "transport", "encoding", "library"]) assert.match(section, new RegExp(`data-factor="${factor}"`), factor);
    const steps = section.match(/class="attribution-step"/g) ?? [];
    assert.equal(steps.length, report.attribution.reduce((n, a) => n + a.steps.length, 0));
    // the side paths: fastify, protobuf over HTTP/1.1 and the gateway, in the table and as "beside" bars in the chart's data
    const sides = section.match(/class="attribution-side"/g) ?? [];
    assert.equal(sides.length, report.attribution.reduce((n, a) => n + (a.sides ?? []).length, 0));
    assert.ok(sides.length > 0);
    for (const label of ["express → fastify", "grpc-js → gateway + grpc-js"]) assert.ok(section.includes(`beside, ${label}`), label);
  });

  it("a run without the chain says what it needs instead of an empty chart", async () => {
    const report = sampleReport({ arms: ["grpc", "rest"] });
    assert.deepEqual(report.attribution, []);
    const html = await renderHtml(report);
    assert.match(html, /No attribution in this run:.*\(rest-node, json-h2, grpc-raw\).*\(rest-fastify, protobuf-h1, gateway\)/s);
    assert.doesNotMatch(html, /data-chart="attribution"/);
  });
});
