// A micro entry from its repetitions. The figure compare reads is `repetitions` (ops/s of each, in run order); the
// top-level figures summarize them, each chosen for what it answers:
// - opsPerSec: the median repetition, robust to one repetition that met a busy machine or an odd JIT decision;
// - rmePct: the 95% margin of error of the repetitions' mean ops/s, so it covers what differs between isolates and
//   moments (the drift between two runs), not just the spread inside one tinybench run;
// - meanNs: the mean call time over the kept samples of every repetition (each repetition leaves out samples over
//   OUTLIER_FACTOR × its median: bench/micro/measure-repetition.ts); p99Ns: the median repetition's p99 (over every
//   sample); samples: all repetitions' samples together.
import type { MicroResult } from "../model/micro-result.js";
import type { PayloadClass } from "../model/measurement.js";
import { median, summarizeSamples } from "../analysis/statistics.js";
import { OUTLIER_FACTOR, type RepetitionFigures } from "./measure-repetition.js";
import type { MicroTaskInfo } from "./micro-round-messages.js";

export type CompletedRepetition = Extract<RepetitionFigures, { state: "completed" }>;

/** What the family collected for one task over its rounds. */
export interface RepeatedTask {
  info: MicroTaskInfo;
  repetitions: CompletedRepetition[];
  /** The first error, with the 1-based repetition it happened in; the task is not measured after it. */
  error: { message: string; repetition: number; callsPerSample?: number } | null;
}

/** rme over repetitions (with one repetition: that run's own, within-run rme). */
export function repetitionRmePct(reps: readonly CompletedRepetition[]): number {
  if (reps.length === 1) return reps[0]!.rmePct;
  return summarizeSamples(reps.map((r) => r.opsPerSec)).rmePct;
}

export function repetitionNote(count: number): string {
  if (count === 1) return "1 repetition, in a fresh worker thread: every figure is that one run's, and rmePct the margin inside it only (not between runs)";
  return (
    `${count} repetitions, each in a fresh worker thread (its own V8 isolate: JIT and heap start anew), interleaved across the family ` +
    "(ABBA: rounds alternate forward and reversed task order); opsPerSec = median of the repetitions; " +
    "rmePct = 95% margin of error of their mean ops/s (Student's t), so it covers run-to-run drift; " +
    `each repetition's mean leaves out samples over ${OUTLIER_FACTOR}× its median sample (a thread descheduled for a moment would otherwise dominate a run this short); ` +
    "meanNs over the kept samples of all repetitions; p99Ns = median of the repetitions' p99 (every sample)"
  );
}

function notes(calls: number, rmePct: number, count: number, rmeTargetPct: number, leftOut: number, samples: number): string | undefined {
  const parts: string[] = [];
  if (calls > 1) parts.push(`each sample is the mean of ${calls} consecutive calls, so p99 is of ${calls}-call means`);
  if (leftOut > 0) parts.push(`${leftOut} of ${samples} samples left out of the means as over ${OUTLIER_FACTOR}× their repetition's median (the thread descheduled, or a long GC pause)`);
  if (Number.isFinite(rmeTargetPct) && rmePct > rmeTargetPct) parts.push(`rme above the ${rmeTargetPct}% target after ${count} repetitions: a noisy machine or a heavy-tailed task`);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/** The report entry, or null when nothing finished (no repetition completed and no error seen). */
export function repeatedMicroResult(t: RepeatedTask, rmeTargetPct: number): MicroResult | null {
  const base = { format: t.info.format, op: t.info.op, message: t.info.message, payload: t.info.payload as PayloadClass, does: t.info.does };
  if (t.error) {
    const calls = t.error.callsPerSample ?? t.repetitions[0]?.callsPerSample;
    const earlier = t.error.repetition - 1;
    return {
      ...base,
      state: "errored",
      opsPerSec: 0,
      meanNs: 0,
      p99Ns: 0,
      rmePct: 0,
      samples: 0,
      error: t.error.message,
      ...(calls !== undefined ? { callsPerSample: calls } : {}),
      repetitionNote: `errored in repetition ${t.error.repetition} (each in a fresh worker thread)${earlier > 0 ? `; the ${earlier} before it completed, but an entry that fails is reported without figures` : ""}`,
    };
  }
  const reps = t.repetitions;
  if (reps.length === 0) return null;
  const samples = reps.reduce((n, r) => n + r.samples, 0);
  const leftOut = reps.reduce((n, r) => n + r.leftOut, 0);
  const rmePct = repetitionRmePct(reps);
  const calls = reps[0]!.callsPerSample;
  const result: MicroResult = {
    ...base,
    state: "completed",
    opsPerSec: median(reps.map((r) => r.opsPerSec)),
    meanNs: reps.reduce((sum, r) => sum + r.meanNs * (r.samples - r.leftOut), 0) / (samples - leftOut),
    p99Ns: median(reps.map((r) => r.p99Ns)),
    rmePct,
    samples,
    callsPerSample: calls,
    timeBudgetMs: reps.reduce((sum, r) => sum + r.budgetMs, 0),
    repetitions: reps.map((r) => r.opsPerSec),
    repetitionNote: repetitionNote(reps.length),
  };
  const text = notes(calls, rmePct, reps.length, rmeTargetPct, leftOut, samples);
  if (text) result.note = text;
  return result;
}
