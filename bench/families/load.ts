// The load family: equal load at the gRPC and REST servers, latency distribution, throughput and CPU per call.
// Scenarios are data (below); the engine lives in bench/load/ and bench/drivers/. Per-profile settings live here.
//
// Budget: the quick profile gets about 60 s of the 2-minute run: 10 scenarios × (0.75 s warm-up + 3 × 1.5 s).
import type { Family, FamilyContext } from "../family.js";
import { pinSelf, planPinning } from "../cpu/cpu-pinning.js";
import type { LoadResult } from "../model/load-result.js";
import type { ProfileName } from "../model/report.js";
import type { Protocol } from "../model/measurement.js";
import { defineScenario, resolveScenarios, type ResolvedScenario, type ScenarioDefaults, type ScenarioInput } from "../load/load-scenario.js";
import { failedMeasurement, loadConfigOf, runLoadScenario } from "../load/run-load.js";
import { AGGREGATION_NOTE, aggregateRepetitions } from "../load/aggregate-repetitions.js";
import { startServerProcess, type ServerProcess } from "../server-process/server-process.js";

export const LOAD_DEFAULTS: Record<ProfileName, ScenarioDefaults> = {
  quick: { concurrency: 32, grpcConnections: 4, warmupS: 0.75, durationS: 1.5, repetitions: 3, timeoutMs: 10_000 },
  full: { concurrency: 32, grpcConnections: 4, warmupS: 3, durationS: 5, repetitions: 5, timeoutMs: 10_000 },
};

/** The open-loop rate: half the slower protocol's closed-loop server-view throughput for the same call, the same for both protocols. */
const OPEN_RATE = { fractionOfClosed: 0.5, fallbackRps: 1000 } as const;

const both = (make: (protocol: Protocol) => ScenarioInput): ScenarioInput[] => [make("grpc"), make("rest")];

const serverViewClosed = [
  ...both((protocol) => defineScenario({ protocol, view: "server", payload: "small", mode: "closed" })),
  ...both((protocol) => defineScenario({ protocol, view: "server", payload: "medium", mode: "closed" })),
  ...both((protocol) => defineScenario({ protocol, view: "server", payload: "large", mode: "closed" })),
];

export const LOAD_SCENARIOS: Record<ProfileName, ScenarioInput[]> = {
  quick: [
    ...serverViewClosed,
    ...both((protocol) => defineScenario({ protocol, view: "end-to-end", payload: "small", mode: "closed" })),
    ...both((protocol) => defineScenario({ protocol, view: "server", payload: "small", mode: "open", rate: OPEN_RATE })),
  ],
  full: [
    ...serverViewClosed,
    // One call in flight: latency without queueing.
    ...both((protocol) => defineScenario({ protocol, view: "server", payload: "small", mode: "closed", concurrency: 1 })),
    ...both((protocol) => defineScenario({ protocol, view: "end-to-end", payload: "small", mode: "closed" })),
    ...both((protocol) => defineScenario({ protocol, view: "end-to-end", payload: "medium", mode: "closed" })),
    ...both((protocol) => defineScenario({ protocol, view: "end-to-end", payload: "large", mode: "closed" })),
    ...both((protocol) => defineScenario({ protocol, view: "server", payload: "small", mode: "open", rate: OPEN_RATE })),
    ...both((protocol) => defineScenario({ protocol, view: "server", payload: "medium", mode: "open", rate: OPEN_RATE })),
  ],
};

/** Open-loop rate for a scenario, from the closed-loop results already measured in this run. */
export function resolveOpenRate(scenario: ResolvedScenario, measured: readonly LoadResult[]): { rps: number; how: string } {
  const rate = scenario.rate;
  if (rate === null) throw new Error(`${scenario.id} is not an open-loop scenario`);
  if (typeof rate === "number") return { rps: rate, how: "fixed" };
  const closed = measured.filter(
    (r) => r.mode === "closed" && r.view === "server" && r.call === scenario.call && r.payload === scenario.payload && r.endReason === "completed" && r.concurrency === scenario.concurrency,
  );
  const protocols = new Set(closed.map((r) => r.protocol));
  if (!protocols.has("grpc") || !protocols.has("rest")) {
    return { rps: rate.fallbackRps, how: `fallback ${rate.fallbackRps} rps (closed-loop throughput of both protocols not available)` };
  }
  const slowest = Math.min(...closed.map((r) => r.throughputRps));
  const rps = Math.max(1, Math.round(slowest * rate.fractionOfClosed));
  return { rps, how: `${rate.fractionOfClosed} × the slower protocol's closed-loop throughput (${slowest.toFixed(0)} rps)` };
}

async function runFamily(ctx: FamilyContext): Promise<void> {
  const scenarios = resolveScenarios(LOAD_SCENARIOS[ctx.profile], LOAD_DEFAULTS[ctx.profile]);
  const remote: Record<Protocol, string | null> = { grpc: ctx.targets.grpc, rest: ctx.targets.rest };
  const needsLocal = (["grpc", "rest"] as const).filter((p) => remote[p] === null && scenarios.some((s) => s.protocol === p));
  const plan = planPinning(needsLocal.length > 0);
  if (needsLocal.length > 0 && (plan.server === null || plan.client === null)) ctx.caveat(plan.note);
  if (remote.grpc !== null || remote.rest !== null) {
    ctx.caveat(`load: remote target(s) ${[remote.grpc, remote.rest].filter(Boolean).join(", ")}: server CPU and memory not measured for them`);
  }
  if (remote.grpc !== null && remote.rest === null && needsLocal.includes("rest")) ctx.caveat("load: gRPC measured remotely but REST on a local server: not the same setup");
  if (remote.rest !== null && remote.grpc === null && needsLocal.includes("grpc")) ctx.caveat("load: REST measured remotely but gRPC on a local server: not the same setup");

  const servers = new Map<string, ServerProcess>();
  const startFailures = new Map<string, string>();
  const serverFor = async (arm: string): Promise<ServerProcess | null> => {
    const existing = servers.get(arm);
    if (existing?.alive) return existing;
    if (startFailures.has(arm)) return null;
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
      for (const caveat of server.caveats) ctx.caveat(`server ${arm}: ${caveat}`);
      return server;
    } catch (error) {
      startFailures.set(arm, (error as Error).message);
      return null;
    }
  };

  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  if (plan.client !== null && restore === null) ctx.caveat(`load: could not pin the load generator to CPU ${plan.client}`);
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const measured: LoadResult[] = [];
  const t0 = Date.now();
  try {
    for (const [i, scenario] of scenarios.entries()) {
      if (ctx.signal.aborted) break;
      const target = remote[scenario.protocol];
      const server = target === null ? await serverFor(scenario.server) : null;
      const label = `${i + 1}/${scenarios.length} ${scenario.id}`;
      if (target === null && server === null) {
        const failure = startFailures.get(scenario.server) ?? "server did not start";
        const config = loadConfigOf({ scenario, target: "", server: null, pinning }, null);
        const reps = [failedMeasurement("server-start", failure)];
        const entry: LoadResult = { ...config, ...aggregateRepetitions(reps), durationS: scenario.durationS, repetitions: reps, coordinatedOmissionCorrected: scenario.mode === "open", aggregation: AGGREGATION_NOTE, notes: [failure] };
        ctx.record("load", entry);
        measured.push(entry);
        continue;
      }
      const rate = scenario.mode === "open" ? resolveOpenRate(scenario, measured) : null;
      ctx.progress(`${label} starting`);
      const result = await runLoadScenario({
        scenario,
        target: target ?? (server as ServerProcess).target,
        server,
        ...(rate !== null ? { rateRps: rate.rps } : {}),
        pinning: server === null ? { server: null, client: pinning.client } : pinning,
        signal: ctx.signal,
        onProgress: (p) =>
          ctx.progress(
            `${label} ${p.phase === "warmup" ? "warm-up" : `rep ${p.repetition}/${scenario.repetitions}`} ${((Date.now() - t0) / 1000).toFixed(0)} s, ${p.okTotal} calls${p.errorTotal > 0 ? `, ${p.errorTotal} errors` : ""}`,
          ),
      });
      if (rate !== null) result.notes = [...(result.notes ?? []), `open-loop rate: ${rate.how}`];
      ctx.record("load", result);
      measured.push(result);
      if (result.driverSaturated) ctx.caveat(`load: the load generator was saturated in ${scenario.id}: its throughput is a lower bound`);
      if (result.endReason === "failed") ctx.caveat(`load: ${scenario.id} failed: ${result.failure ?? "unknown"}`);
    }
  } finally {
    restore?.();
    await Promise.all([...servers.values()].map((s) => s.stop().catch(() => {})));
  }
}

export const family: Family = {
  name: "load",
  describe: "latency, throughput and CPU per call under equal closed- and open-loop load (server and end-to-end views)",
  run: runFamily,
};
