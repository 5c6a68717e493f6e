// What a profile leaves out of a family is recorded by the family (ctx.leftOut), kept in report.families[] and
// shown by every writer next to the family's figures, so a quick run never reads as a complete one.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Family } from "../bench/family.js";
import { familyArms } from "../bench/family-arms.js";
import { FAMILIES, type FamilyName } from "../bench/model/report.js";
import { BenchRun, type FamilyLoaders } from "../bench/orchestrator.js";
import { resolveRunOptions } from "../bench/run-options.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { validateReport } from "../reports/report-file.js";
import { sampleArm, sampleReport } from "./fixtures/sample-report.js";

const sample = sampleReport({ analyze: false });
const LINE = "quick profile: measured for rest and grpc only; --profile full adds rest-node";

describe("left out by the profile", () => {
  it("the orchestrator keeps a family's leftOut lines (once each) in report.families[]", async () => {
    const loaders = Object.fromEntries(
      FAMILIES.map((name: FamilyName) => [
        name,
        async (): Promise<Family> => ({
          name,
          describe: name,
          run: async (ctx) => {
            if (name === "stream") {
              ctx.leftOut(LINE);
              ctx.leftOut(LINE);
            }
          },
        }),
      ]),
    ) as FamilyLoaders;
    const run = new BenchRun(resolveRunOptions(["--only", "load,stream"]), {
      loaders,
      environment: sample.environment,
      tool: { name: "grpc-rest-bench", version: "0.0.0-test" },
      signal: new AbortController().signal,
    });
    const report = await run.run();
    assert.deepEqual(report.families.find((f) => f.family === "stream")?.leftOut, [LINE]);
    assert.equal(report.families.find((f) => f.family === "load")?.leftOut, undefined);
    validateReport(report);
  });

  it("familyArms: quick keeps the claim pair and says who it left out; full keeps every arm; arms lacking a call are a caveat", () => {
    const arms = ["grpc", "rest", "rest-node", "json-h2"].map(sampleArm);
    const said: { caveats: string[]; leftOut: string[] } = { caveats: [], leftOut: [] };
    const ctx = (profile: "quick" | "full") => ({ arms, baseline: "rest", profile, caveat: (t: string) => said.caveats.push(t), leftOut: (t: string) => said.leftOut.push(t) });
    const fits = (a: { id: string; transport: string }) => a.transport !== "h2c" || a.id === "grpc";
    const rule = { family: "test family", fits: fits as never, lacking: "test clients", calls: ["GetUser"] };
    assert.deepEqual(familyArms(ctx("quick"), rule).map((a) => a.id), ["grpc", "rest"]);
    assert.deepEqual(said.leftOut, ["quick profile: measured for grpc and rest only; --profile full adds rest-node"]);
    assert.match(said.caveats[0] ?? "", /test family: no test clients yet for json-h2 \(rest, json over h2c\): not measured/);
    assert.deepEqual(familyArms(ctx("full"), rule).map((a) => a.id), ["grpc", "rest", "rest-node"]);
  });

  it("HTML shows the lines above the family's figures and in the families table; summary.md lists them", async () => {
    const report = structuredClone(sample);
    const load = report.families.find((f) => f.family === "load");
    assert.ok(load);
    load.leftOut = [LINE];
    validateReport(report);
    const html = await renderHtml(report);
    assert.match(html, /<ul class="left-out" data-family="load"><li>quick profile: measured for rest and grpc only/);
    assert.match(html, /Left out by this profile/);
    const md = renderSummary(report);
    assert.match(md, /### Left out by the (quick|full) profile\n\n- \*\*load\*\*: quick profile: measured for rest and grpc only/);
  });
});
