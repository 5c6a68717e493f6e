// The load family over a --config run's calls: for each unary call of the config, the user's gRPC server
// (targets.grpc) and REST server (targets.rest) under the same load, by the load family's rules — the same calls in
// flight on both sides (resolveScenario: c32 over HTTP/1.1 connections, 4 HTTP/2 connections × 8 streams), warm-up
// excluded (the first round's longer, FIRST_RUN_WARMUP), paired rounds in ABBA order (paired-rounds.ts), the same
// engine (runLoadScenario) and drivers. The calls come from the config: every request of a call sent round-robin,
// REST requests with their method and JSON body, and with `check: equal-json` every end-to-end reply compared with
// the reference replies (response-check.ts). Every result is labelled with the config's call name (`call`) and
// payload "config": scenario ids read load/grpc/server/<call>/config/closed/c4x8.
import type { Family, FamilyContext } from "../family.js";
import { combineRepetitions, FIRST_RUN_WARMUP, LOAD_DEFAULTS, resolveOpenRate } from "../families/load.js";
import type { CallSpec } from "../load/call-spec.js";
import { resolveScenarios, type RateSpec, type ResolvedScenario, type ScenarioDefaults, type ScenarioInput, type ScenarioTemplate } from "../load/load-scenario.js";
import { loadSplit } from "../load/load-split.js";
import { capRounds, PAIR_ROUNDS, roundSchedule } from "../load/paired-rounds.js";
import { failedMeasurement, loadConfigOf, runLoadScenario } from "../load/run-load.js";
import { AGGREGATION_NOTE, aggregateRepetitions } from "../load/aggregate-repetitions.js";
import type { LoadResult } from "../model/load-result.js";
import type { ProfileName } from "../model/report.js";
import { remoteMetricsCaveat } from "../server-metrics/remote-caveat.js";
import { openRemoteServer, type RemoteServer } from "../server-metrics/remote-server.js";
import type { UserApiConfig, UserCall } from "./user-call.js";
import { configCallSpecs } from "./config-call-specs.js";
import { pinForLocalTargets } from "./local-target-pinning.js";
import { userApiConfig } from "./run-user-api.js";
import { userApiArmLookup } from "./user-api-arms.js";

/**
 * A scenario for every call of the config, on both arms (payload and call come from the call); pairRounds: it runs
 * the run's paired rounds (--rounds N, else PAIR_ROUNDS of the profile).
 */
export type UserLoadTemplate = Omit<ScenarioTemplate, "payload"> & { pairRounds?: boolean };

/** As the load family's: half the slower arm's closed-loop server-view throughput for the same call. */
const OPEN_RATE: RateSpec = { fractionOfClosed: 0.5, fallbackRps: 1000 };

/** As the load family's secondary scenarios in quick: longer windows (an end-to-end p99 needs calls), three rounds. */
const QUICK_SECONDARY = { warmupS: 0.2, durationS: 0.75, repetitions: 3 } as const;

/**
 * Per profile, run for every call: the main scenario gets the claim pair's rounds (PAIR_ROUNDS: a config run has the
 * one pair, gRPC and REST); full adds one call in flight and an open loop.
 */
export const USER_LOAD_SCENARIOS: Record<ProfileName, UserLoadTemplate[]> = {
  quick: [
    { view: "server", mode: "closed", pairRounds: true },
    { view: "end-to-end", mode: "closed", ...QUICK_SECONDARY },
  ],
  full: [
    { view: "server", mode: "closed", pairRounds: true },
    { view: "server", mode: "closed", concurrency: 1 },
    { view: "end-to-end", mode: "closed" },
    { view: "server", mode: "open", rate: OPEN_RATE },
  ],
};

export interface UserApiLoadOptions {
  /** replaces the profile's templates */
  templates?: UserLoadTemplate[];
  /** overrides the profile's defaults (tests shorten the windows) */
  defaults?: Partial<ScenarioDefaults>;
  /** overrides the profile's first-round warm-up (tests shorten it) */
  firstRunWarmup?: { s: number; minCalls: number; maxS: number };
  /** where the config comes from; default the run's (run-user-api.ts) */
  config?: () => UserApiConfig | null;
}

/** Every template for every call, both arms side by side. */
export function userScenarioInputs(calls: readonly Pick<UserCall, "name">[], arms: readonly string[], templates: readonly UserLoadTemplate[], rounds: number): ScenarioInput[] {
  return templates.flatMap(({ pairRounds, ...template }) =>
    calls.flatMap((call) => arms.map((arm) => ({ ...template, ...(pairRounds === true && template.repetitions === undefined ? { repetitions: rounds } : {}), arm, payload: "config" as const, call: call.name }))),
  );
}

/** Where a call's REST requests came from, said beside its REST figures. */
function restOrigin(call: UserCall | undefined): string {
  const first = call?.rest.requests[0];
  if (call === undefined || first === undefined) return "REST requests: unknown";
  const what = `REST ${call.rest.method.toUpperCase()} ${first.path}${call.rest.requests.length > 1 ? ` (first of ${call.rest.requests.length})` : ""}`;
  if (call.rest.derivedFrom === "annotation") return `${what}: derived from the google.api.http annotation of ${call.grpc.path.slice(1).replace("/", ".")}`;
  if (call.rest.derivedFrom === "config") return `${what}: as the config's rest gives it`;
  return what;
}

export async function runUserApiLoad(ctx: FamilyContext, config: UserApiConfig, options: UserApiLoadOptions = {}): Promise<void> {
  // --shard needs every host on one wall-clock schedule (the load family's); the config's calls do not follow it yet.
  const split = loadSplit();
  if (split.shard !== null) {
    ctx.caveat(`load: --shard ${split.shard.index}/${split.shard.count} is not supported with --config yet: the config's calls were not loaded`);
    return;
  }
  const defaults = { ...LOAD_DEFAULTS[ctx.profile], ...options.defaults };
  const templates = options.templates ?? USER_LOAD_SCENARIOS[ctx.profile];
  const specs = await configCallSpecs(ctx, config, { family: "load", references: true, timeoutMs: defaults.timeoutMs });
  const armIds = ctx.arms.map((a) => a.id);
  const calls = config.calls.filter((c) => specs.has(c.name));
  // --rounds N: the main scenario runs N rounds; the others keep their repetitions, at most N (as the load family)
  const scenarios = capRounds(resolveScenarios(userScenarioInputs(calls, armIds, templates, ctx.rounds ?? PAIR_ROUNDS[ctx.profile]), defaults, userApiArmLookup(ctx.arms), (_input, why) =>
    ctx.caveat(`load: ${why}: not measured`),
  ), ctx.rounds);
  if (scenarios.length === 0) return;

  /** the arms loaded in the same scenario: paired by round, and the open-loop rate is the slowest of them */
  const sameScenario = (a: ResolvedScenario, o: ResolvedScenario) => o.call === a.call && o.view === a.view && o.mode === a.mode && o.concurrency === a.concurrency;
  const groups: ResolvedScenario[][] = [];
  for (const s of scenarios) {
    const group = groups.find((g) => sameScenario(g[0] as ResolvedScenario, s));
    if (group !== undefined) group.push(s);
    else groups.push([s]);
  }

  // The user's servers, measured through our monitor if they offer it (a server started by `npm run serve` does).
  const monitors = new Map<string, RemoteServer>();
  for (const arm of ctx.arms) if (arm.target !== null) monitors.set(arm.id, await openRemoteServer(arm));
  const caveat = remoteMetricsCaveat("load", [...monitors.values()]);
  if (caveat) ctx.caveat(caveat);

  const { pinning, restore } = pinForLocalTargets(ctx, "load");

  const reps = new Map<string, LoadResult[]>(scenarios.map((s) => [s.id, []]));
  const openRates = new Map<string, { rps: number; how: string }>();
  const rounds = Math.max(...scenarios.map((s) => s.repetitions));
  const schedule = roundSchedule(groups, rounds);
  const first = options.firstRunWarmup ?? FIRST_RUN_WARMUP[ctx.profile];
  const t0 = Date.now();
  try {
    for (let round = 1; round <= rounds && !ctx.signal.aborted; round++) {
      const planned = schedule(round);
      for (const scenario of planned) {
        if (ctx.signal.aborted) break;
        const done = reps.get(scenario.id) as LoadResult[];
        const target = ctx.arms.find((a) => a.id === scenario.arm)?.target ?? null;
        const spec = specs.get(scenario.call) as CallSpec;
        const label = `round ${round}/${rounds} ${planned.indexOf(scenario) + 1}/${planned.length} ${scenario.id}`;
        if (target === null) {
          if (round === 1) {
            const config = loadConfigOf({ scenario, target: "", server: null, pinning }, null);
            const failed = [failedMeasurement("no-target", `arm ${scenario.arm} has no target`)];
            done.push({ ...config, ...aggregateRepetitions(failed), durationS: scenario.durationS, repetitions: failed, coordinatedOmissionCorrected: scenario.mode === "open", aggregation: AGGREGATION_NOTE, notes: [] });
          }
          continue;
        }
        let rate = openRates.get(scenario.id) ?? null;
        if (scenario.mode === "open" && rate === null) {
          const armsLike = groups.find((g) => g.includes(scenario))?.map((s) => s.arm) ?? [scenario.arm];
          rate = resolveOpenRate(scenario, [...reps.values()].map((r) => r[0]).filter((r): r is LoadResult => r !== undefined), armsLike);
          openRates.set(scenario.id, rate);
        }
        ctx.progress(`${label} starting`);
        let result: LoadResult;
        try {
          result = await runLoadScenario({
            scenario: { ...scenario, repetitions: 1, warmupS: round === 1 ? Math.max(scenario.warmupS, first.s) : scenario.warmupS },
            ...(round === 1 && scenario.mode === "closed" ? { warmupMinCalls: first.minCalls, warmupMaxS: first.maxS } : {}),
            spec,
            target,
            server: monitors.get(scenario.arm) ?? null,
            // --workers: run-load keeps a config call in this process and says so in the result's notes
            ...(split.workers > 1 ? { workers: split.workers } : {}),
            ...(rate !== null ? { rateRps: rate.rps } : {}),
            pinning,
            signal: ctx.signal,
            onProgress: (p) =>
              ctx.progress(`${label} ${p.phase === "warmup" ? "warm-up" : "measuring"} ${((Date.now() - t0) / 1000).toFixed(0)} s, ${p.okTotal} calls${p.errorTotal > 0 ? `, ${p.errorTotal} errors` : ""}`),
          });
        } catch (error) {
          // A driver that cannot be built for this call (e.g. a request larger than one h2-frames DATA frame): the
          // scenario records the failure; the other scenarios go on.
          const failed = [failedMeasurement("driver", (error as Error).message.split("\n")[0] as string)];
          const config = loadConfigOf({ scenario, target, server: null, pinning }, rate?.rps ?? null);
          result = { ...config, ...aggregateRepetitions(failed), durationS: scenario.durationS, repetitions: failed, coordinatedOmissionCorrected: scenario.mode === "open", aggregation: AGGREGATION_NOTE, notes: [] };
        }
        for (const w of result.repetitions) w.round = round;
        done.push(result);
      }
    }
  } finally {
    // Recorded here, so an abort or a crash mid-way still keeps every repetition that was measured.
    for (const scenario of scenarios) {
      const done = reps.get(scenario.id) as LoadResult[];
      if (done.length === 0) continue;
      const result = combineRepetitions(scenario, done);
      result.warmupS = scenario.warmupS;
      const spec = specs.get(scenario.call);
      const requests = spec?.rotation?.requests.length ?? 1;
      result.notes = [
        ...(result.notes ?? []),
        `config call ${scenario.call}: ${requests} request${requests === 1 ? "" : "s"} sent round-robin`,
        ...(scenario.protocol === "rest" ? [restOrigin(config.calls.find((c) => c.name === scenario.call))] : []),
        scenario.view === "end-to-end" && spec?.check !== undefined
          ? "every reply compared with the reference reply to its request (check: equal-json); a reply that differs is counted as the error mismatch"
          : "replies checked for status only (gRPC status OK, HTTP 2xx)",
        scenario.mode === "closed"
          ? `warm-up ${scenario.warmupS} s per repetition; before the first, at least ${Math.max(scenario.warmupS, first.s)} s and until ${first.minCalls} calls succeeded, at most ${first.maxS} s`
          : `warm-up ${scenario.warmupS} s per repetition, ${Math.max(scenario.warmupS, first.s)} s before the first`,
      ];
      const rate = openRates.get(scenario.id);
      if (rate !== undefined) result.notes = [...result.notes, `open-loop rate: ${rate.how}`];
      ctx.record("load", result);
      if (result.driverSaturated) ctx.caveat(`load: the load generator was saturated in ${scenario.id}: its throughput is a lower bound`);
      if (result.endReason === "failed") ctx.caveat(`load: ${scenario.id} failed: ${result.failure ?? "unknown"}`);
      const mismatches = result.errors.byCode["mismatch"] ?? 0;
      if (mismatches > 0) ctx.caveat(`load: ${scenario.id}: ${mismatches} repl${mismatches === 1 ? "y" : "ies"} differed from the reference (check: equal-json)`);
    }
    restore?.();
    await Promise.all([...monitors.values()].map((s) => s.stop().catch(() => {})));
  }
}

/** The load family for a --config run (the run's config unless options.config says otherwise). */
export function createUserApiLoadFamily(options: UserApiLoadOptions = {}): Family {
  return {
    name: "load",
    describe: "latency, throughput and CPU per call of the config's calls on your gRPC and REST servers, under equal closed-loop load (server and end-to-end views)",
    run: async (ctx) => {
      const config = (options.config ?? userApiConfig)();
      if (config === null) throw new Error("the user-api load family runs in a --config run only");
      await runUserApiLoad(ctx, config, options);
    },
  };
}
