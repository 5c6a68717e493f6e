// One repetition of one micro task: a short tinybench run inside the measuring worker. Every sample times
// `callsPerSample` consecutive calls: one call for operations of 10 µs or more (true per-call percentiles), more for
// faster ones so the timer's own cost stays ~1% of a sample (p99 is then of k-call means, and the entry says so).
// The first round calibrates callsPerSample; later rounds reuse it, so every repetition of a task times the same thing.
//
// A repetition is short (milliseconds), so one stretch in which the thread was descheduled would dominate its mean:
// on a loaded 2-core host, two A/A runs' medians differed by 32–56% (median over entries) with the plain mean, by
// 7–17% with samples over OUTLIER_FACTOR × the repetition's median sample left out. So the repetition's mean leaves
// those out (and counts them); a GC pause that long in one sample of batched calls goes with them, while the
// ordinary spread of call times, GC included, stays. p99 and tinybench's rme are over every sample.
import { Bench } from "tinybench";
import type { MicroTask } from "./micro-tasks.js";

export interface RepetitionSettings {
  /** Measured time budget of one repetition (one tinybench run), ms. */
  timeMs: number;
  /** Minimum samples of one repetition. */
  minSamples: number;
  warmupMs: number;
  warmupSamples: number;
  /** A sample lasts at least about this long (batched calls below it). */
  minSampleNs: number;
}

/** A sample over this many times its repetition's median sample is left out of the repetition's mean. */
export const OUTLIER_FACTOR = 10;

export type RepetitionFigures =
  | {
      state: "completed";
      callsPerSample: number;
      /** 1e9 / meanNs */
      opsPerSec: number;
      /** mean call time over the samples kept (all but those over OUTLIER_FACTOR × the median sample), ns */
      meanNs: number;
      p99Ns: number;
      /** tinybench's rme of this run: the spread inside this one run only */
      rmePct: number;
      samples: number;
      /** samples left out of meanNs as over OUTLIER_FACTOR × the median sample */
      leftOut: number;
      /** the tinybench time budget, ms */
      budgetMs: number;
      /** time spent in timed calls, ms */
      measuredMs: number;
    }
  | { state: "errored"; error: string; callsPerSample?: number };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Calls per sample so that a sample lasts at least minSampleNs. Timed after a short warm-up (cold, unoptimized
 * calls would look slow and leave fast operations unbatched); the fastest of three rounds, as preemption only slows.
 */
export function callsPerSample(fn: () => unknown, minSampleNs: number): number {
  const now = () => Number(process.hrtime.bigint());
  fn(); // the very first call may compile (protobufjs reflection generates its coder then): not a timing
  // Three calls 100x over the bar (one may meet a GC pause) are over it warm too: skip the timing rounds (seconds
  // for xlarge).
  let fastest = Infinity;
  for (let i = 0; i < 3 && fastest >= 100 * minSampleNs; i++) {
    const start = now();
    fn();
    fastest = Math.min(fastest, now() - start);
  }
  if (fastest >= 100 * minSampleNs) return 1;
  const warmEnd = now() + 10e6;
  while (now() < warmEnd) fn();
  let perCallNs = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = now();
    let elapsed = 0;
    while (calls < 10_000 && elapsed < 2e6) {
      fn();
      calls++;
      elapsed = now() - start;
    }
    perCallNs = Math.min(perCallNs, elapsed / calls);
  }
  return perCallNs >= minSampleNs ? 1 : Math.ceil(minSampleNs / perCallNs);
}

function batched(fn: () => unknown, calls: number): () => unknown {
  if (calls === 1) return fn;
  return () => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    const elapsed = performance.now() - start;
    return { overriddenDuration: elapsed / calls, overriddenIterationCost: elapsed };
  };
}

/**
 * Measures one repetition: calibrates callsPerSample when not given, then one tinybench run with its own warm-up.
 * A task that throws, in calibration or in the run, comes back "errored" with its message; nothing is thrown.
 */
export async function measureRepetition(t: MicroTask, calls: number | undefined, s: RepetitionSettings): Promise<RepetitionFigures> {
  let k: number;
  try {
    k = calls ?? callsPerSample(t.fn, s.minSampleNs);
  } catch (err) {
    return { state: "errored", error: message(err) };
  }
  const bench = new Bench({
    name: `${t.message} ${t.payload} ${t.op} ${t.format}`,
    time: s.timeMs,
    iterations: s.minSamples,
    warmupTime: s.warmupMs,
    warmupIterations: s.warmupSamples,
    timestampProvider: "hrtimeNow",
    retainSamples: true,
  });
  bench.add(`${t.op} ${t.format}`, batched(t.fn, k), { async: false });
  let result;
  try {
    const [task] = await bench.run();
    result = task!.result;
  } catch (err) {
    return { state: "errored", error: message(err), callsPerSample: k };
  }
  if (result.state === "errored") return { state: "errored", error: message(result.error), callsPerSample: k };
  if (result.state !== "completed") return { state: "errored", error: `tinybench ended the run ${result.state}`, callsPerSample: k };
  const sorted = result.latency.samples ?? [];
  const cut = OUTLIER_FACTOR * result.latency.p50;
  let kept = sorted.length;
  while (kept > 1 && sorted[kept - 1]! > cut) kept--;
  const meanNs = (sorted.length === 0 ? result.latency.mean : sorted.slice(0, kept).reduce((sum, x) => sum + x, 0) / kept) * 1e6;
  return {
    state: "completed",
    callsPerSample: k,
    // Calls per second from the mean call time (tinybench's throughput.mean averages per-sample rates instead).
    opsPerSec: 1e9 / meanNs,
    meanNs,
    p99Ns: result.latency.p99 * 1e6,
    rmePct: result.latency.rme,
    samples: result.latency.samplesCount,
    leftOut: sorted.length - kept,
    budgetMs: s.timeMs,
    measuredMs: result.latency.mean * result.latency.samplesCount * k,
  };
}
