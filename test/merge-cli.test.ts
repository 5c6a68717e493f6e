// `npm run merge` (issue 15, item 3): shard reports → one report, merged exactly. The merged calls, errors and
// histogram count are the shards' sums, and the merged p50/p99 are the percentiles of ONE histogram fed every
// shard's samples (never an average of percentiles); reports that do not belong together are refused with one line
// and exit 2. Synthetic shards (samples we draw ourselves) for the arithmetic and the refusals; three real shards
// (`npm run bench -- --shard i/3 --start-at …`) against the same local servers for the whole path. Loopback only;
// nothing asserts on timing.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { aggregateRepetitions } from "../bench/load/aggregate-repetitions.js";
import { createHistogram, decodeHistogram, encodeHistogram, recordUs, summarizeHistogram, type LatencyHistogram } from "../bench/histogram.js";
import type { LoadResult } from "../bench/model/load-result.js";
import type { Report } from "../bench/model/report.js";
import type { MergedScenario } from "../bench/model/shard-merge.js";
import { renderHtml } from "../reports/html/render-html.js";
import { renderSummary } from "../reports/markdown/render-summary.js";
import { mergeShardReports } from "../reports/merge/merge-reports.js";
import { checkShardSet, MergeError, type ShardInput } from "../reports/merge/shard-set.js";
import { readReport, validateReport, writeReport } from "../reports/report-file.js";
import { sampleReport, seededRandom } from "./fixtures/sample-report.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "merge-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const START = Date.parse("2026-01-01T12:00:00.000Z");
const TARGETS: Record<string, string> = { grpc: "127.0.0.1:50051", rest: "http://127.0.0.1:8080" };

/** `total` over `count` shards as evenly as possible (32 over 3: 11+11+10), as bench/load/load-split.ts splits connections. */
const shareOf = (total: number, index: number, count: number) => Math.floor(total / count) + (index < total % count ? 1 : 0);

interface Synthetic {
  reports: Report[];
  /** per load entry (by position), one histogram fed every sample every shard drew for it */
  oracle: LatencyHistogram[];
}

/**
 * `count` shard reports of one run: the sample report's load scenarios (grpc and rest), each shard drawing its own
 * latencies (shard i about 1 + 0.5·i times slower, so the shards' percentiles differ) and a different number of calls.
 */
function syntheticShards(count: number): Synthetic {
  const base = sampleReport({ arms: ["grpc", "rest"], families: ["load", "size", "micro"], repetitions: 3 });
  base.load = base.load.filter((r) => r.payload === "small" || r.payload === "medium");
  const oracle = base.load.map(() => createHistogram());
  const reports = Array.from({ length: count }, (_, index) => {
    const report = structuredClone(base);
    const rnd = seededRandom(1000 + index);
    report.environment.gitCommit = COMMIT;
    report.arms = report.arms.map((arm) => ({ ...arm, target: TARGETS[arm.id]! }));
    report.options = { ...report.options, targets: TARGETS, out: `/tmp/shard-${index}`, shard: { index, count } };
    report.shard = { index, count, host: `host-${index}`, startAt: new Date(START).toISOString(), clockOffsetMs: 0, clockOffsetNote: "synthetic: no clock was read" };
    report.load = report.load.map((entry, e) => {
      // the whole run: HTTP/1.1 c32 (11+11+10 connections over 3 shards); HTTP/2 c3x8 (one connection of 8 streams each)
      const h2 = entry.streamsPerConnection !== null;
      const connections = shareOf(h2 ? count : 32, index, count);
      const concurrency = h2 ? connections * 8 : connections;
      const repetitions = entry.repetitions.map((w, r) => {
        const h = createHistogram();
        const calls = 300 + 41 * index + 7 * r + e;
        for (let k = 0; k < calls; k++) {
          const us = entry.latencyMs.p50 * 1000 * (1 + 0.5 * index) * (0.5 + rnd() + (rnd() < 0.02 ? 5 * rnd() : 0));
          recordUs(h, us);
          recordUs(oracle[e]!, us);
        }
        const errors = index === 1 ? { total: 2 + r, byCode: { UNAVAILABLE: 2, ...(r > 0 ? { DEADLINE_EXCEEDED: r } : {}) } } : { total: 0, byCode: {} };
        return {
          ...w,
          startedAt: new Date(START + r * 1000 + index * 3).toISOString(),
          round: r + 1,
          durationS: 0.3,
          requests: calls,
          errors,
          throughputRps: (calls - errors.total) / 0.3,
          latencyMs: summarizeHistogram(h),
          histogram: encodeHistogram(h),
        };
      });
      const result: LoadResult = {
        ...entry,
        scenario: entry.scenario.replace(/\/c\d+$/, h2 ? `/c${connections}x8` : `/c${connections}`),
        connections,
        concurrency,
        streamsPerConnection: h2 ? 8 : null,
        ...aggregateRepetitions(repetitions),
        durationS: 0.3,
        repetitions,
      };
      return result;
    });
    return report;
  });
  return { reports, oracle };
}

const inputs = (reports: readonly Report[], names = reports.map((_, i) => `r${i + 1}.json`)): ShardInput[] => reports.map((report, i) => ({ file: names[i]!, report }));

function refusal(reports: readonly Report[], pattern: RegExp, allowMissing = false): void {
  assert.throws(
    () => checkShardSet(inputs(reports), allowMissing),
    (error: Error) => {
      assert.ok(error instanceof MergeError, String(error));
      assert.equal(error.message.split("\n").length, 1);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe("merge: three synthetic shards", () => {
  const { reports, oracle } = syntheticShards(3);
  const merged = mergeShardReports(checkShardSet(inputs(reports), false), { allowMissing: false, out: "/tmp/merged" });

  it("is a valid report with every load scenario once, the shards' load added", () => {
    validateReport(merged);
    assert.equal(merged.load.length, reports[0]!.load.length);
    for (const [e, entry] of merged.load.entries()) {
      // named and sized as an unsharded run of the whole load would be
      const h2 = entry.streamsPerConnection !== null;
      assert.equal(entry.concurrency, h2 ? 24 : 32, entry.scenario);
      assert.ok(entry.scenario.endsWith(h2 ? "/c3x8" : "/c32"), entry.scenario);
      assert.equal(entry.repetitions.length, 3);
      assert.equal(entry.arm, reports[0]!.load[e]!.arm);
    }
    assert.equal(merged.shard, undefined, "a merged report is not a shard");
    assert.deepEqual(merged.merge?.merged, [0, 1, 2]);
  });

  it("calls, errors (by code) and histogram counts are the sums of the shards'", () => {
    for (const [e, entry] of merged.load.entries()) {
      const parts = reports.map((r) => r.load[e]!);
      assert.equal(entry.requests, parts.reduce((n, p) => n + p.requests, 0), entry.scenario);
      assert.equal(entry.errors.total, parts.reduce((n, p) => n + p.errors.total, 0), entry.scenario);
      const byCode: Record<string, number> = {};
      for (const p of parts) for (const [code, n] of Object.entries(p.errors.byCode)) byCode[code] = (byCode[code] ?? 0) + n;
      assert.deepEqual(entry.errors.byCode, byCode, entry.scenario);
      assert.equal(decodeHistogram(entry.histogram).totalCount, parts.reduce((n, p) => n + decodeHistogram(p.histogram).totalCount, 0), entry.scenario);
      for (const [r, w] of entry.repetitions.entries()) {
        assert.equal(w.requests, parts.reduce((n, p) => n + p.repetitions[r]!.requests, 0), `${entry.scenario} repetition ${r + 1}`);
      }
    }
  });

  it("p50 and p99 are those of one histogram fed every shard's samples, not an average of the shards' percentiles", () => {
    for (const [e, entry] of merged.load.entries()) {
      const truth = summarizeHistogram(oracle[e]!);
      assert.equal(entry.latencyMs.p50, truth.p50, entry.scenario);
      assert.equal(entry.latencyMs.p99, truth.p99, entry.scenario);
      // the max is read back from encoded windows: equal to the bucket's resolution (3 significant digits)
      assert.ok(Math.abs(entry.latencyMs.max - truth.max) <= truth.max * 1e-3, `${entry.scenario}: max ${entry.latencyMs.max} vs ${truth.max}`);
      const averagedP99 = reports.reduce((n, r) => n + r.load[e]!.latencyMs.p99, 0) / reports.length;
      assert.notEqual(entry.latencyMs.p99, averagedP99, `${entry.scenario}: the merged p99 must not be the average of the shards' p99`);
    }
  });

  it("keeps the per-shard breakdown and recomputes findings on the merged entries", () => {
    const m = merged.merge!;
    assert.equal(m.shards.length, 3);
    assert.deepEqual(m.shards.map((s) => s.host), ["host-0", "host-1", "host-2"]);
    const total = merged.load.reduce((n, r) => n + r.requests, 0);
    assert.equal(m.shards.reduce((n, s) => n + s.requests, 0), total);
    assert.equal(m.load.length, merged.load.length);
    for (const scenario of m.load) assert.equal(scenario.shards.length, 3);
    assert.ok(merged.findings.length > 0, "findings are computed on the merged entries");
    assert.ok(m.fromOneShard.some((line) => line.startsWith("size: from shard 0")));
    assert.ok(m.fromOneShard.some((line) => line.startsWith("micro: from shard 0")));
    assert.deepEqual(merged.sizes, reports[0]!.sizes);
    assert.equal(m.flags.filter((f) => f.kind !== "saturated-shard").length, 0, JSON.stringify(m.flags));
    assert.ok(merged.caveats.some((c) => c.startsWith("merged from 3 of 3 shard reports")));
  });

  it("says what the merged windows shared (N shards against the same servers), never a shard's own wording of it", () => {
    const older = reports.map((r) => ({ ...structuredClone(r), caveats: [...r.caveats, "repetitions are separate runs (fresh connections, own warm-up) interleaved across the load scenarios, so they sample this run's time span; they share one server process and one session on this machine, so the confidence intervals cover the variation within this run, not between machines or days"] }));
    for (const shards of [reports, older]) {
      const m = mergeShardReports(checkShardSet(inputs(shards), false), { allowMissing: false, out: "/tmp/merged" });
      const said = m.caveats.filter((c) => c.includes("repetitions are separate runs"));
      assert.equal(said.length, 1, said.join("\n"));
      assert.match(said[0]!, /^repetitions are separate runs .*merge of 3 shards' load generators \(3 hosts\) against the same servers/);
    }
  });

  it("summary.md and report.html show the shard breakdown of a merged report, and nothing of it for a shard's own", async () => {
    assert.match(renderSummary(merged), /### Merged from 3 of 3 shards\n/);
    assert.match(renderSummary(merged), /\| 2 \| host-2 \| r3\.json \|/);
    assert.doesNotMatch(renderSummary(reports[0]!), /Merged from/);
    const page = await renderHtml(merged);
    assert.match(page, /<div class="caveat-box" id="shard-merge"><h3>Merged from 3 of 3 shards<\/h3>/);
    assert.doesNotMatch(await renderHtml(reports[0]!), /id="shard-merge"/);
  });

  it("flags windows that did not line up, a clock skew and a saturated shard", () => {
    const skewed = structuredClone(reports);
    const late = skewed[2]!;
    late.shard!.clockOffsetMs = 400;
    for (const entry of late.load) for (const w of entry.repetitions) w.startedAt = new Date(Date.parse(w.startedAt) + 2000).toISOString();
    skewed[1]!.load[0]!.repetitions[0]!.driverSaturated = true;
    const m = mergeShardReports(checkShardSet(inputs(skewed), false), { allowMissing: false, out: "/tmp/merged" }).merge!;
    const kinds = new Set(m.flags.map((f) => f.kind));
    assert.ok(kinds.has("clock-skew"), JSON.stringify(m.flags));
    // 2000 ms late by its own clock, 400 ms of it its clock being ahead: 1600 ms after the others, beyond a 300 ms window
    assert.ok(kinds.has("window-skew"));
    assert.ok(m.flags.some((f) => f.kind === "no-overlap" && f.shard === 2));
    assert.ok(m.flags.some((f) => f.kind === "saturated-shard" && f.shard === 1));
    assert.equal(m.load[0]!.overlap, 0);
  });
});

describe("merge: reports that do not belong together are refused in one line", () => {
  const { reports } = syntheticShards(3);
  const variant = (i: number, change: (r: Report) => void) => {
    const copy = structuredClone(reports);
    change(copy[i]!);
    return copy;
  };
  const shardField = (r: Report) => r.shard!;

  it("another commit", () => refusal(variant(1, (r) => (r.environment.gitCommit = "fedcba9876543210")), /^r2\.json ran commit fedcba987654, r1\.json commit 0123456789ab$/));
  it("another profile", () => refusal(variant(2, (r) => (r.profile = "full")), /^r3\.json ran the full profile, r1\.json the quick profile$/));
  it("other arms", () => refusal(variant(1, (r) => (r.options.arms = ["grpc"])), /^r2\.json ran with arms grpc, r1\.json with grpc,rest$/));
  it("other targets", () => refusal(variant(2, (r) => (r.options.targets = { ...TARGETS, rest: "http://127.0.0.1:9090" })), /^r3\.json ran with targets .*9090.*, r1\.json with .*8080/));
  it("another tool version", () => refusal(variant(1, (r) => (r.tool.version = "9.9.9")), /^r2\.json was made by grpc-rest-bench 9\.9\.9, r1\.json by grpc-rest-bench /));
  it("the same shard twice", () => refusal(variant(2, (r) => (shardField(r).index = 1)), /^r3\.json is shard 1\/3 like r2\.json$/));
  it("shards of different counts", () => refusal(variant(1, (r) => (shardField(r).count = 4)), /^r2\.json is shard 1\/4, r1\.json shard 0\/3: not one run's shards$/));
  it("a report without a shard field", () => refusal(variant(0, (r) => delete r.shard), /^r1\.json has no shard field: it was not run with --shard i\/N$/));
  it("a shard that started its own server", () =>
    refusal(
      variant(1, (r) => (r.arms = r.arms.map((a) => (a.id === "rest" ? { ...a, target: null } : a)))),
      /^r2\.json measured arms grpc=127\.0\.0\.1:50051, rest=local, r1\.json /,
    ));
  it("shards that each started their own servers", () => {
    const local = structuredClone(reports);
    for (const r of local) {
      r.arms = r.arms.map((arm) => ({ ...arm, target: null }));
      r.options.targets = {};
    }
    refusal(local, /^r1\.json loaded a grpc server it started itself \(no --target\): shards must load the same running servers to be merged$/);
  });
  it("a missing shard, unless --allow-missing (then flagged)", () => {
    refusal(reports.slice(0, 2), /^shard 2\/3 is missing \(given: 0, 1\): add its report, or merge without it with --allow-missing$/);
    const set = checkShardSet(inputs(reports.slice(0, 2)), true);
    assert.deepEqual(set.missing, [2]);
    const merged = mergeShardReports(set, { allowMissing: true, out: "/tmp/merged" });
    assert.deepEqual(merged.merge?.missing, [2]);
    assert.ok(merged.merge?.flags.some((f) => f.kind === "missing-shard"));
    assert.ok(merged.caveats.some((c) => /shard 2\/3 was not merged \(--allow-missing\)/.test(c)), merged.caveats.join("\n"));
  });
  it("a scenario with fewer connections than shards is rightly absent from the shards beyond them: merged, not flagged", () => {
    // grpc's scenarios have one HTTP/2 connection per shard here: 2 connections over 3 shards are 1 + 1 + 0
    const two = variant(2, (r) => (r.load = r.load.slice(1)));
    assert.equal(two[0]!.load[0]!.connections, 1);
    const merged = mergeShardReports(checkShardSet(inputs(two), false), { allowMissing: false, out: "/tmp/merged" });
    assert.equal(merged.load[0]!.connections, 2);
    assert.equal(merged.load[0]!.requests, two[0]!.load[0]!.requests + two[1]!.load[0]!.requests);
    assert.ok(!merged.merge!.flags.some((f) => f.kind === "missing-scenario"));
  });
  it("a scenario one shard lacks, unless --allow-missing", () => {
    const lacking = variant(1, (r) => (r.load = r.load.slice(1)));
    refusal(lacking, /^r2\.json has no load scenario load\/grpc\/server\/GetUser\/small\/closed\/c1x8 \(r1\.json has it\): merge it with --allow-missing/);
    const merged = mergeShardReports(checkShardSet(inputs(lacking), true), { allowMissing: true, out: "/tmp/merged" });
    assert.ok(merged.merge?.flags.some((f) => f.kind === "missing-scenario"));
    assert.equal(merged.load[0]!.requests, lacking[0]!.load[0]!.requests + lacking[2]!.load[0]!.requests);
  });
});

function merge(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "reports/merge/cli.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertExit2(args: string[], pattern: RegExp): void {
  const r = merge(...args);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
  assert.match(r.stderr.trimEnd(), pattern);
}

describe("merge CLI", () => {
  const { reports } = syntheticShards(3);
  const files = reports.map((report, i) => {
    const path = join(dir, `s${i}.json`);
    writeReport(path, report);
    return path;
  });

  it("writes report.json, report.html and summary.md with the shard breakdown", () => {
    const out = join(dir, "merged");
    const r = merge(...files, "--out", out);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split("\n"), ["report.json", "report.html", "summary.md"].map((f) => join(out, f)));
    const report = readReport(join(out, "report.json"));
    assert.equal(report.merge?.shards.length, 3);
    assert.match(readFileSync(join(out, "summary.md"), "utf8"), /### Merged from 3 of 3 shards/);
    const page = readFileSync(join(out, "report.html"), "utf8");
    assert.match(page, /id="shard-merge"/);
    assert.match(page, /host-2/);
  });

  it("exit 2 in one line: reports from another commit, a missing shard, not JSON, not a report, no file", () => {
    const other = join(dir, "other-commit.json");
    const changed = structuredClone(reports[2]!);
    changed.environment.gitCommit = "fedcba9876543210";
    writeReport(other, changed);
    assertExit2([files[0]!, files[1]!, other], /^merge: .*other-commit\.json ran commit fedcba987654, .*s0\.json commit 0123456789ab$/);
    assertExit2([files[0]!, files[2]!], /^merge: shard 1\/3 is missing \(given: 0, 2\): .*--allow-missing$/);
    const broken = join(dir, "broken.json");
    writeFileSync(broken, readFileSync(files[1]!, "utf8").slice(0, 200));
    assertExit2([files[0]!, broken, files[2]!], /^merge: .*broken\.json is truncated/);
    const invalid = join(dir, "invalid.json");
    writeFileSync(invalid, JSON.stringify({ ...reports[1], load: "none" }));
    assertExit2([files[0]!, invalid, files[2]!], /^merge: .*invalid\.json does not match the report schema/);
    assertExit2([files[0]!, join(dir, "nowhere.json")], /^merge: .*nowhere\.json: no such file$/);
    assertExit2([files[0]!, files[0]!], /^merge: .*s0\.json is given twice$/);
    assertExit2([], /^merge: no report given/);
  });
});

/** `serve --server ID --port 0` in its own process, as a user's server would be; resolves on its listening line. */
async function serve(id: string): Promise<{ child: ChildProcess; target: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", id, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, GRB_ARM_MODULES: "" } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const m = new RegExp(`^listening ${id} (\\S+)$`, "m").exec(stdout);
    if (m !== null) return { child, target: id === "grpc" ? `grpc://${m[1]}` : `http://${m[1]}` };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`serve ${id} did not start: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One `npm run bench` shard with the short injected load family; resolves with its exit code and stderr. */
function benchShard(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, GRPC_REST_BENCH_TEST_FAMILIES: join(ROOT, "test/fixtures/shard-load-family.ts") },
    });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("merge: three real shards against the same local servers", () => {
  const servers: ChildProcess[] = [];
  const shardFiles = [0, 1, 2].map((i) => join(dir, `real-${i}`, "report.json"));
  const mergedDir = join(dir, "real-merged");
  let runs: { code: number | null; stderr: string }[] = [];
  let mergeRun: { code: number | null; stdout: string; stderr: string } | null = null;

  before(async () => {
    const [grpc, rest] = await Promise.all([serve("grpc"), serve("rest")]);
    servers.push(grpc.child, rest.child);
    // far enough ahead for three processes to start on a busy 2-core machine; the shards wait for it
    const startAt = new Date(Date.now() + 12_000).toISOString();
    runs = await Promise.all(
      [0, 1, 2].map((i) =>
        benchShard(["--only", "load", "--arms", "grpc,rest", "--target", `grpc=${grpc.target}`, "--target", `rest=${rest.target}`, "--shard", `${i}/3`, "--start-at", startAt, "--out", join(dir, `real-${i}`)]),
      ),
    );
    if (runs.every((r) => r.code === 0)) mergeRun = merge(...shardFiles, "--out", mergedDir);
  });
  after(() => {
    for (const child of servers) if (child.exitCode === null) child.kill("SIGTERM");
  });

  it("each shard completes and writes its report with its shard field", () => {
    for (const [i, run] of runs.entries()) {
      assert.equal(run.code, 0, `shard ${i}: ${run.stderr}`);
      const report = readReport(shardFiles[i]!);
      assert.equal(report.shard?.index, i);
      assert.equal(report.shard?.count, 3);
      assert.equal(report.load.length, 2, `shard ${i}: ${report.load.length} load entries`);
    }
    assert.equal(mergeRun?.code, 0, mergeRun?.stderr);
  });

  it("the merged calls, errors and histogram count equal the sums of the shards', and p50/p99 those of one histogram of every shard's windows", () => {
    const shards = shardFiles.map((f) => readReport(f));
    const merged = readReport(join(mergedDir, "report.json"));
    assert.equal(merged.load.length, shards[0]!.load.length);
    assert.deepEqual(merged.merge?.merged, [0, 1, 2]);
    for (const entry of merged.load) {
      const parts = shards.map((s) => s.load.find((r) => r.arm === entry.arm && r.view === entry.view && r.call === entry.call && r.driver === entry.driver)!);
      assert.ok(parts.every((p) => p !== undefined), entry.scenario);
      assert.equal(entry.requests, parts.reduce((n, p) => n + p.requests, 0), entry.scenario);
      assert.equal(entry.errors.total, parts.reduce((n, p) => n + p.errors.total, 0), entry.scenario);
      assert.equal(entry.concurrency, parts.reduce((n, p) => n + p.concurrency, 0), entry.scenario);
      // the whole load's id, as an unsharded run names it (the fixture: 6 in flight, 3 HTTP/2 connections)
      assert.ok(entry.scenario.endsWith(entry.arm === "grpc" ? "/c3x2" : "/c6"), entry.scenario);
      assert.equal(decodeHistogram(entry.histogram).totalCount, parts.reduce((n, p) => n + decodeHistogram(p.histogram).totalCount, 0), entry.scenario);
      // one histogram fed every window of every shard: adding HDR histograms is recording all their samples into one
      const all = createHistogram();
      for (const p of parts) for (const w of p.repetitions) all.add(decodeHistogram(w.histogram));
      const truth = summarizeHistogram(all);
      assert.equal(entry.latencyMs.p50, truth.p50, entry.scenario);
      assert.equal(entry.latencyMs.p99, truth.p99, entry.scenario);
      const breakdown: MergedScenario | undefined = merged.merge!.load.find((m) => m.scenario === entry.scenario);
      assert.deepEqual(
        breakdown?.shards.map((share) => share.requests),
        parts.map((p) => p.requests),
      );
    }
    assert.ok(existsSync(join(mergedDir, "report.html")) && existsSync(join(mergedDir, "summary.md")));
  });
});
