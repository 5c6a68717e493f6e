// Findings computed from synthetic measurements with known ratios: the verdicts must follow the data.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeReport, computeFindings } from "../bench/analysis/analyze-report.js";
import type { Finding } from "../bench/model/finding.js";
import type { Report } from "../bench/model/report.js";
import { sampleArm, sampleLoadResult, sampleReport, type LoadSeed, type MeasurementSeed } from "./fixtures/sample-report.js";

const empty = (): Report => sampleReport({ families: [], analyze: false });

function withLoad(...seeds: LoadSeed[]): Report {
  return { ...empty(), load: seeds.map(sampleLoadResult) };
}

const reps = (p50s: number[], extra: Partial<MeasurementSeed> = {}): MeasurementSeed[] =>
  p50s.map((p50Ms) => ({ p50Ms, throughputRps: 64_000 / p50Ms, ...extra }));

const find = (findings: Finding[], suffix: string) => {
  const f = findings.find((x) => x.id.endsWith(suffix));
  assert.ok(f, `no finding ending in ${suffix}: ${findings.map((x) => x.id).join(", ")}`);
  return f;
};

describe("arm vs baseline findings", () => {
  it("gRPC at half REST's latency in every repetition: ratio ≈ 0.5, CI excludes 1, gRPC better", () => {
    const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([1, 1.02, 0.98]) }, { protocol: "rest", repetitions: reps([2, 2.04, 1.96]) }));
    const p50 = find(f, ":p50");
    assert.equal(p50.id, "grpc-vs-rest:GetUser:small:server:closed:c64:p50");
    assert.equal(p50.kind, "arm-comparison");
    assert.equal(p50.candidate, "grpc");
    assert.equal(p50.baseline, "rest");
    assert.equal(p50.scenario, "GetUser:small:server:closed:c64");
    assert.equal(p50.family, "load");
    assert.equal(p50.metric, "latencyMs.p50");
    assert.equal(p50.metricLabel, "p50 latency");
    assert.equal(p50.better, "lower");
    assert.ok(Math.abs(p50.ratio! - 0.5) < 0.01);
    assert.ok(p50.ci95![1] < 1);
    assert.equal(p50.verdict, "candidate-better");
    const throughput = find(f, ":throughput");
    assert.ok(Math.abs(throughput.ratio! - 2) < 0.05);
    assert.equal(throughput.verdict, "candidate-better", "higher throughput is better");
  });

  it("REST faster: baseline-better", () => {
    const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([3, 3.1, 2.9]) }, { protocol: "rest", repetitions: reps([2, 2.1, 1.9]) }));
    assert.equal(find(f, ":p50").verdict, "baseline-better");
    assert.equal(find(f, ":throughput").verdict, "baseline-better");
  });

  it("overlapping repetitions: the CI contains 1 and the verdict is no-significant-difference", () => {
    const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([1.0, 1.1, 0.9]) }, { protocol: "rest", repetitions: reps([1.05, 0.95, 1.0]) }));
    const p50 = find(f, ":p50");
    assert.ok(p50.ci95![0] <= 1 && p50.ci95![1] >= 1);
    assert.equal(p50.verdict, "no-significant-difference");
    assert.match(p50.statement, /no significant difference/);
  });

  it("one repetition per side: a ratio but no CI, and says so", () => {
    const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([1]) }, { protocol: "rest", repetitions: reps([2]) }));
    const p50 = find(f, ":p50");
    assert.equal(p50.ci95, null);
    assert.equal(p50.verdict, "insufficient-repetitions");
  });

  it("pairs only like with like: call, size class, view, mode and in-flight calls", () => {
    const f = computeFindings(
      withLoad(
        { protocol: "grpc", payload: "small", repetitions: reps([1, 1, 1]) },
        { protocol: "rest", payload: "large", repetitions: reps([2, 2, 2]) },
        { protocol: "grpc", payload: "medium", concurrency: 8, repetitions: reps([1, 1, 1]) },
        { protocol: "rest", payload: "medium", concurrency: 64, repetitions: reps([2, 2, 2]) },
      ),
    );
    assert.deepEqual(f.filter((x) => x.id.startsWith("grpc-vs-rest")), []);
  });

  it("throughput is not compared in an open loop, client CPU only in the end-to-end view", () => {
    const open = computeFindings(withLoad({ protocol: "grpc", mode: "open", repetitions: reps([1, 1.1, 0.9]) }, { protocol: "rest", mode: "open", repetitions: reps([2, 2.1, 1.9]) }));
    assert.ok(!open.some((x) => x.id.endsWith(":throughput")));
    assert.ok(!open.some((x) => x.id.endsWith(":client-cpu")));
    const e2e = computeFindings(withLoad({ protocol: "grpc", view: "end-to-end", repetitions: reps([1, 1.1, 0.9]) }, { protocol: "rest", view: "end-to-end", repetitions: reps([2, 2.1, 1.9]) }));
    assert.ok(e2e.some((x) => x.id.endsWith(":client-cpu")));
    assert.ok(find(e2e, ":p50").caveats.some((c) => c.includes("end-to-end")));
  });

  it("leaves out incomplete repetitions and says so", () => {
    const f = computeFindings(
      withLoad(
        { protocol: "grpc", repetitions: [...reps([1, 1.02, 0.98]), { p50Ms: 50, throughputRps: 10, endReason: "failed" }] },
        { protocol: "rest", repetitions: reps([2, 2.04, 1.96]) },
      ),
    );
    const p50 = find(f, ":p50");
    assert.ok(Math.abs(p50.ratio! - 0.5) < 0.01, "the failed repetition's 50 ms is not averaged in");
    assert.ok(p50.caveats.some((c) => c.includes("1 of 4 repetitions incomplete")));
  });

  it("flags a saturated load generator and unpinned CPUs on the finding", () => {
    const r = withLoad({ protocol: "grpc", pinned: false, repetitions: reps([1, 1, 1], { driverSaturated: true }) }, { protocol: "rest", pinned: false, repetitions: reps([2, 2, 2]) });
    r.environment = { ...r.environment, pinned: false };
    const t = find(computeFindings(r), ":throughput");
    assert.ok(t.caveats.some((c) => c.includes("saturated") && c.includes("lower bound")));
    assert.ok(t.caveats.some((c) => c.includes("not pinned")));
  });

  it("server view with a saturated load generator: the throughput verdict is inconclusive, latency keeps its verdict", () => {
    for (const saturatedSide of ["grpc", "rest"] as const) {
      const sat = (p: "grpc" | "rest") => (p === saturatedSide ? { driverSaturated: true } : {});
      const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([1, 1.02, 0.98], sat("grpc")) }, { protocol: "rest", repetitions: reps([2, 2.04, 1.96], sat("rest")) }));
      const t = find(f, ":throughput");
      assert.equal(t.verdict, "inconclusive", `${saturatedSide} saturated`);
      assert.match(t.statement, /inconclusive: load generator saturated/);
      assert.equal(t.verdictDetail, "load generator saturated");
      assert.doesNotMatch(t.statement, /gRPC better/);
      assert.ok(Math.abs(t.ratio! - 2) < 0.05, "the ratio is still reported");
      assert.ok(t.caveats.some((c) => c.includes(`saturated (${saturatedSide})`)));
      assert.equal(find(f, ":p50").verdict, "candidate-better");
    }
  });

  it("end-to-end view with a saturated client: the throughput verdict stands (client cost is what it measures), with the caveat", () => {
    const f = computeFindings(
      withLoad(
        { protocol: "grpc", view: "end-to-end", repetitions: reps([1, 1.02, 0.98], { driverSaturated: true }) },
        { protocol: "rest", view: "end-to-end", repetitions: reps([2, 2.04, 1.96], { driverSaturated: true }) },
      ),
    );
    const t = find(f, ":throughput");
    assert.equal(t.verdict, "candidate-better");
    assert.ok(t.caveats.some((c) => c.includes("saturated") && c.includes("lower bound")));
  });
});

describe("more than two arms", () => {
  it("every arm is compared with the baseline, in the run's arm order, never with each other", () => {
    const f = computeFindings(
      withLoad(
        { arm: "grpc", repetitions: reps([1, 1.02, 0.98]) },
        { arm: "rest", repetitions: reps([2, 2.04, 1.96]) },
        { arm: "rest-node", repetitions: reps([1.5, 1.53, 1.47]) },
      ),
    ).filter((x) => x.kind === "arm-comparison");
    assert.deepEqual([...new Set(f.map((x) => `${x.candidate}-vs-${x.baseline}`))], ["grpc-vs-rest", "rest-node-vs-rest"]);
    const node = find(f, "rest-node-vs-rest:GetUser:small:server:closed:c64:p50");
    assert.ok(Math.abs(node.ratio! - 0.75) < 0.01);
    assert.equal(node.verdict, "candidate-better");
    assert.match(node.statement, /REST \(node:http\) p50 latency is 0\.75× REST \(express\)'s/);
  });

  it("another baseline: findings compare every other arm with it", () => {
    const r = withLoad({ arm: "grpc", repetitions: reps([1, 1.02, 0.98]) }, { arm: "rest", repetitions: reps([2, 2.04, 1.96]) }, { arm: "rest-node", repetitions: reps([1.5, 1.53, 1.47]) });
    const f = computeFindings({ ...r, baseline: "rest-node" }).filter((x) => x.kind === "arm-comparison");
    assert.deepEqual([...new Set(f.map((x) => `${x.candidate}-vs-${x.baseline}`))], ["grpc-vs-rest-node", "rest-vs-rest-node"]);
    assert.equal(find(f, "rest-vs-rest-node:GetUser:small:server:closed:c64:p50").verdict, "baseline-better");
  });

  it("the claims read grpc against the baseline when it is a REST arm", () => {
    const r = withLoad({ arm: "grpc", repetitions: reps([1, 1, 1]) }, { arm: "rest", repetitions: reps([2, 2, 2]) }, { arm: "rest-node", repetitions: reps([1.2, 1.2, 1.2]) });
    const speed = (baseline: string) => computeFindings({ ...r, baseline }).find((x) => x.id === "claim:grpc-10x-faster")!;
    assert.equal(speed("rest").baseline, "rest");
    assert.ok(Math.abs(speed("rest").ratio! - 2) < 0.05);
    assert.equal(speed("rest-node").baseline, "rest-node");
    assert.ok(Math.abs(speed("rest-node").ratio! - 1.2) < 0.05);
  });
});

describe("common claims", () => {
  const claim = (r: Report, id: string) => computeFindings(r).find((f) => f.id === id);

  it("protobuf ~10x smaller: not supported at ~2x, supported at ~10x, depends when mixed", () => {
    const r = sampleReport({ families: ["size"], analyze: false });
    assert.equal(claim(r, "claim:protobuf-10x-smaller")!.verdict, "not-supported");
    const tenX = { ...r, sizes: r.sizes.map((s) => ({ ...s, ratio: { ...s.ratio, raw: 10 } })) };
    assert.equal(claim(tenX, "claim:protobuf-10x-smaller")!.verdict, "supported");
    const mixed = { ...r, sizes: r.sizes.map((s, i) => ({ ...s, ratio: { ...s.ratio, raw: i === 0 ? 10 : 2 } })) };
    const depends = claim(mixed, "claim:protobuf-10x-smaller")!;
    assert.equal(depends.verdict, "depends");
    assert.equal(depends.verdictDetail, "on message and size class");
    assert.equal(depends.kind, "claim");
  });

  it("gRPC ~10x faster: not supported at 1.4x, supported when every scenario is ≥ 5x", () => {
    assert.equal(claim(sampleReport({ families: ["load"], grpcLatencyFactor: 0.7, analyze: false }), "claim:grpc-10x-faster")!.verdict, "not-supported");
    const fast = claim(sampleReport({ families: ["load"], grpcLatencyFactor: 0.1, analyze: false }), "claim:grpc-10x-faster")!;
    assert.equal(fast.verdict, "supported");
    assert.ok(fast.ratio! > 9 && fast.ratio! < 11);
  });

  it("gRPC ~10x faster, split by factor: each attribution step's throughput ratio, in chain order, in the statement too", () => {
    const r = withLoad(
      { arm: "grpc", repetitions: reps([1, 1.02, 0.98]) },
      { arm: "rest", repetitions: reps([4, 4.1, 3.9]) },
      { arm: "rest-node", repetitions: reps([2, 2.05, 1.95]) },
      { arm: "grpc-raw", repetitions: reps([0.8, 0.82, 0.78]) },
    );
    const f = claim({ ...r, arms: ["grpc", "rest", "rest-node", "grpc-raw"].map(sampleArm) }, "claim:grpc-10x-faster")!;
    assert.deepEqual(f.byFactor?.map((s) => [s.factor, s.from, s.to]), [
      ["framework", "rest", "rest-node"],
      ["transport+encoding", "rest-node", "grpc-raw"],
      ["library", "grpc-raw", "grpc"],
    ]);
    const product = f.byFactor!.reduce((p, s) => p * s.ratio, 1);
    assert.ok(Math.abs(product - f.ratio!) < 0.05, `${product} vs ${f.ratio}`);
    assert.match(f.statement, /by factor \(throughput, median of 1 call\/size chains\): framework 2\.0\d×, transport\+encoding 2\.\d+×, library 0\.8\d×/);
    // no arm between or beside rest and grpc: nothing to split
    assert.equal(claim(withLoad({ arm: "grpc", repetitions: reps([1, 1, 1]) }, { arm: "rest", repetitions: reps([2, 2, 2]) }), "claim:grpc-10x-faster")!.byFactor, undefined);
  });

  it("gRPC ~10x faster: server-view pairs with a saturated load generator are left out, and the caveat says how many", () => {
    const r = withLoad(
      // saturated: a 10x throughput ratio that only measures the load generator
      { protocol: "grpc", payload: "small", repetitions: reps([0.2, 0.2, 0.2], { driverSaturated: true }) },
      { protocol: "rest", payload: "small", repetitions: reps([2, 2, 2]) },
      { protocol: "grpc", payload: "large", repetitions: reps([7, 7.1, 6.9]) },
      { protocol: "rest", payload: "large", repetitions: reps([10, 10.1, 9.9]) },
    );
    const f = claim(r, "claim:grpc-10x-faster")!;
    assert.equal(f.verdict, "not-supported", "only the unsaturated 1.4x pair counts");
    assert.match(f.statement, /throughput gRPC\/REST 1\.4\d×/);
    assert.ok(f.caveats.some((c) => c.startsWith("1 server-view scenario left out: load generator saturated")));
    assert.ok(f.caveats.some((c) => c.startsWith("server view, closed loop, 1 call/size scenarios")));
  });

  it("gRPC ~10x faster: every server-view pair saturated and no end-to-end pair: inconclusive, no ratio", () => {
    const r = withLoad({ protocol: "grpc", repetitions: reps([0.2, 0.2, 0.2], { driverSaturated: true }) }, { protocol: "rest", repetitions: reps([2, 2, 2], { driverSaturated: true }) });
    const f = claim(r, "claim:grpc-10x-faster")!;
    assert.equal(f.verdict, "inconclusive");
    assert.equal(f.ratio, null);
    const withE2e = { ...r, load: [...r.load, ...withLoad({ protocol: "grpc", view: "end-to-end", repetitions: reps([1, 1, 1]) }, { protocol: "rest", view: "end-to-end", repetitions: reps([1.5, 1.5, 1.5]) }).load] };
    const e2e = claim(withE2e, "claim:grpc-10x-faster")!;
    assert.equal(e2e.verdict, "not-supported", "the end-to-end pairs stand in");
    assert.ok(e2e.caveats.some((c) => c.startsWith("end-to-end view")));
  });

  it("50–100 ms REST vs 5–15 ms gRPC: supported only when the measured p50s fall in those bands", () => {
    const inBands = withLoad({ protocol: "grpc", repetitions: reps([10, 10.5, 9.5]) }, { protocol: "rest", repetitions: reps([70, 72, 68]) });
    assert.equal(claim(inBands, "claim:latency-rest-50-100ms-grpc-5-15ms")!.verdict, "supported");
    const loopback = withLoad(
      { protocol: "grpc", repetitions: reps([1, 1.1, 0.9]) },
      { protocol: "rest", repetitions: reps([1.5, 1.4, 1.6]) },
      { protocol: "grpc", payload: "large", repetitions: reps([4, 4.1, 3.9]) },
      { protocol: "rest", payload: "large", repetitions: reps([6, 6.1, 5.9]) },
    );
    const f = claim(loopback, "claim:latency-rest-50-100ms-grpc-5-15ms")!;
    assert.equal(f.verdict, "not-supported");
    assert.match(f.statement, /REST 1\.5–6\.0 ms, gRPC 1\.0–4\.0 ms/);
    assert.ok(f.caveats.some((c) => c.includes("loopback")));
  });
});

describe("partial reports", () => {
  it("no families: no findings, no crash", () => assert.deepEqual(computeFindings(empty()), []));
  it("only sizes: only the size claim", () => {
    assert.deepEqual(computeFindings(sampleReport({ families: ["size"], analyze: false })).map((f) => f.id), ["claim:protobuf-10x-smaller"]);
  });
  it("load for one protocol only: no comparison, no speed claim", () => {
    const f = computeFindings(withLoad({ protocol: "grpc", repetitions: reps([1, 1, 1]) }));
    assert.deepEqual(f, []);
  });
  it("scenarios with no completed repetition yield no finding", () => {
    const failed = { p50Ms: 1, throughputRps: 1, endReason: "failed" as const };
    assert.deepEqual(computeFindings(withLoad({ protocol: "grpc", repetitions: [failed] }, { protocol: "rest", repetitions: [failed] })).filter((x) => x.id.startsWith("grpc-vs-rest")), []);
  });
});

describe("run-wide caveats", () => {
  it("failed families, unpinned CPUs, saturation, compression not applied, unverified streams", () => {
    const r = sampleReport({ pinned: false, analyze: false });
    r.families[5] = { family: "stream", endReason: "failed", durationS: 1, failure: "boom" };
    r.load[0] = { ...r.load[0]!, driverSaturated: true };
    r.compression[1] = { ...r.compression[1]!, applied: "identity", appliedAsRequested: false, note: "grpc-js ignored the setting" };
    r.stream[0] = { ...r.stream[0]!, verified: false };
    const caveats = analyzeReport(r).caveats.join("\n");
    assert.match(caveats, /family stream failed: boom/);
    assert.match(caveats, /CPUs not pinned/);
    assert.match(caveats, /load generator saturated in 1 of 30 load scenarios/);
    assert.match(caveats, /compression not applied as requested for grpc: grpc-js ignored the setting \[ListOrders large response gzip→identity\]/);
    assert.match(caveats, /failed verification.*grpc grpc-StreamOrders/);
    assert.match(caveats, /repetitions are separate runs .* interleaved across the load scenarios.* not between machines or days/);
  });

  it("the repetitions caveat says what the windows shared: this machine's servers, --target servers, or shards merged against the same servers", () => {
    const shared = (r: Report) => analyzeReport(r).caveats.find((c) => c.startsWith("repetitions are separate runs")) ?? "";
    const local = sampleReport({ analyze: false });
    assert.match(shared(local), /share the same server processes and one session on this machine/);
    const remote = sampleReport({ analyze: false });
    remote.arms = remote.arms.map((a) => ({ ...a, target: `grpc://127.0.0.1:${50051 + a.id.length}` }));
    assert.match(shared(remote), /share the same --target servers and one session of this run/);
    assert.doesNotMatch(shared(remote), /on this machine/);
    const merged = sampleReport({ analyze: false });
    merged.merge = { shards: [{ host: "a" }, { host: "b" }, { host: "b" }] } as unknown as NonNullable<Report["merge"]>;
    assert.match(shared(merged), /merge of 3 shards' load generators \(2 hosts\) against the same servers/);
    assert.doesNotMatch(shared(merged), /on this machine/);
  });

  it("peak RSS that could only be read as a lifetime peak is named in a caveat", () => {
    const r = sampleReport({ analyze: false });
    const first = r.load[0]!;
    r.load[0] = { ...first, repetitions: first.repetitions.map((m) => ({ ...m, serverPeakRssScope: "process-lifetime" as const })) };
    r.load[1] = { ...r.load[1]!, repetitions: r.load[1]!.repetitions.map((m) => ({ ...m, serverPeakRssScope: "window" as const, clientPeakRssScope: "window" as const })) };
    const caveats = analyzeReport(r).caveats.filter((c) => c.startsWith("peak RSS"));
    assert.deepEqual(caveats, [`peak RSS in ${first.scenario} is the process's lifetime peak (the per-window reset, /proc/PID/clear_refs, was not permitted): it may include earlier scenarios`]);
  });

  it("an open loop that stopped with a backlog says how many calls were never sent", () => {
    const r = sampleReport({ analyze: false });
    const open = { ...r.load[0]!, mode: "open" as const, targetRps: 1000, openLoop: { scheduled: 9000, queued: 400, dropped: 0, sendLagMeanMs: 0.1, sendLagMaxMs: 30, backlogAtStop: 37, backlogAtStopOldestWaitMs: 12.34 } };
    r.load = [open, { ...open, scenario: "idle", openLoop: { ...open.openLoop, backlogAtStop: 0, backlogAtStopOldestWaitMs: null } }];
    const caveats = analyzeReport(r).caveats.filter((c) => c.startsWith("open loop stopped"));
    assert.deepEqual(caveats, [
      `open loop stopped with due calls still waiting for a free slot, never sent and in no latency figure (${open.scenario}: 37, oldest waited 12.3 ms): the last window's tail latency is understated`,
    ]);
  });

  it("analysis is idempotent: caveats are not duplicated", () => {
    const once = analyzeReport(sampleReport({ pinned: false, analyze: false }));
    assert.deepEqual(analyzeReport(once).caveats, once.caveats);
  });
});
