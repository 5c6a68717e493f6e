// The load family: equal load at every arm's server, latency distribution, throughput and CPU per call.
// Scenarios are data (below); the engine lives in bench/load/ and bench/drivers/. Per-profile settings live here.
//
// Paired rounds (bench/load/paired-rounds.ts): every scenario runs as short windows in rounds; in each round the
// arms of one scenario run one window each, side by side, in ABBA order, so each arm-vs-baseline ratio comes from
// per-round paired ratios in which the host's drift cancels. Short windows buy precision per second: ten pairs of
// 0.3 s windows a fraction of a second apart pin a ratio better than three 0.75 s windows tens of seconds apart.
//
// Budget: the quick profile runs every arm, so its load family gets about 85 s of the 150 s run: per arm the two
// scenarios the attribution chain and the decision summary read (GetUser small, ListOrders medium), in 0.1 s
// warm-up + 0.3 s windows (plus ~0.15 s of connection set-up and CPU sampling each): 4 rounds for every arm and 10
// for the claim pair (baseline and grpc), whose ratios the decision reads; the end-to-end and open-loop scenarios
// for the claim pair only. Each further arm adds about 6 s. What quick leaves out is listed in the report (FamilyRun.leftOut).
import type { Family, FamilyContext } from "../family.js";
import { pinSelf, planPinning } from "../cpu/cpu-pinning.js";
import type { LoadResult } from "../model/load-result.js";
import type { ProfileName } from "../model/report.js";
import { MIN_LOAD_REPETITIONS } from "../profile.js";
import { defineScenario, resolveScenarios, runArmLookup, type ResolvedScenario, type ScenarioDefaults, type ScenarioInput, type ScenarioTemplate } from "../load/load-scenario.js";
import { failedMeasurement, loadConfigOf, runLoadScenario } from "../load/run-load.js";
import { AGGREGATION_NOTE, aggregateRepetitions } from "../load/aggregate-repetitions.js";
import { exitCause } from "../model/server-exit.js";
import { ServerExitWatch } from "../server-process/server-exit-watch.js";
import { startServerProcess, type ServerProcess } from "../server-process/server-process.js";
import { remoteMetricsCaveat } from "../server-metrics/remote-caveat.js";
import { openRemoteServer, type RemoteServer } from "../server-metrics/remote-server.js";
import { quickPairIds } from "../family-arms.js";
import { capRounds, PAIR_ROUNDS, roundSchedule } from "../load/paired-rounds.js";
import { fewerConnectionsNote, loadSplit, scenarioShare, workersFor } from "../load/load-split.js";
import { closeLoadWorkers, prepareLoadWorkers } from "../load/load-worker-pool.js";
import { ShardTimeline, waitUntil } from "../shard/shard-timeline.js";

export const LOAD_DEFAULTS: Record<ProfileName, ScenarioDefaults> = {
  // at least MIN_LOAD_REPETITIONS; short windows, so more of them
  quick: { concurrency: 32, h2Connections: 4, warmupS: 0.1, durationS: 0.3, repetitions: Math.max(4, MIN_LOAD_REPETITIONS.quick), timeoutMs: 10_000 },
  full: { concurrency: 32, h2Connections: 4, warmupS: 0.5, durationS: 2, repetitions: Math.max(6, MIN_LOAD_REPETITIONS.full), timeoutMs: 10_000 },
};

/**
 * The first repetition of each scenario warms up longer: it is the first load a fresh server process (and this
 * process's driver) sees for that call, and with the quick profile's 0.2 s warm-up a JIT-cold server measured
 * 3–5× below its later repetitions. At least `s` seconds, then until `minCalls` calls succeeded (a JIT warms by
 * calls: the gateway, two processes at 1–3k calls/s, still ramped up for ~6,000 calls), at most `maxS` in all.
 * Later repetitions reuse the warm process and keep the short warm-up. A fresh grpc-js server was still ~20% slow
 * in the window after 0.8 s of load (~15,000 calls; GetUser 17k against 22k calls/s, ListOrders 10k against 13k)
 * and warm after 1.2 s; round 1's grpc/rest GetUser ratio had sat below the later rounds' median in 19 of 19 runs.
 */
export const FIRST_RUN_WARMUP: Record<ProfileName, { s: number; minCalls: number; maxS: number }> = {
  quick: { s: 1.2, minCalls: 4_000, maxS: 2 },
  full: { s: 2, minCalls: 8_000, maxS: 6 },
};

/** The open-loop rate: half the slowest arm's closed-loop server-view throughput for the same call, the same for every arm. */
const OPEN_RATE = { fractionOfClosed: 0.5, fallbackRps: 1000 } as const;

/**
 * A scenario for every arm of the run, or (pairOnly) for the baseline and grpc only; pairRounds: the baseline and
 * grpc run PAIR_ROUNDS of it, the other arms their usual repetitions.
 */
export type LoadTemplate = ScenarioTemplate & { pairOnly?: boolean; pairRounds?: boolean };

const serverViewClosed: LoadTemplate[] = [
  { view: "server", payload: "small", mode: "closed", pairRounds: true },
  { view: "server", payload: "medium", mode: "closed", pairRounds: true },
  { view: "server", payload: "large", mode: "closed" },
];

/** The claim pair's secondary scenarios in quick: longer windows (an open loop's p99 needs calls), three rounds. */
const QUICK_SECONDARY = { warmupS: 0.2, durationS: 0.75, repetitions: 3 } as const;

/** Each template runs on every arm of the run (pairOnly: on the baseline and grpc), with the same in-flight calls. */
export const LOAD_SCENARIOS: Record<ProfileName, LoadTemplate[]> = {
  quick: [
    { view: "server", payload: "small", mode: "closed", pairRounds: true },
    { view: "server", payload: "medium", mode: "closed", pairRounds: true },
    { view: "end-to-end", payload: "small", mode: "closed", pairOnly: true, ...QUICK_SECONDARY },
    { view: "server", payload: "small", mode: "open", rate: OPEN_RATE, pairOnly: true, ...QUICK_SECONDARY },
  ],
  full: [
    ...serverViewClosed,
    // Every size class: xlarge (ListOrders, ~3.6 MB protobuf, ~8 MB JSON) with 4 in flight, to bound memory.
    { view: "server", payload: "xlarge", mode: "closed", concurrency: 4 },
    // One call in flight: latency without queueing.
    { view: "server", payload: "small", mode: "closed", concurrency: 1 },
    { view: "end-to-end", payload: "small", mode: "closed" },
    { view: "end-to-end", payload: "medium", mode: "closed" },
    { view: "end-to-end", payload: "large", mode: "closed" },
    { view: "server", payload: "small", mode: "open", rate: OPEN_RATE },
    { view: "server", payload: "medium", mode: "open", rate: OPEN_RATE },
  ],
};

/**
 * The profile's scenarios for these arms: template by template, every arm in run order (so arms of one scenario
 * run side by side); a pairOnly template only for the arms in `pair` (all of them when the run has neither).
 */
export function loadScenarioInputs(
  profile: ProfileName,
  arms: readonly string[],
  templates: readonly LoadTemplate[] = LOAD_SCENARIOS[profile],
  pair: readonly string[] = arms,
  rounds: number = PAIR_ROUNDS[profile],
): ScenarioInput[] {
  const paired = arms.filter((a) => pair.includes(a));
  return templates.flatMap(({ pairOnly, pairRounds, ...template }) =>
    (pairOnly === true && paired.length > 0 ? paired : arms).map((arm) =>
      defineScenario({ ...template, arm, ...(pairRounds === true && paired.includes(arm) && template.repetitions === undefined ? { repetitions: rounds } : {}) }),
    ),
  );
}

/** What a profile's pairOnly templates leave out for the other arms, one sentence each. */
function pairOnlyLeftOut(templates: readonly LoadTemplate[], arms: readonly string[], pair: readonly string[]): string[] {
  const others = arms.filter((a) => !pair.includes(a));
  if (others.length === 0 || pair.length === 0) return [];
  return templates
    .filter((t) => t.pairOnly === true)
    .map((t) => `quick profile: ${t.view}-view ${t.mode}-loop ${t.payload} measured for ${pair.join(" and ")} only; --profile full adds ${others.join(", ")}`);
}

/** Open-loop rate for a scenario, from the closed-loop results already measured in this run. */
export function resolveOpenRate(scenario: ResolvedScenario, measured: readonly LoadResult[], arms: readonly string[]): { rps: number; how: string } {
  const rate = scenario.rate;
  if (rate === null) throw new Error(`${scenario.id} is not an open-loop scenario`);
  if (typeof rate === "number") return { rps: rate, how: "fixed" };
  const closed = measured.filter(
    (r) =>
      arms.includes(r.arm) &&
      r.mode === "closed" &&
      r.view === "server" &&
      r.call === scenario.call &&
      r.payload === scenario.payload &&
      r.endReason === "completed" &&
      r.concurrency === scenario.concurrency,
  );
  const measuredArms = new Set(closed.map((r) => r.arm));
  const missing = arms.filter((a) => !measuredArms.has(a));
  if (missing.length > 0 || closed.length === 0) {
    return { rps: rate.fallbackRps, how: `fallback ${rate.fallbackRps} rps (closed-loop throughput not available for ${missing.join(", ") || "any arm"})` };
  }
  const slowest = closed.reduce((a, b) => (b.throughputRps < a.throughputRps ? b : a));
  const rps = Math.max(1, Math.round(slowest.throughputRps * rate.fractionOfClosed));
  return { rps, how: `${rate.fractionOfClosed} × the slowest arm's closed-loop throughput (${slowest.arm}, ${slowest.throughputRps.toFixed(0)} rps)` };
}

export interface LoadFamilyOptions {
  /** replaces the profile's scenario templates */
  templates?: LoadTemplate[];
  /** overrides the profile's defaults (tests shorten the windows) */
  defaults?: Partial<ScenarioDefaults>;
}

async function runFamily(ctx: FamilyContext, options: LoadFamilyOptions = {}): Promise<void> {
  const armIds = ctx.arms.map((a) => a.id);
  const templates = options.templates ?? LOAD_SCENARIOS[ctx.profile];
  const pair = quickPairIds(ctx.arms, ctx.baseline);
  // --rounds N: the claim pair's main scenarios run N rounds; every other scenario keeps its repetitions, at most N.
  // runArmLookup: an arm the run reaches over TLS gets a driver that speaks TLS (h1-lean, not autocannon).
  const pairRounds = ctx.rounds ?? PAIR_ROUNDS[ctx.profile];
  const resolved = capRounds(resolveScenarios(loadScenarioInputs(ctx.profile, armIds, templates, pair, pairRounds), { ...LOAD_DEFAULTS[ctx.profile], ...options.defaults }, runArmLookup(ctx.arms), (_input, why) =>
    ctx.caveat(`load: ${why}: not measured`),
  ), ctx.rounds);
  // --shard i/N: this host runs its share of every scenario (bench/load/load-split.ts), on a fixed wall-clock schedule
  const split = loadSplit();
  const shard = split.shard;
  const scenarios = shard === null ? resolved : resolved.flatMap((s) => {
    const share = scenarioShare(s, shard.index, shard.count);
    if (share === null) ctx.caveat(`load: ${s.id}: ${fewerConnectionsNote(s, shard.count, "shards")}: not measured`);
    return share === null ? [] : [share];
  });
  for (const line of pairOnlyLeftOut(templates, armIds, pair)) ctx.leftOut(line);
  if (ctx.profile === "quick" && options.templates === undefined) {
    const key = (t: LoadTemplate) => `${t.view}/${t.payload}/${t.mode}/${t.concurrency ?? ""}`;
    const covered = new Set(LOAD_SCENARIOS.quick.map(key));
    const more = LOAD_SCENARIOS.full.filter((t) => !covered.has(key(t))).map((t) => `${t.view}-view ${t.mode}-loop ${t.payload}${t.concurrency !== undefined ? ` with ${t.concurrency} in flight` : ""}`);
    if (more.length > 0) {
      ctx.leftOut(
        `quick profile: ${LOAD_DEFAULTS.quick.durationS} s windows, ${Math.min(LOAD_DEFAULTS.quick.repetitions, pairRounds)} rounds per arm (${pairRounds} for ${pair.join(" and ") || "the claim pair"}); ` +
          `--profile full adds ${more.join(", ")} and ${LOAD_DEFAULTS.full.durationS} s windows × ${LOAD_DEFAULTS.full.repetitions} (${PAIR_ROUNDS.full})`,
      );
    }
  }
  /** the arms loaded in the same scenario (the open-loop rate is the slowest of them; their windows are paired by round) */
  const sameScenario = (a: ResolvedScenario, o: ResolvedScenario) => o.call === a.call && o.payload === a.payload && o.view === a.view && o.mode === a.mode && o.concurrency === a.concurrency;
  const armsLike = (s: ResolvedScenario) => scenarios.filter((o) => sameScenario(s, o)).map((o) => o.arm);
  const groups: ResolvedScenario[][] = [];
  for (const s of scenarios) {
    const group = groups.find((g) => sameScenario(g[0] as ResolvedScenario, s));
    if (group !== undefined) group.push(s);
    else groups.push([s]);
  }
  const remote = new Map(ctx.arms.filter((a) => a.target !== null).map((a) => [a.id, a.target as string]));
  const local = ctx.arms.filter((a) => a.target === null);
  const plan = planPinning(local.length > 0);
  if (local.length > 0 && (plan.server === null || plan.client === null)) ctx.caveat(plan.note);
  // A remote target is measured through its monitor endpoint, on a connection of its own opened before the first window.
  const monitors = new Map<string, RemoteServer>();
  for (const arm of ctx.arms) if (arm.target !== null) monitors.set(arm.id, await openRemoteServer(arm));
  if (remote.size > 0) {
    ctx.caveat(remoteMetricsCaveat("load", [...monitors.values()]) as string);
    if (local.length > 0) ctx.caveat(`load: arms ${[...remote.keys()].join(", ")} measured remotely but ${local.map((a) => a.id).join(", ")} on local servers: not the same setup`);
  }

  const servers = new Map<string, ServerProcess>();
  const startFailures = new Map<string, string>();
  // Every server this family starts is watched: one that dies is recorded (report.serverExits) against the scenario
  // it was serving, and the one started in its place is named, never swapped in silently.
  const exits = new ServerExitWatch((exit) => ctx.serverExit(exit));
  /** a note for every repetition a replacement server served: the figure says it is not the first process's */
  const replacements = new Map<ServerProcess, string>();
  const serverFor = async (arm: string): Promise<ServerProcess | null> => {
    const existing = servers.get(arm);
    if (existing?.alive) return existing;
    if (startFailures.has(arm)) return null;
    const dead = existing !== undefined ? exits.exitOf(existing) : null;
    if (dead !== null) ctx.progress(`server ${arm} (pid ${dead.pid}) exited with ${exitCause(dead)}; starting a new one for its remaining scenarios`);
    try {
      let server: ServerProcess;
      try {
        server = await startServerProcess({ arm, cpus: plan.server });
      } catch (error) {
        if (plan.server === null) throw error;
        // taskset can read an affinity it may not set: run unpinned rather than not at all, and say so. Unpinned
        // means the CPUs this process had before pinSelf below, not the load generator's CPU (server-process.ts).
        server = await startServerProcess({ arm, cpus: null });
        ctx.caveat(`load: server ${arm} could not be pinned to CPU ${plan.server} (${(error as Error).message}); it ran unpinned`);
      }
      servers.set(arm, server);
      exits.watch(server);
      if (existing !== undefined && dead !== null) {
        exits.replaced(existing, server);
        replacements.set(server, `measured on a new server process (pid ${server.pid}) after pid ${dead.pid} exited with ${exitCause(dead)} at ${dead.at}`);
      }
      for (const caveat of server.caveats) ctx.caveat(`server ${arm}: ${caveat}`);
      return server;
    } catch (error) {
      startFailures.set(arm, (error as Error).message);
      // Round 1 records a scenario whose server never started; after a death, say why the later rounds are missing.
      if (existing !== undefined) ctx.caveat(`load: server ${arm} could not be started again after its process exited (${(error as Error).message}): its remaining repetitions were not measured`);
      return null;
    }
  };

  // --workers: the processes started and their drivers loaded before the first window (and before --start-at)
  const workerDrivers = scenarios.filter((s) => workersFor(s, split.workers) > 1).map((s) => s.driver);
  if (workerDrivers.length > 0) {
    await prepareLoadWorkers(split.workers, workerDrivers).catch((error: unknown) =>
      ctx.caveat(`load: --workers ${split.workers}: the load-generator processes could not be started (${(error as Error).message}): their scenarios fail`),
    );
  }
  const timeline = shard !== null ? new ShardTimeline(split.startAtMs ?? Date.now() + 1000) : null;
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  if (plan.client !== null && restore === null) ctx.caveat(`load: could not pin the load generator to CPU ${plan.client}`);
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const t0 = Date.now();
  // Repetitions are separate runs (fresh connections, own warm-up) in rounds: in each round every scenario's arms
  // run one window each, side by side in ABBA order (paired-rounds.ts), and the next scenario follows. So a
  // scenario's repetitions sample the whole run's time span (on a shared host the machine's speed drifts over
  // tens of seconds, and back-to-back windows would all sit in one drift and understate the spread), while an
  // arm's window and the baseline's window of the same round share their moment and are paired by it.
  const reps = new Map<string, LoadResult[]>(scenarios.map((s) => [s.id, []]));
  const openRates = new Map<string, { rps: number; how: string }>();
  const rounds = Math.max(...scenarios.map((s) => s.repetitions));
  const schedule = roundSchedule(groups, rounds);
  try {
    for (let round = 1; round <= rounds && !ctx.signal.aborted; round++) {
      const planned = schedule(round);
      for (const scenario of planned) {
        if (ctx.signal.aborted) break;
        const done = reps.get(scenario.id) as LoadResult[];
        const target = remote.get(scenario.arm) ?? null;
        const server = target === null ? await serverFor(scenario.arm) : (monitors.get(scenario.arm) ?? null);
        const label = `round ${round}/${rounds} ${planned.indexOf(scenario) + 1}/${planned.length} ${scenario.id}`;
        if (target === null && server === null) {
          if (round > 1) continue; // recorded once, below
          const failure = startFailures.get(scenario.arm) ?? "server did not start";
          const config = loadConfigOf({ scenario, target: "", server: null, pinning }, null);
          const failed = [failedMeasurement("server-start", failure)];
          done.push({ ...config, ...aggregateRepetitions(failed), durationS: scenario.durationS, repetitions: failed, coordinatedOmissionCorrected: scenario.mode === "open", aggregation: AGGREGATION_NOTE, notes: [failure] });
          continue;
        }
        // The open-loop rate is fixed once, from round 1's closed-loop results, so every repetition offers the same load.
        let rate = openRates.get(scenario.id) ?? null;
        if (scenario.mode === "open" && rate === null) {
          rate = resolveOpenRate(scenario, [...reps.values()].map((r) => r[0]).filter((r): r is LoadResult => r !== undefined), armsLike(scenario));
          openRates.set(scenario.id, rate);
        }
        const warmupS = round === 1 ? Math.max(scenario.warmupS, FIRST_RUN_WARMUP[ctx.profile].s) : scenario.warmupS;
        // A shard warms up for the longest the first round's warm-up may take, so every shard begins at the same time.
        const slot = timeline?.next(scenario.driver, round === 1 && scenario.mode === "closed" ? Math.max(warmupS, FIRST_RUN_WARMUP[ctx.profile].maxS) : warmupS, scenario.durationS) ?? null;
        if (slot !== null) {
          if (slot.startMs > Date.now() + 1000) ctx.progress(`${label} waiting for its slot at ${new Date(slot.startMs).toISOString()}`);
          await waitUntil(slot.startMs, ctx.signal);
          if (ctx.signal.aborted) break;
        }
        ctx.progress(`${label} starting${server !== null ? ` (server pid ${server.pid})` : ""}`);
        const result = await exits.measuring(server, { scenario: scenario.id, repetition: round }, () => runLoadScenario({
          scenario: { ...scenario, repetitions: 1, warmupS },
          // Open loop paces calls: its server is already warm from the closed-loop scenarios of the same call.
          ...(slot === null && round === 1 && scenario.mode === "closed" ? { warmupMinCalls: FIRST_RUN_WARMUP[ctx.profile].minCalls, warmupMaxS: FIRST_RUN_WARMUP[ctx.profile].maxS } : {}),
          ...(slot !== null ? { beginAtMs: slot.beginAtMs } : {}),
          ...(split.workers > 1 ? { workers: split.workers } : {}),
          target: target ?? (server as ServerProcess).target,
          server,
          ...(rate !== null ? { rateRps: rate.rps } : {}),
          pinning: target !== null ? { server: null, client: pinning.client } : pinning,
          signal: ctx.signal,
          onProgress: (p) =>
            ctx.progress(`${label} ${p.phase === "warmup" ? "warm-up" : "measuring"} ${((Date.now() - t0) / 1000).toFixed(0)} s, ${p.okTotal} calls${p.errorTotal > 0 ? `, ${p.errorTotal} errors` : ""}`),
        }));
        const replaced = server !== null ? replacements.get(server) : undefined;
        if (replaced !== undefined) result.notes = [...(result.notes ?? []), replaced];
        for (const w of result.repetitions) w.round = round;
        const lateMs = slot !== null && result.repetitions[0] !== undefined ? Date.parse(result.repetitions[0].startedAt) - slot.beginAtMs : 0;
        if (lateMs > 50) result.notes = [...(result.notes ?? []), `shard ${shard?.index}: round ${round}'s window began ${lateMs} ms after its slot (set-up took longer than the schedule allows)`];
        done.push(result);
      }
    }
  } finally {
    // Recorded here, so an abort or a crash mid-way still keeps every repetition that was measured.
    for (const scenario of scenarios) {
      const done = reps.get(scenario.id) as LoadResult[];
      if (done.length === 0) continue;
      const result = combineRepetitions(scenario, done);
      // The first repetition's longer warm-up is a note, not the scenario's configuration.
      const first = FIRST_RUN_WARMUP[ctx.profile];
      result.warmupS = scenario.warmupS;
      result.notes = [
        ...(result.notes ?? []),
        scenario.mode === "closed"
          ? `warm-up ${scenario.warmupS} s per repetition; before the first, at least ${Math.max(scenario.warmupS, first.s)} s and until ${first.minCalls} calls succeeded, at most ${first.maxS} s (a fresh server process is JIT-cold)`
          : `warm-up ${scenario.warmupS} s per repetition, ${Math.max(scenario.warmupS, first.s)} s before the first`,
      ];
      const rate = openRates.get(scenario.id);
      if (rate !== undefined) result.notes = [...(result.notes ?? []), `open-loop rate: ${rate.how}`];
      ctx.record("load", result);
      // --workers on too few CPUs, or a worker that could not be pinned: said once for the run
      for (const note of result.notes ?? []) if (/^--workers \d+: .*(share CPUs|could not be pinned|not pinned)/.test(note)) ctx.caveat(`load: ${note}`);
      const saturatedWorkers = (result.workers ?? []).filter((w) => w.driverSaturated).map((w) => w.index);
      if (result.driverSaturated) {
        ctx.caveat(
          saturatedWorkers.length > 0
            ? `load: load generator worker${saturatedWorkers.length > 1 ? "s" : ""} ${saturatedWorkers.join(", ")} of ${result.workers?.length} saturated in ${scenario.id}: its throughput is a lower bound`
            : `load: the load generator was saturated in ${scenario.id}: its throughput is a lower bound`,
        );
      }
      if (result.endReason === "failed") ctx.caveat(`load: ${scenario.id} failed: ${result.failure ?? "unknown"}`);
    }
    restore?.();
    await closeLoadWorkers();
    await Promise.all([...servers.values(), ...monitors.values()].map((s) => s.stop().catch(() => {})));
  }
}

/** One LoadResult from a scenario's single-repetition runs: figures re-aggregated over all their windows. */
export function combineRepetitions(scenario: ResolvedScenario, runs: readonly LoadResult[]): LoadResult {
  const first = runs[0] as LoadResult;
  const windows = runs.flatMap((r) => r.repetitions);
  const notes = [...new Set(runs.flatMap((r) => r.notes ?? []))];
  const lags = runs.map((r) => r.openLoop).filter((l): l is NonNullable<LoadResult["openLoop"]> => l !== undefined);
  const sum = (pick: (l: NonNullable<LoadResult["openLoop"]>) => number | undefined) => lags.reduce((a, l) => a + (pick(l) ?? 0), 0);
  const combined: LoadResult = {
    ...first,
    ...aggregateRepetitions(windows),
    durationS: scenario.durationS,
    repetitions: windows,
    notes,
  };
  if (lags.length > 0) {
    combined.openLoop = {
      scheduled: sum((l) => l.scheduled),
      queued: sum((l) => l.queued),
      dropped: sum((l) => l.dropped),
      sendLagMeanMs: lags.reduce((a, l) => a + l.sendLagMeanMs * l.scheduled, 0) / Math.max(1, sum((l) => l.scheduled)),
      sendLagMaxMs: Math.max(...lags.map((l) => l.sendLagMaxMs)),
      backlogAtStop: sum((l) => l.backlogAtStop),
      backlogAtStopOldestWaitMs: Math.max(...lags.map((l) => l.backlogAtStopOldestWaitMs ?? 0)),
    };
  }
  return combined;
}

export function createLoadFamily(options: LoadFamilyOptions = {}): Family {
  return {
    name: "load",
    describe: "latency, throughput and CPU per call under equal closed- and open-loop load on every arm (server and end-to-end views)",
    run: (ctx) => runFamily(ctx, options),
  };
}

export const family: Family = createLoadFamily();
