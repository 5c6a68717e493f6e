// `npm run compare` as CI uses it: exit 0 / 1 / 2, Markdown on stdout, one line on stderr.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { writeReport } from "../reports/report-file.js";
import { sampleReport } from "./fixtures/sample-report.js";

const dir = mkdtempSync(join(tmpdir(), "compare-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = "load/grpc/server/GetUser/medium/closed/c64";
const base = join(dir, "base.json");
const degraded = join(dir, "degraded.json");
const slowMicro = join(dir, "slow-micro.json");
writeReport(base, sampleReport());
{
  const head = sampleReport();
  const s = head.load.find((x) => x.scenario === SCENARIO)!;
  for (const r of s.repetitions) r.latencyMs.p50 *= 1.5;
  s.latencyMs.p50 *= 1.5;
  writeReport(degraded, head);
}
// one micro entry 30% slower in each of its repetitions (ops/s × 0.7)
const MICRO = sampleReport().micro.find((m) => m.format === "protobuf-static" && m.op === "decode" && m.payload === "medium")!;
const MICRO_NAME = `${MICRO.format} ${MICRO.op} ${MICRO.message} ${MICRO.payload}`;
{
  const head = sampleReport();
  const m = head.micro.find((x) => x.format === MICRO.format && x.op === MICRO.op && x.payload === MICRO.payload)!;
  m.repetitions = m.repetitions!.map((x) => x * 0.7);
  m.opsPerSec *= 0.7;
  writeReport(slowMicro, head);
}

function compare(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "reports/compare/cli.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertExit2(args: string[], pattern: RegExp) {
  const r = compare(...args);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

describe("compare CLI", () => {
  it("a report against itself: exit 0, every row ~", () => {
    const r = compare(base, base);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    const rows = r.stdout.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| arm |") && !l.startsWith("| scenario"));
    assert.ok(rows.length > 100);
    assert.ok(rows.every((l) => l.includes("| ~ |")), rows.find((l) => !l.includes("| ~ |")));
  });

  it("one latency 50% worse in every repetition: exit 1, the row named on stderr and in the Markdown", () => {
    const r = compare(base, degraded);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^compare: 1 significant regression\\(s\\) beyond 10%: ${SCENARIO} p50\\n$`));
    assert.match(r.stdout, new RegExp(`- \`${SCENARIO} p50\`: \\+50\\.0%`));
  });

  it("one micro entry 30% slower in every repetition: exit 1, that entry named", () => {
    const r = compare(base, slowMicro);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^compare: 1 significant regression\\(s\\) beyond 10%: ${MICRO_NAME} ops/s\\n$`));
    assert.match(r.stdout, new RegExp(`- \`${MICRO_NAME} ops/s\`: -30\\.0%`));
  });

  it("--threshold above the change: exit 0", () => assert.equal(compare(base, degraded, "--threshold", "60").code, 0));

  it("the method line names the test, the FDR procedure, q and the threshold; --fdr sets q", () => {
    const r = compare(base, degraded, "--fdr", "0.01");
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /moderated t-test on the logs .* Benjamini–Hochberg over all \d+ tested rows at false discovery rate q ≤ 0\.01; .* beyond 10%/);
    assert.match(r.stdout, /\*\*1 regression\*\* beyond 10% \(\d+ rows compared: \d+ ~, 0 better, 0 worse within 10%, 1 regression\)/);
  });

  it("--alpha, the flag's older name, still sets the rate", () => {
    const r = compare(base, degraded, "--alpha", "0.1");
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /false discovery rate q ≤ 0\.1;/);
  });

  it("a truncated file: exit 2, one line", () => {
    const cut = join(dir, "cut.json");
    const text = readFileSync(base, "utf8");
    writeFileSync(cut, text.slice(0, text.length - 200));
    assertExit2([base, cut], /^compare: .*cut\.json is truncated/);
  });

  it("a version-1 report (before arms) against a version-2 one: exit 2, one line that says so", () => {
    const v1 = join(dir, "v1.json");
    const { arms: _arms, baseline: _baseline, ...rest } = JSON.parse(readFileSync(base, "utf8")) as Record<string, unknown>;
    writeFileSync(v1, JSON.stringify({ ...rest, schemaVersion: 1 }));
    assertExit2([v1, base], /v1\.json is a schemaVersion 1 report \(results keyed by protocol, before arms\); this tool reads version 2: re-run npm run bench/);
    assertExit2([base, v1], /v1\.json is a schemaVersion 1 report/);
  });

  it("an unknown schemaVersion: exit 2", () => {
    const v3 = join(dir, "v3.json");
    writeFileSync(v3, JSON.stringify({ ...JSON.parse(readFileSync(base, "utf8")), schemaVersion: 3 }));
    assertExit2([v3, base], /report schemaVersion 3 is not supported by this tool \(2\)/);
  });

  it("a missing file: exit 2", () => assertExit2([base, join(dir, "none.json")], /none\.json: no such file/));
  it("one report only: exit 2", () => assertExit2([base], /expected two reports, got 1/));
  it("bad threshold: exit 2", () => assertExit2([base, base, "--threshold", "abc"], /--threshold abc/));
  it("bad false discovery rate: exit 2", () => assertExit2([base, base, "--fdr", "5"], /--fdr 5: expected a false discovery rate between 0 and 1/));
  it("--fdr and --alpha together: exit 2", () => assertExit2([base, base, "--fdr", "0.05", "--alpha", "0.1"], /--fdr and --alpha are one setting/));
  it("unknown flag: exit 2", () => assertExit2([base, base, "--verbose"], /Unknown option '--verbose'/));
});
