// The micro family run through its Family interface with tiny budgets, its rounds (fresh worker threads) and the
// summary of repetitions. Timing is never asserted: only counts, states, order, threads and the notes.
import { runArms } from "../bench/orchestrator.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { threadId } from "node:worker_threads";
import type { FamilyContext } from "../bench/family.js";
import { measuredMessages } from "../bench/families/measured-messages.js";
import { createMicroFamily, family, type MicroRoundReport, type MicroSettings } from "../bench/families/micro.js";
import { callsPerSample, measureRepetition, type RepetitionSettings } from "../bench/micro/measure-repetition.js";
import { microTasks, type MicroTask } from "../bench/micro/micro-tasks.js";
import { MicroRoundWorker } from "../bench/micro/micro-round.js";
import { siblingModule } from "../bench/micro/module-worker.js";
import { repeatedMicroResult, repetitionNote as repetitionNoteFor, type CompletedRepetition } from "../bench/micro/repeated-micro-result.js";
import type { MicroResult } from "../bench/model/micro-result.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { Bench } from "tinybench";
import { median, summarizeSamples } from "../bench/analysis/statistics.js";
import { renderHtml } from "../reports/html/render-html.js";
import { sampleReport } from "./fixtures/sample-report.js";
import { FIXTURE_KEYS } from "./fixtures/micro-test-tasks.js";
import { HAZARD_KEYS } from "./fixtures/micro-hazard-tasks.js";

const TINY: Partial<MicroSettings> = { rounds: 2, roundWarmupMs: 1, maxRounds: 2, startAhead: 2, timeMs: 2, minSamples: 2, warmupMs: 1, warmupSamples: 1, rmeTargetPct: Infinity, maxTaskMs: Infinity, minSampleNs: 10_000 };
const TINY_REPETITION: RepetitionSettings = { timeMs: 2, minSamples: 2, warmupMs: 1, warmupSamples: 1, minSampleNs: 10_000 };
const FIXTURE_TASKS = new URL("./fixtures/micro-test-tasks.ts", import.meta.url);
const HAZARD_TASKS = new URL("./fixtures/micro-hazard-tasks.ts", import.meta.url);
const WORKER = siblingModule("../bench/micro/micro-worker", import.meta.url);

/** One round of the hazard tasks in `order`, as the family runs a round. */
function hazardRound(order: string[], signal: AbortSignal, onStart?: (key: string) => void, roundWarmupMs = 0) {
  const worker = new MicroRoundWorker(WORKER, { taskModule: HAZARD_TASKS.href, selection: { seed: 1, classes: ["small"], coreOnlyClasses: [] }, settings: TINY_REPETITION, roundWarmupMs });
  return worker.run({ order, calls: {} }, signal, onStart);
}

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

const byKey = (micro: readonly MicroResult[]) => new Map(micro.map((r) => [`${r.message} ${r.payload} ${r.op} ${r.format}`, r]));

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

test("the real tasks, repeated in worker threads: one completed entry per task, its repetitions, their median and the note", async () => {
  const { ctx, micro } = fakeContext();
  await createMicroFamily({ classes: ["small"], settings: TINY }).run(ctx);
  // small: User, Order, ChatMessage; 8 tasks each.
  assert.equal(micro.length, 3 * 8);
  for (const r of micro) {
    const label = `${r.message} ${r.payload} ${r.op} ${r.format}`;
    assert.equal(r.state, "completed", `${label}: ${r.error ?? ""}`);
    assert.equal(r.repetitions?.length, 2, label);
    assert.ok(r.repetitions!.every((x) => x > 0 && Number.isFinite(x)), label);
    assert.equal(r.opsPerSec, median(r.repetitions!), `${label}: ops/s is the median repetition`);
    assert.ok(r.samples >= 2 * 2, label);
    assert.ok(r.meanNs > 0 && Number.isFinite(r.meanNs), label);
    assert.ok(r.p99Ns > 0, label);
    assert.ok(r.rmePct >= 0 && Number.isFinite(r.rmePct), label);
    assert.ok(r.callsPerSample! >= 1, label);
    if (r.callsPerSample! > 1) assert.match(r.note ?? "", /p99 is of/, label);
    assert.match(r.repetitionNote ?? "", /^2 repetitions, each in a fresh worker thread/, label);
    assert.match(r.repetitionNote ?? "", /ABBA/, label);
    assert.ok(r.does, label);
  }
  assert.deepEqual([...new Set(micro.map((r) => r.message))].sort(), ["ChatMessage", "Order", "User"]);
});

test("every round runs in a fresh worker thread, rounds alternate forward and reversed, and a task that throws is recorded as errored", async () => {
  const { ctx, micro } = fakeContext();
  const rounds: MicroRoundReport[] = [];
  await createMicroFamily({ settings: { ...TINY, rounds: 4, maxRounds: 4 }, taskModule: FIXTURE_TASKS, onRound: (r) => rounds.push(r) }).run(ctx);
  assert.equal(rounds.length, 4);
  const threads = rounds.map((r) => r.outcome.threadId);
  assert.equal(new Set(threads).size, 4, `thread ids ${threads.join(", ")}`);
  assert.ok(threads.every((id) => id !== null && id !== threadId), "never the family's own thread");
  assert.deepEqual(
    rounds.map((r) => r.direction),
    ["forward", "reversed", "forward", "reversed"],
  );
  // The task that threw is not measured again; the others alternate.
  assert.deepEqual(
    rounds.map((r) => r.outcome.results.map((x) => x.key)),
    [
      [FIXTURE_KEYS.fast, FIXTURE_KEYS.throws, FIXTURE_KEYS.slow],
      [FIXTURE_KEYS.slow, FIXTURE_KEYS.fast],
      [FIXTURE_KEYS.fast, FIXTURE_KEYS.slow],
      [FIXTURE_KEYS.slow, FIXTURE_KEYS.fast],
    ],
  );
  const entries = byKey(micro);
  assert.equal(micro.length, 3);
  for (const key of [FIXTURE_KEYS.fast, FIXTURE_KEYS.slow]) {
    assert.equal(entries.get(key)?.state, "completed", key);
    assert.equal(entries.get(key)?.repetitions?.length, 4, key);
    assert.match(entries.get(key)?.repetitionNote ?? "", /^4 repetitions/, key);
  }
  const errored = entries.get(FIXTURE_KEYS.throws)!;
  assert.equal(errored.state, "errored");
  assert.equal(errored.error, "boom");
  assert.equal(errored.opsPerSec, 0);
  assert.equal(errored.repetitions, undefined, "a failed task can never look fast");
  assert.match(errored.repetitionNote ?? "", /errored in repetition 1/);
});

test("an abort mid-round stops the family and keeps every completed repetition", async () => {
  const controller = new AbortController();
  const { ctx, micro } = fakeContext(controller.signal);
  const rounds: MicroRoundReport[] = [];
  await createMicroFamily({
    settings: { ...TINY, rounds: 6, maxRounds: 6 },
    taskModule: FIXTURE_TASKS,
    onRound: (r) => rounds.push(r),
    // the third round (forward) has measured Fast and is starting Slow
    onTaskStart: (round, key) => {
      if (round === 2 && key === FIXTURE_KEYS.slow) controller.abort();
    },
  }).run(ctx);
  assert.deepEqual(
    rounds.map((r) => r.outcome.ended),
    ["done", "done", "aborted"],
  );
  const entries = byKey(micro);
  assert.equal(entries.get(FIXTURE_KEYS.fast)?.repetitions?.length, 3);
  assert.equal(entries.get(FIXTURE_KEYS.slow)?.repetitions?.length, 2);
  assert.match(entries.get(FIXTURE_KEYS.slow)?.repetitionNote ?? "", /^2 repetitions/);
  assert.equal(entries.get(FIXTURE_KEYS.throws)?.state, "errored");
});

test("a run aborted before it starts records nothing", async () => {
  const controller = new AbortController();
  controller.abort();
  const { ctx, micro } = fakeContext(controller.signal);
  await createMicroFamily({ classes: ["small"], settings: TINY }).run(ctx);
  assert.equal(micro.length, 0);
});

test("abort terminates the worker even inside a call that never returns", async () => {
  const controller = new AbortController();
  const outcome = await hazardRound([HAZARD_KEYS.fine, HAZARD_KEYS.hangs], controller.signal, (key) => {
    if (key === HAZARD_KEYS.hangs) controller.abort();
  });
  assert.equal(outcome.ended, "aborted");
  assert.deepEqual(
    outcome.results.map((r) => [r.key, r.figures.state]),
    [[HAZARD_KEYS.fine, "completed"]],
  );
});

test("abort while a round's worker is still starting ends the round at once", async () => {
  const controller = new AbortController();
  const worker = new MicroRoundWorker(WORKER, { taskModule: new URL("./fixtures/micro-endless-build-tasks.ts", import.meta.url).href, selection: { seed: 1, classes: ["small"], coreOnlyClasses: [] }, settings: TINY_REPETITION, roundWarmupMs: 0 });
  const round = worker.run({ order: null, calls: {} }, controller.signal);
  setTimeout(() => controller.abort(), 50);
  const outcome = await round;
  assert.equal(outcome.ended, "aborted");
  assert.equal(outcome.threadId, null);
  assert.deepEqual(outcome.results, []);
});

test("a worker that dies in a task records that task as errored and keeps what finished before", async () => {
  const outcome = await hazardRound([HAZARD_KEYS.fine, HAZARD_KEYS.exits, HAZARD_KEYS.fine], new AbortController().signal);
  assert.equal(outcome.ended, "crashed");
  assert.deepEqual(
    outcome.results.map((r) => [r.key, r.figures.state]),
    [
      [HAZARD_KEYS.fine, "completed"],
      [HAZARD_KEYS.exits, "errored"],
    ],
  );
  const died = outcome.results[1]!.figures;
  assert.ok(died.state === "errored" && /worker died.*code 3/.test(died.error), JSON.stringify(died));

  // In the warm-up pass, before anything is measured, the death is the task's too.
  const warming = await hazardRound([HAZARD_KEYS.fine, HAZARD_KEYS.exits], new AbortController().signal, undefined, 1);
  assert.equal(warming.ended, "crashed");
  assert.deepEqual(
    warming.results.map((r) => [r.key, r.figures.state]),
    [[HAZARD_KEYS.exits, "errored"]],
  );
});

test("a worker that cannot start fails the family in one line, naming the round", async () => {
  const { ctx, micro } = fakeContext();
  await assert.rejects(createMicroFamily({ settings: TINY, taskModule: new URL("./fixtures/no-such-micro-tasks.ts", import.meta.url) }).run(ctx), /micro: the measuring worker of round 1 did not start/);
  assert.equal(micro.length, 0);
});

test("above the rme target, further rounds follow until the round ceiling, and the entry says so", async () => {
  // Target 0% is never met: every entry gets maxRounds repetitions and a note and caveat saying it missed the target.
  const { ctx, micro, caveats } = fakeContext();
  await createMicroFamily({ settings: { ...TINY, rounds: 2, maxRounds: 3, rmeTargetPct: 0 }, taskModule: FIXTURE_TASKS }).run(ctx);
  const entries = byKey(micro);
  for (const key of [FIXTURE_KEYS.fast, FIXTURE_KEYS.slow]) {
    assert.equal(entries.get(key)?.repetitions?.length, 3, key);
    assert.match(entries.get(key)?.note ?? "", /above the 0% target after 3 repetitions/, key);
  }
  assert.match(caveats.join("\n"), /micro: 2 entries above the 0% relative margin of error over repetitions/);
});

test("core-only classes leave out reflection and the mapping alone, and say so", async () => {
  const { ctx, micro, leftOut } = fakeContext();
  await createMicroFamily({ classes: ["medium"], settings: { ...TINY, rounds: 1, maxRounds: 1, coreOnlyClasses: ["medium"] } }).run(ctx);
  assert.deepEqual(micro.map((r) => `${r.op}:${r.format}`).sort(), ["decode:json", "decode:protobuf-static", "encode:json", "encode:protobuf-static"]);
  assert.equal(leftOut.length, 1);
  assert.match(micro[0]!.repetitionNote ?? "", /^1 repetition, in a fresh worker thread/);
});

test("classes the profile leaves out are not measured at all, and the report says so", async () => {
  const { ctx, micro, leftOut } = fakeContext();
  await createMicroFamily({ classes: ["xlarge"], settings: { ...TINY, leaveOutClasses: ["xlarge"] } }).run(ctx);
  assert.equal(micro.length, 0);
  assert.match(leftOut.join("\n"), /size class xlarge not measured/);
});

test("one repetition: a task that throws, in calibration or once tinybench runs it, comes back errored", async () => {
  const failing: MicroTask = { format: "json", op: "encode", message: "User", payload: "small", does: "throws", fn: () => { throw new Error("boom"); } };
  const errored = await measureRepetition(failing, undefined, TINY_REPETITION);
  assert.deepEqual(errored, { state: "errored", error: "boom" });

  // Fails only once tinybench runs it (after calibration): tinybench's "errored" state maps to errored.
  let calls = 0;
  const late: MicroTask = { ...failing, fn: () => { if (++calls > 2_000) throw new Error("late boom"); } };
  const lateResult = await measureRepetition(late, undefined, TINY_REPETITION);
  assert.equal(lateResult.state, "errored");
  assert.equal(lateResult.state === "errored" && lateResult.error, "late boom");

  // A sample far over the others (here a 2 ms stall every 50th call, as a descheduled thread would make) is left
  // out of the repetition's mean and counted; p99 still sees it.
  let n = 0;
  const stalls: MicroTask = { ...failing, fn: () => { if (++n % 50 === 0) { const end = performance.now() + 2; while (performance.now() < end); } } };
  const stalled = await measureRepetition(stalls, 1, { ...TINY_REPETITION, timeMs: 20, minSamples: 200 });
  assert.equal(stalled.state, "completed");
  if (stalled.state === "completed") {
    assert.ok(stalled.leftOut > 0, String(stalled.leftOut));
    assert.ok(stalled.meanNs < 2e6 / 10, `mean ${stalled.meanNs} ns without the 2 ms stalls`);
    assert.ok(stalled.p99Ns >= 2e6, `p99 ${stalled.p99Ns} ns keeps them`);
  }

  // Given callsPerSample (later rounds), it is used as is.
  const given = await measureRepetition({ ...failing, fn: () => 1 }, 7, TINY_REPETITION);
  assert.equal(given.callsPerSample, 7);
});

test("an entry summarizes its repetitions: median ops/s, pooled mean, median p99, rme over repetitions", () => {
  const rep = (opsPerSec: number, samples: number, p99Ns: number, leftOut = 0): CompletedRepetition => ({ state: "completed", callsPerSample: 1, opsPerSec, meanNs: 1e9 / opsPerSec, p99Ns, rmePct: 1, samples, leftOut, budgetMs: 10, measuredMs: 5 });
  const info = { key: "User small encode json", format: "json", op: "encode" as const, message: "User", payload: "small", does: "x" };
  const reps = [rep(1000, 10, 5), rep(2000, 32, 1, 2), rep(4000, 60, 3)];
  const r = repeatedMicroResult({ info, repetitions: reps, error: null }, Infinity)!;
  assert.equal(r.opsPerSec, 2000);
  assert.deepEqual(r.repetitions, [1000, 2000, 4000]);
  assert.equal(r.samples, 102);
  // the mean over the kept samples of every repetition (each repetition's meanNs is over its kept samples)
  assert.ok(Math.abs(r.meanNs - (1e6 * 10 + 5e5 * 30 + 2.5e5 * 60) / 100) < 1e-6);
  assert.match(r.note ?? "", /2 of 102 samples left out of the means as over 10× their repetition's median/);
  assert.equal(r.p99Ns, 3);
  assert.ok(Math.abs(r.rmePct - summarizeSamples([1000, 2000, 4000]).rmePct) < 1e-9);
  assert.equal(r.timeBudgetMs, 30);
  assert.match(r.repetitionNote!, /^3 repetitions/);

  const one = repeatedMicroResult({ info, repetitions: [rep(1000, 10, 5)], error: null }, Infinity)!;
  assert.equal(one.rmePct, 1, "one repetition keeps its own, within-run rme");
  assert.equal(repeatedMicroResult({ info, repetitions: [], error: null }, Infinity), null, "nothing finished: no entry");
});

test("tinybench's statistics, as summarizeSamples computes them for repetitions", async () => {
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

test("the HTML report says once how the micro figures were repeated, and counts each entry's repetitions", async () => {
  const report = sampleReport({ families: ["micro"], analyze: false });
  const note = repetitionNoteFor(6);
  report.micro = report.micro.map((m) => ({ ...m, repetitions: [1, 2, 3, 4, 5, 6].map((i) => m.opsPerSec * (1 + i / 100)), repetitionNote: note }));
  const html = await renderHtml(report);
  const shown = html.match(/class="micro-repetitions[^"]*">How these figures were repeated: 6 repetitions, each in a fresh worker thread/g) ?? [];
  assert.equal(shown.length, 1);

  // A report from before repetitions says its rme is within one run.
  const older = sampleReport({ families: ["micro"], analyze: false });
  older.micro = older.micro.map(({ repetitions: _r, repetitionNote: _n, ...m }) => m);
  assert.match(await renderHtml(older), /One tinybench run per entry \(a report from before repetitions\)/);
});
