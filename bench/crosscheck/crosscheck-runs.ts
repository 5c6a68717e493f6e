// The three measurements of `npm run bench:crosscheck` (bench/crosscheck.ts parses and checks the options, then
// loads this): our server-view drivers vs h2load and wrk in rotating rounds of adjacent windows, `--cpu-cv`'s
// interleaved runs of server CPU per call, and `--soak`'s open-loop memory check. Results go to stdout, progress
// and skips to stderr.
import { pinSelf, planPinning } from "../cpu/cpu-pinning.js";
import { runNoiseProbe } from "../cpu/noise-probe.js";
import { readCpuTicks, readProcStat, stealFraction } from "../cpu/cpu-steal.js";
import { coefficientOfVariation, type RatioEstimate } from "../analysis/statistics.js";
import { callSpec } from "../load/call-spec.js";
import { resolveScenario, type DriverName, type ScenarioDefaults } from "../load/load-scenario.js";
import { runLoadScenario } from "../load/run-load.js";
import type { LoadResult } from "../model/load-result.js";
import { startServerProcess, type ServerProcess } from "../server-process/server-process.js";
import { ARM_CASES, TOOL_PACKAGES, type CrosscheckArm, type CrosscheckOptions } from "./crosscheck-options.js";
import { hasTool, runH2load, runWrk, type NeutralRun } from "./neutral-tools.js";
import { rotated, summarizePair, withoutSteal, type CrosscheckWindow, type PairSummary } from "./paired-windows.js";

const log = (line: string) => process.stderr.write(`${line}\n`);

async function ours(server: ServerProcess, arm: CrosscheckArm, driver: DriverName, o: CrosscheckOptions, pinning: { server: string | null; client: string | null }, signal: AbortSignal): Promise<LoadResult> {
  const defaults: ScenarioDefaults = { concurrency: o.concurrency, h2Connections: o.grpcConnections, warmupS: o.warmupS, durationS: o.durationS, repetitions: 1, timeoutMs: 10_000 };
  const scenario = resolveScenario({ arm, view: "server", payload: o.payload, mode: "closed", driver }, defaults);
  const result = await runLoadScenario({ scenario, target: server.target, server, pinning, signal });
  if (result.endReason !== "completed") throw new Error(`${scenario.id}: ${result.endReason}: ${result.failure ?? ""}`);
  return result;
}

/** A window as a driver measures it; the round adds the steal around it. */
type MeasuredWindow = Omit<CrosscheckWindow, "steal">;

/** A neutral tool's window, with the server CPU µs spent while it ran (its connects included: a few ms of a window). */
async function theirs(server: ServerProcess, launch: () => Promise<NeutralRun>): Promise<MeasuredWindow> {
  const before = await server.cpuUsage();
  const run = await launch();
  const after = await server.cpuUsage();
  const serverCpuUs = after.user + after.system - (before.user + before.system);
  return { ok: run.succeeded, errors: run.failed, seconds: run.durationS, p50Ms: run.p50Ms, serverCpuUs, clientUtilization: null };
}

const f = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));

const fromLoadResult = (r: LoadResult): MeasuredWindow => ({
  ok: r.requests - r.errors.total,
  errors: r.errors.total,
  seconds: r.durationS,
  p50Ms: r.latencyMs.p50,
  serverCpuUs: r.serverCpuUsPerCall === null ? null : r.serverCpuUsPerCall * r.requests,
  clientUtilization: r.clientCpuUtilization,
});

interface Participant {
  driver: string;
  side: "ours" | "theirs";
  measure: () => Promise<MeasuredWindow>;
}

/**
 * Throughput of our server-view drivers against the neutral tools on one server process per arm. Each round
 * measures one short window per driver, in an order that rotates from round to round; the verdict is the paired
 * ratio over the rounds no steal touched (see crosscheck/paired-windows.ts for why).
 */
export async function crosscheck(o: CrosscheckOptions, signal: AbortSignal): Promise<void> {
  // The options were checked before this module was loaded (crosscheck-options.ts): whole streams, whole seconds for wrk.
  const streams = o.concurrency / o.grpcConnections;
  const found = { h2load: o.arms.some((arm) => ARM_CASES[arm].tool === "h2load") && hasTool("h2load"), wrk: o.arms.includes("rest") && hasTool("wrk") };
  for (const arm of o.arms) {
    const tool = ARM_CASES[arm].tool;
    if (!found[tool]) log(`crosscheck: ${tool} not found (Debian package ${TOOL_PACKAGES[tool]}): ${ARM_CASES[arm].label} crosscheck skipped`);
  }
  if (!found.h2load && !found.wrk) return;
  const plan = planPinning();
  log(`crosscheck: ${plan.note}`);
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const spec = callSpec(o.payload);
  const summaries: { scenario: string; ours: string; theirs: string; summary: PairSummary | null }[] = [];
  const servers: ServerProcess[] = [];
  // A noisy spell lengthens the run (up to twice the rounds) instead of diluting the verdict.
  const maxRounds = 2 * o.rounds;
  const minCleanRounds = Math.max(2, Math.ceil(o.rounds / 4));
  let stealReadable = true;
  const hostTicks = () => {
    const stat = readProcStat();
    return { server: readCpuTicks(pinning.server, stat), client: readCpuTicks(pinning.client, stat) };
  };
  try {
    for (const arm of o.arms) {
      const armCase = ARM_CASES[arm];
      if (signal.aborted || !found[armCase.tool]) continue;
      const server = await startServerProcess({ arm, cpus: plan.server });
      servers.push(server);
      const mine = (driver: DriverName): Participant => ({ driver, side: "ours", measure: async () => fromLoadResult(await ours(server, arm, driver, o, pinning, signal)) });
      // The same calls in flight, carried as our driver carries them: HTTP/2 connections × streams, or one per call.
      const neutral = (): Promise<NeutralRun> =>
        armCase.tool === "wrk"
          ? runWrk({ url: new URL(spec.restPath, server.target).toString(), connections: o.concurrency, durationS: o.durationS, cpus: pinning.client })
          : runH2load({
              target: server.target,
              // gRPC: a POST of the request frame to the method; REST over h2c: a GET of the REST path, no body
              ...(arm === "grpc" ? { path: spec.grpcPath, frame: spec.requestFrame } : { path: spec.restPath, frame: null }),
              connections: o.grpcConnections,
              streamsPerConnection: streams,
              durationS: o.durationS,
              warmupS: 0,
              cpus: pinning.client,
            });
      const participants: Participant[] = [
        mine(armCase.driver),
        { driver: armCase.tool, side: "theirs", measure: () => theirs(server, neutral) },
        ...(o.allDrivers ? armCase.extraDrivers.map(mine) : []),
      ];
      const label = armCase.label;
      // One window each before any counts: JIT, the server's heap and its connection handling reach steady state.
      log(`crosscheck: ${label}: one unrecorded window per driver first`);
      for (const p of participants) if (!signal.aborted) await p.measure().catch(rethrowUnlessAborted(signal));
      const windows = new Map<string, (CrosscheckWindow | undefined)[]>(participants.map((p) => [p.driver, []]));
      const protocolStarted = performance.now();
      let clean = 0;
      for (let round = 1; clean < o.rounds && round <= maxRounds && !signal.aborted; round++) {
        const parts: string[] = [];
        let roundClean = true;
        for (const p of rotated(participants, round)) {
          const before = hostTicks();
          const measuredWindow = signal.aborted ? undefined : await p.measure().catch(rethrowUnlessAborted(signal));
          if (measuredWindow === undefined) break;
          const after = hostTicks();
          const steal = { server: stealFraction(before.server, after.server), client: stealFraction(before.client, after.client) };
          if (steal.server === null) stealReadable = false;
          const w: CrosscheckWindow = { ...measuredWindow, steal };
          windows.get(p.driver)![round - 1] = w;
          roundClean &&= withoutSteal(w, o.maxSteal);
          const stolen = steal.server === null ? "" : `, steal ${pct0(steal.server)}/${pct0(steal.client ?? 0)}`;
          parts.push(`${p.driver} ${f(w.ok / w.seconds)} calls/s (server ${w.serverCpuUs === null ? "-" : (w.serverCpuUs / 1e6 / w.seconds).toFixed(2)} busy${stolen})`);
        }
        if (signal.aborted) break;
        if (roundClean) clean++;
        const perRoundS = (performance.now() - protocolStarted) / 1000 / round;
        const leftRounds = Math.min(maxRounds - round, Math.ceil((o.rounds - clean) * (round / Math.max(clean, 1))));
        log(`crosscheck: ${label} round ${round}: ${parts.join(", ")}; ${clean}/${o.rounds} rounds without steal, about ${Math.ceil((leftRounds * perRoundS) / 60)} min left for ${label}`);
      }
      const theirsDriver = participants.find((p) => p.side === "theirs")!.driver;
      const scenario = `${arm} ${spec.call}/${o.payload} ${armCase.h2 ? `c${o.grpcConnections}x${streams}` : `c${o.concurrency}`}`;
      for (const p of participants.filter((x) => x.side === "ours")) {
        summaries.push({ scenario, ours: p.driver, theirs: theirsDriver, summary: summarizePair(windows.get(p.driver)!, windows.get(theirsDriver)!, o.maxSteal) });
      }
    }
  } finally {
    restore?.();
    await Promise.all(servers.map((s) => s.stop()));
  }
  if (signal.aborted) log("crosscheck: interrupted; the figures cover the rounds measured so far");
  const r3 = (x: number) => x.toFixed(3);
  const ci = (e: RatioEstimate) => `${r3(e.ratio)} (${e.ci95 === null ? "-" : `${r3(e.ci95[0])}–${r3(e.ci95[1])}`})`;
  const verdict = (s: PairSummary) =>
    s.clean === null || s.clean.rounds < minCleanRounds ? `inconclusive: ${s.clean?.rounds ?? 0} rounds without steal, ${minCleanRounds} needed` : s.clean.rpsRatio.ratio >= 0.95 ? "yes" : "NO";
  const line = ({ scenario, ours: a, theirs: b, summary: s }: (typeof summaries)[number]) => {
    if (s === null) return `| ${scenario} | ${a} | ${b} | 0 | - | - | - | - | - | - | - | - | - | - | - | - | - | - | no round measured |`;
    const c = s.clean;
    const steal = `${s.meanSteal.ours === null ? "-" : pct0(s.meanSteal.ours)}/${s.meanSteal.theirs === null ? "-" : pct0(s.meanSteal.theirs)}`;
    if (c === null) return `| ${scenario} | ${a} | ${b} | 0/${s.measuredRounds} | - | - | - | ${ci(s.allRounds)} | - | - | - | - | - | - | - | - | ${steal} | ${s.errors.ours}/${s.errors.theirs} | ${verdict(s)} |`;
    return `| ${scenario} | ${a} | ${b} | ${c.rounds}/${s.measuredRounds} | ${f(c.oursRps)} | ${f(c.theirsRps)} | ${ci(c.rpsRatio)} | ${ci(s.allRounds)} | ${r3(c.totalsRatio)} | ${r3(c.singleRound[0])}–${r3(c.singleRound[1])} | ${f(c.serverCpuUsPerCall.ours, 1)} | ${f(c.serverCpuUsPerCall.theirs, 1)} | ${f(c.serverBusy.ours, 2)} | ${f(c.serverBusy.theirs, 2)} | ${f(c.oursClientUtilization, 2)} | ${f(c.p50Ratio, 3)} | ${steal} | ${s.errors.ours}/${s.errors.theirs} | ${verdict(s)} |`;
  };
  /** The verdict of one row in a line that names its scenario, e.g. "json-h2 GetUser/small c4x8: ours (h2-frames)/h2load = …". */
  const headline = ({ scenario, ours: a, theirs: b, summary: s }: (typeof summaries)[number]) =>
    s === null
      ? `${scenario}: ours (${a})/${b}: no round measured`
      : `${scenario}: ours (${a})/${b} = ${s.clean === null ? "-" : ci(s.clean.rpsRatio)} over ${s.clean?.rounds ?? 0} rounds without steal (every round: ${ci(s.allRounds)}); >= 0.95: ${verdict(s)}`;
  process.stdout.write(
    [
      `crosscheck: our server-view drivers vs the neutral tools on the same server process and concurrency. Each round measures one ${o.durationS} s window per driver,`,
      `the order rotating from round to round, until ${o.rounds} rounds without steal (at most ${maxRounds} rounds) per arm; ${pinning.client === null ? "NOT pinned" : `server CPU ${pinning.server}, load generators CPU ${pinning.client}`}.`,
      "",
      `| scenario | ours | theirs | rounds without steal / measured | ours rps | theirs rps | rps ours/theirs (95% CI) | every round, steal or not | total/total | one round alone (10–90%) | server µs/call ours | theirs | server busy ours | theirs | our client CPU util | p50 ours/theirs | mean steal % ours/theirs | errors ours/theirs | ours >= 0.95 of theirs |`,
      "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
      ...summaries.map(line),
      "",
      ...summaries.map(headline),
      "",
      `rps ours/theirs is the geometric mean of the per-round ratios with a paired 95% CI, over the rounds in which the hypervisor took at most ${Number((o.maxSteal * 100).toFixed(2))}%`,
      "of the server's and of the load generator's CPU (steal, /proc/stat) in every window: a window whose CPU was taken away measures the host, not the driver,",
      `and no driver can cause steal. Done when it is >= 0.95 over at least ${minCleanRounds} such rounds. The figures after it are over the same rounds.`,
      ...(stealReadable ? [] : ["Steal could not be read here (/proc/stat), so every round counted."]),
      "One round alone shows what a single back-to-back pair would have said: on a shared host it swings with the machine, which is why the verdict pools many.",
      "Server busy is the server's CPU seconds per wall second (1 = its pinned core saturated): a driver that cannot feed the server shows below 1.",
      "Server µs/call should match: a driver that makes the server work differently is not a fair driver. A client CPU utilization well under 1 shows",
      "our driver had headroom. Our drivers start the clock once their connections are open; h2load and wrk count from their first connect (loopback: < 1 ms).",
      "",
    ].join("\n"),
  );
}

const pct0 = (x: number) => `${(x * 100).toFixed(0)}%`;

/**
 * An interrupted window ends the run quietly (the rounds before it are kept); any other failure is the run's.
 * Ctrl-C reaches h2load and wrk too, and their exit can be seen before our own SIGINT handler has run: wait a moment.
 */
const rethrowUnlessAborted =
  (signal: AbortSignal) =>
  async (error: unknown): Promise<undefined> => {
    if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 200));
    if (signal.aborted) return undefined;
    throw error;
  };

/**
 * Server CPU µs/call of N runs per protocol. Each run is `slices` measured windows, and the windows of all runs and
 * both protocols are interleaved round-robin (as the load family interleaves repetitions): the host's slow drift
 * (tens of seconds here) then falls on every run alike instead of on whichever run it happened to meet. A run's
 * figure is its total server CPU over its total completed calls. `--slices 1` gives N contiguous runs.
 */
export async function cpuCv(o: CrosscheckOptions, signal: AbortSignal): Promise<void> {
  const plan = planPinning();
  log(`crosscheck --cpu-cv: ${plan.note}`);
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const servers = new Map<CrosscheckArm, ServerProcess>();
  const runs = new Map<CrosscheckArm, { cpuUs: number; calls: number; seconds: number }[]>();
  for (const arm of o.arms) runs.set(arm, Array.from({ length: o.runs }, () => ({ cpuUs: 0, calls: 0, seconds: 0 })));
  const sliceS = o.durationS / o.slices;
  const probes: number[] = [];
  try {
    for (const arm of o.arms) servers.set(arm, await startServerProcess({ arm, cpus: plan.server }));
    for (let slice = 1; slice <= o.slices && !signal.aborted; slice++) {
      const probe = runNoiseProbe(plan.server);
      if (probe !== null) probes.push(probe);
      // Rotated positions (run k opens round k, protocols swap every round): whatever the position in a round
      // does to a window (the probe just before it, the server's garbage building up) falls on all runs alike.
      for (let position = 0; position < o.runs && !signal.aborted; position++) {
        const i = (position + slice - 1) % o.runs;
        for (const arm of slice % 2 === 1 ? o.arms : [...o.arms].reverse()) {
          const r = await ours(servers.get(arm) as ServerProcess, arm, ARM_CASES[arm].driver, { ...o, durationS: sliceS }, pinning, signal);
          const run = runs.get(arm)![i]!;
          if (r.serverCpuUsPerCall === null) throw new Error(`${arm}: the server's CPU time could not be read`);
          log(`crosscheck --cpu-cv: window ${slice}/${o.slices} of run ${i + 1}/${o.runs} ${arm}: ${r.serverCpuUsPerCall.toFixed(1)} µs/call, ${r.throughputRps.toFixed(0)} calls/s`);
          run.cpuUs += r.serverCpuUsPerCall * r.requests;
          run.calls += r.requests;
          run.seconds += r.durationS;
        }
      }
    }
  } finally {
    restore?.();
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
  if (signal.aborted) log("crosscheck --cpu-cv: interrupted; the figures cover the windows measured so far");
  const shape = o.slices === 1 ? `${o.durationS} s each, contiguous` : `each ${o.slices} windows of ${sliceS} s, interleaved round-robin across runs and protocols, positions rotated`;
  const lines = [`server CPU µs per call, ${o.runs} runs per protocol, a run's figure its total CPU over its total calls (${shape}; warm-up ${o.warmupS} s before every window; concurrency ${o.concurrency}, ${o.payload}, ${pinning.client === null ? "NOT pinned" : `server CPU ${pinning.server}`})`, ""];
  lines.push("| protocol | runs (µs/call) | mean | sd | CV % | CV <= 5% | throughput of each run (calls/s) |", "|---|---|---:|---:|---:|---|---|");
  for (const arm of o.arms) {
    const measured = runs.get(arm)!.filter((r) => r.calls > 0);
    if (measured.length === 0) continue;
    const values = measured.map((r) => r.cpuUs / r.calls);
    const { mean, sd, cvPct } = coefficientOfVariation(values);
    lines.push(
      `| ${arm} | ${values.map((v) => v.toFixed(1)).join(", ")} | ${mean.toFixed(1)} | ${sd.toFixed(2)} | ${cvPct.toFixed(2)} | ${cvPct <= 5 ? "yes" : "NO"} | ${measured.map((r) => (r.calls / r.seconds).toFixed(0)).join(", ")} |`,
    );
  }
  if (probes.length > 1) {
    const { cvPct } = coefficientOfVariation(probes);
    lines.push(
      "",
      `machine noise probe (memory-bound reference loop on the server CPU, before each round of windows): ${probes.map((p) => p.toFixed(0)).join(", ")} ms, CV ${cvPct.toFixed(2)} %.`,
      cvPct > 2.5
        ? "The reference loop itself moved: the host's speed changed during the measurement (other tenants); interleaving spreads that over all runs but does not remove it."
        : "The reference loop was steady: the spread above is the server's own.",
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** The open-loop memory check: no per-call state, so the load generator's RSS stays flat however long it runs. */
export async function soak(o: CrosscheckOptions, seconds: number, signal: AbortSignal): Promise<void> {
  const plan = planPinning();
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const lines = [`open-loop soak: ${seconds} s per protocol at ${o.rate} calls/s, load generator RSS sampled every 5 s`, ""];
  lines.push("| protocol | driver | calls | errors | p50 ms | p99 ms | RSS start MB | RSS max MB | RSS end MB | peak RSS MB | < 150 MB |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  try {
    for (const arm of o.arms) {
      if (signal.aborted) break;
      const server = await startServerProcess({ arm, cpus: plan.server });
      const rss: number[] = [];
      const sample = () => rss.push(process.memoryUsage.rss() / 2 ** 20);
      sample();
      const timer = setInterval(sample, 5000);
      try {
        log(`crosscheck --soak: ${arm} for ${seconds} s`);
        const scenario = resolveScenario(
          { arm, view: "server", payload: o.payload, mode: "open", rate: o.rate },
          { concurrency: o.concurrency, h2Connections: o.grpcConnections, warmupS: o.warmupS, durationS: seconds, repetitions: 1, timeoutMs: 10_000 },
        );
        const r = await runLoadScenario({ scenario, target: server.target, server, pinning, signal, onProgress: (p) => log(`crosscheck --soak: ${arm} ${p.elapsedS.toFixed(0)} s, ${p.okTotal} calls, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`) });
        sample();
        const peak = r.clientPeakRssMb ?? Math.max(...rss);
        lines.push(
          `| ${arm} | ${r.driver} | ${r.requests} | ${r.errors.total} | ${f(r.latencyMs.p50, 3)} | ${f(r.latencyMs.p99, 3)} | ${f(rss[0])} | ${f(Math.max(...rss))} | ${f(rss.at(-1))} | ${f(peak)} | ${peak < 150 ? "yes" : "NO"} |`,
        );
      } finally {
        clearInterval(timer);
        await server.stop();
      }
    }
  } finally {
    restore?.();
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}
