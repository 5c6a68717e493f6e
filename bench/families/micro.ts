// Encode/decode cost in isolation, with tinybench (the tasks: bench/micro/micro-tasks.ts).
//
// One tinybench run's rme describes the spread inside one process at one moment, not what separates two runs
// minutes apart (JIT decisions, heap layout, the machine's phase): two quick runs of one commit differed by 19% on
// an entry with rme ±3%. So every entry is measured in repetitions, and the variance between runs happens inside
// each run: R rounds, each in a fresh worker thread (a fresh V8 isolate) that builds the seeded messages anew and
// runs every task briefly (a warm-up pass, so the code all tasks share is not cold for whichever comes first), then
// measures each; rounds alternate forward and reversed task order (ABBA) so position in a round weighs on every
// task alike. The entry's ops/s is the median repetition and its rme covers the repetitions' spread
// (bench/micro/repeated-micro-result.ts); compare tests the repetitions themselves. Measured on a loaded 2-core host
// (load 6), two runs' medians differed by 7–11% (median over 40 entries) against 16–29% for single runs, and the
// other run's median fell outside a run's range of repetitions for 4–10 entries of 40, against 22–31 outside ±rme.
//
// The full profile keeps adding rounds for entries whose rme over repetitions is above its target, within a ceiling.
// A --config run measures the config's sample messages instead of the size classes: every worker loads the protos
// and reads the samples itself (bench/config/config-messages.ts), the rounds and figures are the same.
import { availableParallelism } from "node:os";
import type { Family, FamilyContext } from "../family.js";
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";
import type { MicroResult } from "../model/micro-result.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { PAYLOAD_CLASSES } from "../../payloads/size-classes.js";
import { abbaOrder } from "../load/paired-rounds.js";
import type { RepetitionSettings } from "../micro/measure-repetition.js";
import { MicroRoundWorker, type MicroRoundOutcome } from "../micro/micro-round.js";
import { siblingModule } from "../micro/module-worker.js";
import { repeatedMicroResult, repetitionRmePct, type RepeatedTask } from "../micro/repeated-micro-result.js";
import type { MicroTaskSelection } from "../micro/micro-tasks.js";
import { configMessageSpec, type ConfigMessageSpec } from "../config/config-messages.js";
import { runConfig } from "../config/run-config.js";

export interface MicroSettings extends RepetitionSettings {
  /** Rounds every task is measured in: its repetitions, each in a fresh worker thread. */
  rounds: number;
  /** Each round first runs every task this long, so the code they share is warm before any is measured, ms. */
  roundWarmupMs: number;
  /** Further rounds, up to this many in all, for entries whose rme over repetitions is above rmeTargetPct. */
  maxRounds: number;
  /**
   * Workers started side by side before their rounds run, one batch at a time: start-up (loading the code, building
   * the messages) is most of a round's cost and measures nothing, so on two cores a batch starts in about half the
   * time; more than the cores only contend, and each parked worker holds its messages (xlarge in full) in memory.
   */
  startAhead: number;
  /** Target for the rme over repetitions (full profile); Infinity: exactly `rounds` rounds. */
  rmeTargetPct: number;
  /** No further rounds for an entry once its timed calls took this long over all its repetitions, ms. */
  maxTaskMs: number;
  /** Leave out the reflection and mapping tasks of these classes. */
  coreOnlyClasses: readonly PayloadClass[];
  /** size classes not measured at all in this profile (the size family still covers them) */
  leaveOutClasses: readonly PayloadClass[];
}

export const MICRO_PROFILES: Record<ProfileName, MicroSettings> = {
  // 6 rounds (even, so the ABBA rounds pair up), each task 6 ms warm-up + 6 ms measured per round. A round's fixed
  // cost is its worker's start (loading the code under tsx, parsing the schema, building the messages: ~0.9 s of
  // CPU), which is why workers start side by side, one per core (two at least). xlarge (8 MiB, 0.1–0.25 s a call
  // plus building the data in every worker) is full only.
  quick: { rounds: 6, roundWarmupMs: 3, maxRounds: 6, startAhead: Math.min(6, Math.max(2, availableParallelism())), timeMs: 6, minSamples: 3, warmupMs: 6, warmupSamples: 1, rmeTargetPct: Infinity, maxTaskMs: Infinity, minSampleNs: 10_000, coreOnlyClasses: [], leaveOutClasses: ["xlarge"] },
  // The bar is rme ≤ 2% over repetitions for every entry: 8 rounds, then up to 8 more for the entries still above
  // it, within 120 s of timed calls per entry (xlarge entries, 15–30% call to call on a shared host, keep their rme
  // and say so).
  full: { rounds: 8, roundWarmupMs: 20, maxRounds: 16, startAhead: 2, timeMs: 250, minSamples: 4, warmupMs: 50, warmupSamples: 1, rmeTargetPct: 2, maxTaskMs: 120_000, minSampleNs: 10_000, coreOnlyClasses: [], leaveOutClasses: [] },
};

/** What a test learns about each round. */
export interface MicroRoundReport {
  /** 0-based */
  index: number;
  direction: "forward" | "reversed";
  outcome: MicroRoundOutcome;
}

export interface MicroFamilyOptions {
  seed?: number;
  classes?: readonly PayloadClass[];
  /** Override the profile's settings (tests use a tiny budget). */
  settings?: Partial<MicroSettings>;
  /** The module whose buildMicroTasks the worker runs (tests swap in tasks that throw or hang). */
  taskModule?: URL;
  /** Called after each round with what it did (tests check the fresh worker per round and the order). */
  onRound?: (round: MicroRoundReport) => void;
  /** Called as each repetition starts in the worker (tests abort mid-round with it). */
  onTaskStart?: (round: number, key: string) => void;
  /** The messages to measure instead of the size classes; default: the --config run's samples when there is a config. */
  config?: () => ConfigMessageSpec | null;
}

function runConfigMessages(): ConfigMessageSpec | null {
  const config = runConfig();
  return config === null ? null : configMessageSpec(config);
}

function line(r: MicroResult): string {
  const name = `micro ${r.message} ${r.payload} ${r.op} ${r.format}`;
  if (r.state !== "completed") return `${name}: errored (${r.error ?? ""})`;
  const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(2));
  const reps = r.repetitions ?? [];
  const range = reps.length > 1 ? `, repetitions ${fmt(Math.min(...reps))}–${fmt(Math.max(...reps))}` : "";
  return `${name}: ${fmt(r.opsPerSec)} ops/s ±${r.rmePct.toFixed(2)}% (median of ${reps.length}${range})`;
}

/** Until every worker is ready (or died starting), or the run is aborted: an abort never waits for a start-up. */
function readyOrAborted(workers: readonly MicroRoundWorker[], signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void Promise.all(workers.map((w) => w.ready)).then(done);
  });
}

function repetitionSettings(s: MicroSettings): RepetitionSettings {
  return { timeMs: s.timeMs, minSamples: s.minSamples, warmupMs: s.warmupMs, warmupSamples: s.warmupSamples, minSampleNs: s.minSampleNs };
}

export function createMicroFamily(options: MicroFamilyOptions = {}): Family {
  return {
    name: "micro",
    describe: "encode/decode micro-benchmarks (tinybench): JSON vs protobufjs static and reflection, per message and size class, repeated in fresh worker threads",
    async run(ctx: FamilyContext) {
      const settings: MicroSettings = { ...MICRO_PROFILES[ctx.profile], ...options.settings };
      const seed = options.seed ?? DEFAULT_SEED;
      const config = (options.config ?? runConfigMessages)();
      const requested = config !== null ? [] : (options.classes ?? PAYLOAD_CLASSES);
      const classes = requested.filter((c) => !settings.leaveOutClasses.includes(c));
      const leftOut = requested.filter((c) => settings.leaveOutClasses.includes(c));
      if (leftOut.length > 0) ctx.leftOut(`${ctx.profile} profile: size class ${leftOut.join(", ")} not measured (the size family still covers it); --profile full measures it`);
      for (const cls of classes) {
        if (settings.coreOnlyClasses.includes(cls)) ctx.leftOut(`${ctx.profile} profile: ${cls} measures JSON and protobuf-static only; reflection and the mapping alone are left out`);
      }
      if (config !== null) {
        if (config.messages.length === 0) {
          ctx.leftOut("the config names no messages: nothing to measure (add messages: [{type, samples}])");
          return;
        }
        ctx.leftOut("--config messages have no generated static code: protobuf-static is not measured (protobuf-reflect is protobufjs's runtime-generated codec)");
      } else if (classes.length === 0) return;

      const workerModule = siblingModule("../micro/micro-worker", import.meta.url);
      const taskModule = options.taskModule ?? siblingModule("../micro/micro-tasks", import.meta.url);
      const tasks = new Map<string, RepeatedTask>(); // in forward order, as the first round built them
      const calls: Record<string, number> = {};
      const measuredMs = new Map<string, number>();
      const unfinished: string[] = [];
      let failure: string | null = null;

      // Round 0 measures every task; later rounds the tasks still open, in ABBA order.
      const open = (key: string, round: number): boolean => {
        const t = tasks.get(key)!;
        if (t.error) return false;
        if (round < settings.rounds) return true;
        return t.repetitions.length >= 2 && repetitionRmePct(t.repetitions) > settings.rmeTargetPct && (measuredMs.get(key) ?? 0) < settings.maxTaskMs;
      };

      const boot = (roundClasses: readonly PayloadClass[]) => {
        const selection: MicroTaskSelection = config !== null ? { seed, classes: [], coreOnlyClasses: [], config } : { seed, classes: roundClasses, coreOnlyClasses: settings.coreOnlyClasses };
        return new MicroRoundWorker(workerModule, { taskModule: taskModule.href, selection, settings: repetitionSettings(settings), roundWarmupMs: settings.roundWarmupMs });
      };
      const started = async (workers: readonly MicroRoundWorker[]) => {
        const t0 = performance.now();
        await readyOrAborted(workers, ctx.signal);
        if (ctx.signal.aborted) return;
        if (workers.length > 1) ctx.progress(`micro: ${workers.length} worker threads started side by side in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      };
      let parked: MicroRoundWorker[] = [];
      try {
        for (let round = 0; round < Math.max(settings.rounds, settings.maxRounds) && !ctx.signal.aborted; round++) {
          const keys = round === 0 ? null : abbaOrder([...tasks.keys()].filter((k) => open(k, round)), round);
          if (keys !== null && keys.length === 0) break;
          let worker: MicroRoundWorker;
          if (round < settings.rounds) {
            // The planned rounds' workers start side by side, startAhead at a time, before any of them measures.
            if (parked.length === 0) {
              parked = Array.from({ length: Math.min(settings.startAhead, settings.rounds - round) }, () => boot(classes));
              await started(parked);
            }
            worker = parked.shift()!;
          } else {
            // A further round (rme above target) builds only the classes it measures.
            worker = boot(classes.filter((c) => keys!.some((k) => tasks.get(k)!.info.payload === c)));
            await started([worker]);
          }
          const t0 = performance.now();
          const onStart = options.onTaskStart;
          const outcome = await worker.run({ order: keys, calls: { ...calls } }, ctx.signal, onStart && ((key) => onStart(round, key)));
          const direction = round % 2 === 0 ? "forward" : "reversed";
          options.onRound?.({ index: round, direction, outcome });
          if (round === 0) for (const info of outcome.tasks) tasks.set(info.key, { info, repetitions: [], error: null });
          for (const { key, figures } of outcome.results) {
            const t = tasks.get(key);
            if (!t) continue;
            if (figures.state === "completed") {
              t.repetitions.push(figures);
              calls[key] ??= figures.callsPerSample;
              measuredMs.set(key, (measuredMs.get(key) ?? 0) + figures.measuredMs);
            } else {
              t.error ??= { message: figures.error, repetition: t.repetitions.length + 1, ...(figures.callsPerSample !== undefined ? { callsPerSample: figures.callsPerSample } : {}) };
            }
          }
          const seconds = ((performance.now() - t0) / 1000).toFixed(1);
          const which = round < settings.rounds ? `round ${round + 1}/${settings.rounds}` : `extra round ${round + 1} (${keys!.length} entries above the ${settings.rmeTargetPct}% rme target)`;
          ctx.progress(`micro ${which}, ${direction}, worker thread ${outcome.threadId ?? "—"}: ${outcome.results.length} repetitions in ${seconds} s`);
          if (outcome.ended === "failed-to-start") {
            failure = `micro: the measuring worker of round ${round + 1} did not start: ${outcome.failure ?? "no reason given"}`;
            break;
          }
          if (outcome.ended === "crashed") unfinished.push(`round ${round + 1}: the worker died (${outcome.failure ?? "no reason given"}) after ${outcome.results.length} repetitions`);
        }
      } finally {
        await Promise.all(parked.map((w) => w.terminate()));
      }

      const overTarget: string[] = [];
      for (const t of tasks.values()) {
        const result = repeatedMicroResult(t, settings.rmeTargetPct);
        if (!result) continue;
        ctx.record("micro", result);
        ctx.progress(line(result));
        if (result.state === "completed" && result.rmePct > settings.rmeTargetPct) overTarget.push(`${t.info.key} ±${result.rmePct.toFixed(1)}%`);
      }
      if (unfinished.length > 0) ctx.caveat(`micro: rounds cut short, their remaining repetitions missing: ${unfinished.join("; ")}`);
      if (overTarget.length > 0) {
        ctx.caveat(`micro: ${overTarget.length} entries above the ${settings.rmeTargetPct}% relative margin of error over repetitions (machine noisy?): ${overTarget.join(", ")}`);
      }
      if (failure !== null) throw new Error(failure);
    },
  };
}

export const family: Family = createMicroFamily();
