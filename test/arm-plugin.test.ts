// An arm registered from a test fixture (--arm-module), with no edit of any harness file, is measured by the load
// family against real servers and shows up in report.json, report.html, summary.md and compare.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Report } from "../bench/model/report.js";
import { readReport } from "../reports/report-file.js";

const ARM_MODULE = "test/fixtures/arms/fixture-arm.ts";
const SHORT_LOAD = resolve("test/fixtures/short-load-family.ts");
const scratch = mkdtempSync(join(tmpdir(), "bench-arm-plugin-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("a plugin arm from a test fixture", () => {
  const out = join(scratch, "run");
  let report: Report;
  before(() => {
    const r = run("bench/cli.ts", ["--arm-module", ARM_MODULE, "--arms", "rest,rest-fixture", "--only", "load", "--out", out], { GRPC_REST_BENCH_TEST_FAMILIES: SHORT_LOAD });
    assert.equal(r.code, 0, r.stderr);
    report = readReport(join(out, "report.json"));
  });

  it("is described in report.arms and selected with --arms", () => {
    assert.deepEqual(report.arms.map((a) => a.id), ["rest", "rest-fixture"]);
    const arm = report.arms.find((a) => a.id === "rest-fixture");
    assert.deepEqual(arm, {
      id: "rest-fixture",
      label: "REST (fixture)",
      api: "rest",
      wire: "json",
      transport: "http/1.1",
      framework: "node:http",
      description: "A test fixture registered as a plugin arm; it serves with rest-node's implementation.",
      target: null,
      tls: { enabled: false },
    });
    assert.equal(report.baseline, "rest");
  });

  it("is measured by the load family on its own server, with the same load as the baseline", () => {
    const mine = report.load.filter((e) => e.arm === "rest-fixture");
    assert.equal(mine.length, 2);
    for (const e of mine) {
      assert.equal(e.endReason, "completed", e.failure);
      assert.equal(e.errors.total, 0);
      assert.ok(e.serverCpuUsPerCall !== null, "its server process was started and measured");
      const base = report.load.find((b) => b.arm === "rest" && b.view === e.view && b.call === e.call);
      assert.ok(base !== undefined);
      assert.equal(e.concurrency, base.concurrency);
      assert.equal(e.driver, base.driver, "the same drivers: it speaks REST over HTTP/1.1");
    }
  });

  it("is compared with the baseline in structured findings", () => {
    const findings = report.findings.filter((f) => f.candidate === "rest-fixture");
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.equal(f.kind, "arm-comparison");
      assert.equal(f.baseline, "rest");
      assert.ok(f.scenario !== null);
    }
  });

  it("appears in report.html and summary.md with its label", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    const md = readFileSync(join(out, "summary.md"), "utf8");
    assert.match(html, /REST \(fixture\)/);
    assert.match(md, /rest-fixture|REST \(fixture\)/);
  });

  it("is matched by compare, and a regression of that arm alone is caught and named", () => {
    // The windows are short and real, so their spread is wide: a change far beyond it, so every head repetition
    // ranks below every base repetition, whatever this machine did during the run.
    const head: Report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    for (const e of head.load) {
      if (e.arm !== "rest-fixture") continue;
      for (const r of [e, ...e.repetitions]) {
        r.throughputRps /= 1000;
        r.latencyMs = { ...r.latencyMs, p50: r.latencyMs.p50 * 1000, p99: r.latencyMs.p99 * 1000 };
      }
    }
    const headPath = join(scratch, "head.json");
    writeFileSync(headPath, JSON.stringify(head));
    const same = run("reports/compare/cli.ts", [join(out, "report.json"), join(out, "report.json")]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stdout, /\| rest-fixture \|/);
    const worse = run("reports/compare/cli.ts", [join(out, "report.json"), headPath]);
    assert.equal(worse.code, 1, worse.stdout);
    assert.match(worse.stderr, /rest-fixture/);
    assert.doesNotMatch(worse.stderr, /load rest [a-z]/, "the baseline arm did not change");
  });
});
