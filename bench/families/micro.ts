// Encode/decode cost in isolation, with tinybench: for every response message of every size class (and one
// StreamOrders item and one Chat echo), the REST path (canonical-JSON mapping + JSON.stringify + UTF-8 bytes, and
// back) against protobufjs's generated static code and its reflection API, plus the mapping alone.
//
// Each task runs in a Bench of its own so it gets its own budget. Every sample times `callsPerSample` consecutive
// calls: one call for operations of 10 µs or more (true per-call percentiles), more for faster ones so the timer's
// own cost stays ~1% of a sample (p99 is then of k-call means, and the entry says so). The full profile keeps
// measuring a task whose relative margin of error is above 2%, pooling the samples of its tinybench runs.
import { Bench, type Task } from "tinybench";
import type { Family, FamilyContext } from "../family.js";
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";
import type { MicroResult } from "../model/micro-result.js";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import { messageType } from "../../proto/schema.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { PAYLOAD_CLASSES } from "../../payloads/size-classes.js";
import { measuredMessages, type MeasuredMessage } from "./measured-messages.js";
import { summarizeSamples } from "../analysis/statistics.js";

export type MicroFormat = "json" | "protobuf-static" | "protobuf-reflect" | "canonical-json-mapping";
export type MicroOp = "encode" | "decode";

export interface MicroTask {
  format: MicroFormat;
  op: MicroOp;
  message: string;
  payload: PayloadClass;
  /** What one call does, in words, for the report. */
  does: string;
  fn: () => unknown;
}

// Results go here so the optimizer cannot drop the work.
let sink: unknown;

/** The eight tasks of one message. Inputs are prepared once, outside the timed calls. */
export function microTasks(m: MeasuredMessage): MicroTask[] {
  const json = canonicalJsonCodec(m.message);
  const reflect = messageType(m.message);
  const jsonBytes = Buffer.from(JSON.stringify(json.toJson(m.value)), "utf8");
  const jsonValue = JSON.parse(jsonBytes.toString("utf8")) as JsonValue;
  const protobufBytes = m.codec.encode(m.value).finish();
  const value = m.value;
  const base = { message: m.message, payload: m.payload };
  const task = (op: MicroOp, format: MicroFormat, does: string, fn: () => void): MicroTask => ({ ...base, op, format, does, fn });
  return [
    task("encode", "json", "toCanonicalJson + JSON.stringify + Buffer.from (UTF-8)", () => {
      sink = Buffer.from(JSON.stringify(json.toJson(value)), "utf8");
    }),
    task("encode", "protobuf-static", "generated static encode().finish()", () => {
      sink = m.codec.encode(value).finish();
    }),
    task("encode", "protobuf-reflect", "reflection Type.encode().finish() (protobufjs generates the encoder at runtime)", () => {
      sink = reflect.encode(value).finish();
    }),
    task("encode", "canonical-json-mapping", "toCanonicalJson only: object to canonical JSON value, no stringify", () => {
      sink = json.toJson(value);
    }),
    task("decode", "json", "UTF-8 toString + JSON.parse + fromCanonicalJson", () => {
      sink = json.fromJson(JSON.parse(jsonBytes.toString("utf8")) as JsonValue);
    }),
    task("decode", "protobuf-static", "generated static decode()", () => {
      sink = m.codec.decode(protobufBytes);
    }),
    task("decode", "protobuf-reflect", "reflection Type.decode() (runtime-generated decoder)", () => {
      sink = reflect.decode(protobufBytes);
    }),
    task("decode", "canonical-json-mapping", "fromCanonicalJson only: parsed JSON value to object", () => {
      sink = json.fromJson(jsonValue);
    }),
  ];
}

export interface MicroSettings {
  /** Measured time budget per task and attempt, ms. */
  timeMs: number;
  /** Minimum samples per attempt (one tinybench run). */
  minSamples: number;
  warmupMs: number;
  warmupSamples: number;
  /** Re-measure while rme is above this (full profile); Infinity: one attempt. */
  rmeTargetPct: number;
  maxAttempts: number;
  /** Ceiling on one task's measured time over all its attempts, ms. */
  maxTaskMs: number;
  /** A sample lasts at least about this long (batched calls below it). */
  minSampleNs: number;
  /** Quick profile: leave out the reflection and mapping tasks of these classes (ops of 0.1 s and more). */
  coreOnlyClasses: readonly PayloadClass[];
  /** size classes not measured at all in this profile (the size family still covers them) */
  leaveOutClasses: readonly PayloadClass[];
}

export const MICRO_PROFILES: Record<ProfileName, MicroSettings> = {
  // ≈ 10–15 s for the whole family on an idle machine; figures are indicative only.
  // xlarge (8 MiB, 0.1–0.25 s a call plus building the data) was about 8 s of the family's 16: full only.
  quick: { timeMs: 100, minSamples: 3, warmupMs: 20, warmupSamples: 1, rmeTargetPct: Infinity, maxAttempts: 1, maxTaskMs: 2_000, minSampleNs: 10_000, coreOnlyClasses: [], leaveOutClasses: ["xlarge"] },
  // The bar: rme ≤ 2% for every entry. Fast tasks meet it in their first 1 s run. The xlarge ones (0.1–0.25 s
  // a call, tens of MB allocated) vary 15–30% call to call on a shared host, so they need ~250–1000 samples: up to 120 s
  // each (a 90 s ceiling left one at 2.01%). An entry still above target then keeps its rme and says so.
  full: { timeMs: 1_000, minSamples: 16, warmupMs: 250, warmupSamples: 4, rmeTargetPct: 2, maxAttempts: 6, maxTaskMs: 120_000, minSampleNs: 10_000, coreOnlyClasses: [], leaveOutClasses: [] },
};

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
  const warmEnd = now() + 20e6;
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

async function runOnce(t: MicroTask, calls: number, timeMs: number, minSamples: number, s: MicroSettings, signal: AbortSignal): Promise<Task> {
  // A signal per Bench: tinybench leaves its abort listener on the signal it is given, one per Bench otherwise.
  const local = new AbortController();
  const forward = () => local.abort();
  if (signal.aborted) local.abort();
  else signal.addEventListener("abort", forward, { once: true });
  const bench = new Bench({
    name: `${t.message} ${t.payload} ${t.op} ${t.format}`,
    time: timeMs,
    iterations: minSamples,
    warmupTime: s.warmupMs,
    warmupIterations: s.warmupSamples,
    timestampProvider: "hrtimeNow",
    retainSamples: true,
    signal: local.signal,
  });
  bench.add(`${t.op} ${t.format}`, batched(t.fn, calls), { async: false });
  try {
    const [task] = await bench.run();
    return task!;
  } finally {
    signal.removeEventListener("abort", forward);
  }
}

function note(calls: number, attempts: number, measuredMs: number, rmeTargetPct: number, rmePct: number): string | undefined {
  const parts: string[] = [];
  if (calls > 1) parts.push(`each sample is the mean of ${calls} consecutive calls, so p99 is of ${calls}-call means`);
  if (attempts > 1) parts.push(`samples of ${attempts} tinybench runs pooled (${(measuredMs / 1000).toFixed(1)} s measured)`);
  if (Number.isFinite(rmeTargetPct) && rmePct > rmeTargetPct) parts.push(`rme above the ${rmeTargetPct}% target after ${attempts} attempts: a noisy machine or a heavy-tailed task`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/**
 * Measures one task. The full profile keeps measuring while rme is above target: each further tinybench run is
 * sized from the variance so far, and its samples are pooled with the earlier ones (rme shrinks with √n of all of
 * them), up to maxAttempts runs and maxTaskMs of measured time. Returns null when nothing was measured to
 * completion (aborted before a first run finished).
 */
export async function measureMicroTask(t: MicroTask, s: MicroSettings, signal: AbortSignal): Promise<MicroResult | null> {
  const base = { format: t.format, op: t.op, message: t.message, payload: t.payload };
  let calls: number;
  try {
    calls = callsPerSample(t.fn, s.minSampleNs);
  } catch (err) {
    return { ...base, state: "errored", opsPerSec: 0, meanNs: 0, p99Ns: 0, rmePct: 0, samples: 0, error: err instanceof Error ? err.message : String(err) };
  }
  let timeMs = s.timeMs;
  let minSamples = s.minSamples;
  let attempts = 0;
  const pooled: number[] = [];
  let measuredMs = 0;
  let budgetMs = 0;
  for (;;) {
    const task = await runOnce(t, calls, timeMs, minSamples, s, signal);
    const r = task.result;
    if (r.state === "errored") {
      return { ...base, state: "errored", opsPerSec: 0, meanNs: 0, p99Ns: 0, rmePct: 0, samples: 0, error: r.error.message, callsPerSample: calls, attempts: attempts + 1, does: t.does };
    }
    // Aborted (with or without partial statistics) or never ran: keep what earlier runs measured, if anything.
    const completed = r.state === "completed";
    if (completed) {
      attempts++;
      budgetMs += timeMs;
      const samples = r.latency.samples ?? [];
      for (const x of samples) pooled.push(x);
      measuredMs += samples.reduce((sum, x) => sum + x, 0) * calls;
    }
    if (pooled.length === 0) return null;
    const stats = summarizeSamples(pooled);
    const done = !completed || stats.rmePct <= s.rmeTargetPct || attempts >= s.maxAttempts || measuredMs >= s.maxTaskMs || signal.aborted;
    if (done) {
      const meanNs = stats.mean * 1e6;
      const result: MicroResult = {
        ...base,
        state: "completed",
        // Calls per second from the mean call time (tinybench's throughput.mean averages per-sample rates instead).
        opsPerSec: 1e9 / meanNs,
        meanNs,
        p99Ns: stats.p99 * 1e6,
        rmePct: stats.rmePct,
        samples: stats.n,
        callsPerSample: calls,
        attempts,
        timeBudgetMs: Math.round(budgetMs),
        does: t.does,
      };
      const text = note(calls, attempts, measuredMs, s.rmeTargetPct, stats.rmePct);
      if (text) result.note = text;
      return result;
    }
    // rme shrinks with √n: the samples still missing for the target, with 20% headroom, within the ceiling.
    const wanted = Math.ceil(stats.n * (stats.rmePct / s.rmeTargetPct) ** 2 * 1.2) - stats.n;
    const sampleMs = stats.mean * calls;
    const leftMs = s.maxTaskMs - measuredMs;
    minSamples = Math.max(s.minSamples, Math.min(wanted, Math.floor(leftMs / sampleMs)));
    timeMs = Math.max(s.timeMs, Math.min(leftMs, wanted * sampleMs));
  }
}

export interface MicroFamilyOptions {
  seed?: number;
  classes?: readonly PayloadClass[];
  /** Override the profile's settings (tests use a tiny budget). */
  settings?: Partial<MicroSettings>;
}

function line(r: MicroResult): string {
  if (r.state !== "completed") return `micro ${r.message} ${r.payload} ${r.op} ${r.format}: errored (${r.error ?? ""})`;
  const ops = r.opsPerSec >= 100 ? Math.round(r.opsPerSec).toLocaleString("en-US") : r.opsPerSec.toFixed(2);
  return `micro ${r.message} ${r.payload} ${r.op} ${r.format}: ${ops} ops/s ±${r.rmePct.toFixed(2)}% (${r.samples} samples)`;
}

export function createMicroFamily(options: MicroFamilyOptions = {}): Family {
  return {
    name: "micro",
    describe: "encode/decode micro-benchmarks (tinybench): JSON vs protobufjs static and reflection, per message and size class",
    async run(ctx: FamilyContext) {
      const settings: MicroSettings = { ...MICRO_PROFILES[ctx.profile], ...options.settings };
      const seed = options.seed ?? DEFAULT_SEED;
      const overTarget: string[] = [];
      const classes = (options.classes ?? PAYLOAD_CLASSES).filter((c) => !settings.leaveOutClasses.includes(c));
      const leftOut = (options.classes ?? PAYLOAD_CLASSES).filter((c) => settings.leaveOutClasses.includes(c));
      if (leftOut.length > 0) ctx.leftOut(`${ctx.profile} profile: size class ${leftOut.join(", ")} not measured (the size family still covers it); --profile full measures it`);
      for (const cls of classes) {
        for (const m of measuredMessages(seed, { classes: [cls], roles: ["response", "stream-item"] })) {
          const coreOnly = settings.coreOnlyClasses.includes(cls);
          for (const t of microTasks(m)) {
            if (coreOnly && (t.format === "protobuf-reflect" || t.format === "canonical-json-mapping")) continue;
            if (ctx.signal.aborted) return;
            const result = await measureMicroTask(t, settings, ctx.signal);
            if (!result) return;
            ctx.record("micro", result);
            if (result.state === "completed" && result.rmePct > settings.rmeTargetPct) overTarget.push(`${t.message} ${t.payload} ${t.op} ${t.format} ±${result.rmePct.toFixed(1)}%`);
            ctx.progress(line(result));
          }
        }
        if (settings.coreOnlyClasses.includes(cls)) {
          ctx.leftOut(`${ctx.profile} profile: ${cls} measures JSON and protobuf-static only; reflection and the mapping alone are left out`);
        }
      }
      if (overTarget.length > 0) {
        ctx.caveat(`micro: ${overTarget.length} entries above the ${settings.rmeTargetPct}% relative margin of error (machine noisy?): ${overTarget.join(", ")}`);
      }
    },
  };
}

export const family: Family = createMicroFamily();
