// The micro family run through its Family interface with a tiny budget. Timing is never asserted: only the
// shape, the state mapping and the task count.
import { runArms } from "../bench/orchestrator.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FamilyContext } from "../bench/family.js";
import { measuredMessages } from "../bench/families/measured-messages.js";
import { callsPerSample, createMicroFamily, family, measureMicroTask, MICRO_PROFILES, microTasks, type MicroSettings, type MicroTask } from "../bench/families/micro.js";
import type { MicroResult } from "../bench/model/micro-result.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { Bench } from "tinybench";
import { summarizeSamples } from "../bench/analysis/statistics.js";

const TINY: Partial<MicroSettings> = { timeMs: 5, minSamples: 3, warmupMs: 1, warmupSamples: 1, maxAttempts: 1, rmeTargetPct: Infinity, minSampleNs: 10_000 };

function fakeContext(signal = new AbortController().signal) {
  const micro: MicroResult[] = [];
  const caveats: string[] = [];
  const leftOut: string[] = [];
  const ctx: FamilyContext = {
    profile: "quick",
    signal,
    arms: runArms({ arms: ["grpc", "rest"], targets: {} }),
    baseline: "rest",
    record: (section, entry) => {
      assert.equal(section, "micro");
      micro.push(entry as MicroResult);
    },
    leftOut: (text) => leftOut.push(text),
    caveat: (text) => caveats.push(text),
    serverExit: () => assert.fail("the micro family starts no server"),
    progress: () => {},
  };
  return { ctx, micro, caveats, leftOut };
}

test("the exported family is the micro family", () => {
  assert.equal(family.name, "micro");
});

test("eight tasks per message, each running on the real inputs without throwing", () => {
  for (const m of measuredMessages(DEFAULT_SEED, { classes: ["small", "medium"], roles: ["response", "stream-item"] })) {
    const tasks = microTasks(m);
    assert.equal(tasks.length, 8);
    assert.deepEqual(
      tasks.map((t) => `${t.op}:${t.format}`).sort(),
      ["decode:canonical-json-mapping", "decode:json", "decode:protobuf-reflect", "decode:protobuf-static", "encode:canonical-json-mapping", "encode:json", "encode:protobuf-reflect", "encode:protobuf-static"],
    );
    for (const t of tasks) t.fn(); // none throws on the real inputs
  }
});

test("micro family records one completed entry per task with figures in the model's units", async () => {
  const { ctx, micro } = fakeContext();
  await createMicroFamily({ classes: ["small", "medium"], settings: TINY }).run(ctx);
  // small: User, Order, ChatMessage; medium: ListOrdersResponse; 8 tasks each.
  assert.equal(micro.length, 4 * 8);
  for (const r of micro) {
    const label = `${r.message} ${r.payload} ${r.op} ${r.format}`;
    assert.equal(r.state, "completed", label);
    assert.ok(r.samples >= 3, label);
    assert.ok(r.meanNs > 0 && Number.isFinite(r.meanNs), label);
    assert.ok(Math.abs(r.opsPerSec - 1e9 / r.meanNs) < 1e-6 * r.opsPerSec, `${label}: ops/s is 1e9 / mean ns`);
    assert.ok(r.p99Ns > 0, label);
    assert.ok(r.rmePct >= 0, label);
    assert.ok(r.callsPerSample! >= 1 && r.attempts === 1, label);
    if (r.callsPerSample! > 1) assert.match(r.note ?? "", /p99 is of/, label);
    assert.ok(r.does, label);
  }
  assert.deepEqual([...new Set(micro.map((r) => r.message))].sort(), ["ChatMessage", "ListOrdersResponse", "Order", "User"]);
});

test("core-only classes leave out reflection and the mapping alone, and say so", async () => {
  const { ctx, micro, leftOut } = fakeContext();
  await createMicroFamily({ classes: ["medium"], settings: { ...TINY, coreOnlyClasses: ["medium"] } }).run(ctx);
  assert.deepEqual(micro.map((r) => `${r.op}:${r.format}`).sort(), ["decode:json", "decode:protobuf-static", "encode:json", "encode:protobuf-static"]);
  assert.equal(leftOut.length, 1);
});

test("classes the profile leaves out are not measured at all, and the report says so", async () => {
  const { ctx, micro, leftOut } = fakeContext();
  await createMicroFamily({ classes: ["small", "xlarge"], settings: { ...TINY, leaveOutClasses: ["xlarge"] } }).run(ctx);
  assert.ok(micro.length > 0);
  assert.ok(micro.every((r) => r.payload === "small"));
  assert.match(leftOut.join("\n"), /size class xlarge not measured/);
});

test("a task that throws is recorded as errored with no figures; an aborted run records nothing", async () => {
  const failing: MicroTask = { format: "json", op: "encode", message: "User", payload: "small", does: "throws", fn: () => { throw new Error("boom"); } };
  const settings = { ...MICRO_PROFILES.quick, ...TINY };
  const errored = await measureMicroTask(failing, settings, new AbortController().signal);
  assert.equal(errored?.state, "errored");
  assert.equal(errored?.error, "boom");
  assert.equal(errored?.opsPerSec, 0);

  // Fails only once tinybench runs it (after calibration): tinybench's "errored" state maps to errored.
  let calls = 0;
  const late: MicroTask = { ...failing, fn: () => { if (++calls > 2_000) throw new Error("late boom"); } };
  const lateResult = await measureMicroTask(late, settings, new AbortController().signal);
  assert.equal(lateResult?.state, "errored");
  assert.equal(lateResult?.error, "late boom");

  const controller = new AbortController();
  controller.abort();
  const { ctx, micro } = fakeContext(controller.signal);
  await createMicroFamily({ classes: ["small"], settings: TINY }).run(ctx);
  assert.equal(micro.length, 0);
});

test("the full profile re-measures until the rme target, within its attempts", async () => {
  // Target 0% can never be met: the task must stop after maxAttempts and carry a note saying so.
  const [user] = measuredMessages(DEFAULT_SEED, { classes: ["small"], roles: ["response"] });
  const task = microTasks(user!).find((t) => t.format === "protobuf-static" && t.op === "encode")!;
  const r = await measureMicroTask(task, { ...MICRO_PROFILES.full, ...TINY, rmeTargetPct: 0, maxAttempts: 2, maxTaskMs: 20 }, new AbortController().signal);
  assert.equal(r?.state, "completed");
  assert.equal(r?.attempts, 2);
  assert.match(r?.note ?? "", /above the 0% target after 2 attempts/);
});

test("pooled statistics are tinybench's: literal samples, and the figures of one tinybench run", async () => {
  // mean 3, sd √2.5, sem √0.5, t(0.975, 4) = 2.776445 → moe 1.963243 → rme 65.44%; p99 at rank 3.96 → 4.96
  const s = summarizeSamples([5, 1, 4, 2, 3]);
  assert.equal(s.mean, 3);
  assert.ok(Math.abs(s.rmePct - 65.4414) < 1e-3, String(s.rmePct));
  assert.ok(Math.abs(s.p99 - 4.96) < 1e-12, String(s.p99));
  assert.equal(summarizeSamples([7]).rmePct, Number.POSITIVE_INFINITY);

  const bench = new Bench({ time: 20, iterations: 50, warmupIterations: 1, retainSamples: true });
  bench.add("sum", () => Array.from({ length: 200 }, (_, i) => i).reduce((a, b) => a + b, 0));
  const [task] = await bench.run();
  const r = task!.result;
  assert.equal(r.state, "completed");
  if (r.state !== "completed") return;
  const ours = summarizeSamples(r.latency.samples!);
  assert.equal(ours.n, r.latency.samplesCount);
  assert.ok(Math.abs(ours.mean - r.latency.mean) <= 1e-9 * r.latency.mean);
  assert.ok(Math.abs(ours.p99 - r.latency.p99) <= 1e-9 * r.latency.p99);
  // tinybench's critical value comes from a table: agree within 1% of rme.
  assert.ok(Math.abs(ours.rmePct - r.latency.rme) <= 0.01 * r.latency.rme, `${ours.rmePct} vs ${r.latency.rme}`);
});

test("further runs pool their samples with the earlier ones", async () => {
  // A 1 ms busy call: run 1 takes its 40 minimum samples (40 ms); target 0% is never met, so run 2 is sized to the
  // 100 ms ceiling's remaining samples (~60 on an idle machine, down to its 40 minimum when a busy machine stretches
  // the spins). Each run takes at least 40 samples and one run alone at most ~60, so only pooling reaches 80: a bound
  // that holds however long the spins took (CI measured exactly 80 under load, where "≥ 90" failed).
  const spin: MicroTask = { format: "json", op: "encode", message: "User", payload: "small", does: "spins 1 ms", fn: () => { const end = performance.now() + 1; while (performance.now() < end); } };
  const r = await measureMicroTask(spin, { ...MICRO_PROFILES.full, ...TINY, minSamples: 40, rmeTargetPct: 0, maxAttempts: 2, maxTaskMs: 100 }, new AbortController().signal);
  assert.equal(r?.attempts, 2);
  assert.ok(r!.samples >= 80, String(r!.samples));
  assert.match(r?.note ?? "", /samples of 2 tinybench runs pooled/);
});

test("a slow first call (reflection compiles its coder then) does not leave a fast task unbatched", () => {
  let first = true;
  const fn = () => {
    if (first) {
      first = false;
      const end = performance.now() + 5; // 5 ms: 500x the 10 µs bar
      while (performance.now() < end);
    }
    return 1 + 1;
  };
  assert.ok(callsPerSample(fn, 10_000) > 1);
});
