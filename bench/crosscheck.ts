// CLI: `npm run bench:crosscheck [-- options]` — is our load generator measuring the server, or itself?
// Runs our server-view drivers and the neutral C tools back to back against the same pinned server process at
// the same concurrency and duration, and prints ours/theirs ratios (throughput, p50, server CPU per call).
// `--cpu-cv` instead measures N runs per protocol (interleaved windows) and prints server CPU µs/call with its coefficient of
// variation. Prints to stdout (the result); progress and skips go to stderr.
import { parseArgs } from "node:util";
import { pinSelf, planPinning } from "./cpu/cpu-pinning.js";
import { median } from "./analysis/statistics.js";
import { runNoiseProbe } from "./cpu/noise-probe.js";
import { hasTool, runH2load, runWrk, type NeutralRun } from "./crosscheck/neutral-tools.js";
import { coefficientOfVariation } from "./crosscheck/coefficient-of-variation.js";
import { callSpec } from "./load/call-spec.js";
import { resolveScenario, type DriverName, type ScenarioDefaults } from "./load/load-scenario.js";
import { runLoadScenario } from "./load/run-load.js";
import type { LoadResult } from "./model/load-result.js";
import type { PayloadClass, Protocol } from "./model/measurement.js";
import { startServerProcess, type ServerProcess } from "./server-process/server-process.js";

const USAGE = `usage: npm run bench:crosscheck -- [--duration S] [--warmup S] [--rounds N] [--payload small|medium|large]
                                  [--concurrency N] [--grpc-connections N] [--protocol grpc|rest]
                                  [--cpu-cv [--runs N] [--slices K]] [--soak S [--rate RPS]]
  default: our driver vs h2load (gRPC) and vs wrk (REST), back to back, --rounds times (default 3; the verdict is the median ratio); prints ours/theirs
  --cpu-cv: N runs (default 5) per protocol with our server-view drivers; prints server CPU µs/call and its CV.
            A run is --duration S (default 40) measured in K windows (default 40), interleaved across runs and
            protocols so the host's drift falls on all runs alike; --slices 1 gives contiguous runs
  --soak S: an S-second open-loop run per protocol at --rate (default 2000/s); prints the load generator's RSS`;

class UsageError extends Error {}

interface Options {
  durationS: number;
  warmupS: number;
  rounds: number;
  payload: PayloadClass;
  concurrency: number;
  grpcConnections: number;
  cpuCv: boolean;
  runs: number;
  slices: number;
  soakS: number | null;
  rate: number;
  protocols: Protocol[];
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      rounds: { type: "string" },
      payload: { type: "string" },
      concurrency: { type: "string" },
      "grpc-connections": { type: "string" },
      "cpu-cv": { type: "boolean" },
      runs: { type: "string" },
      slices: { type: "string" },
      soak: { type: "string" },
      rate: { type: "string" },
      protocol: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const num = (name: string, value: string | undefined, fallback: number, integer = false): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be a positive ${integer ? "integer" : "number"}, got ${value}`);
    return n;
  };
  const payload = (values.payload ?? "small") as PayloadClass;
  if (!["small", "medium", "large", "xlarge"].includes(payload)) throw new UsageError(`--payload must be small, medium, large or xlarge, got ${values.payload}`);
  return {
    // --cpu-cv: a run's measured seconds in all (40 windows of 1 s, each after a 0.25 s warm-up)
    durationS: num("duration", values.duration, values["cpu-cv"] ? 40 : 5),
    warmupS: num("warmup", values.warmup, values["cpu-cv"] ? 0.25 : 1),
    rounds: num("rounds", values.rounds, 3, true),
    payload,
    concurrency: num("concurrency", values.concurrency, 32, true),
    grpcConnections: num("grpc-connections", values["grpc-connections"], 4, true),
    cpuCv: values["cpu-cv"] ?? false,
    runs: num("runs", values.runs, 5, true),
    slices: num("slices", values.slices, values["cpu-cv"] ? 40 : 1, true),
    soakS: values.soak === undefined ? null : num("soak", values.soak, 600),
    rate: num("rate", values.rate, 2000),
    protocols: protocolsOf(values.protocol),
  };
}

function protocolsOf(value: string | undefined): Protocol[] {
  if (value === undefined) return ["grpc", "rest"];
  if (value !== "grpc" && value !== "rest") throw new UsageError(`--protocol must be grpc or rest, got ${value}`);
  return [value];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function ours(server: ServerProcess, protocol: Protocol, driver: DriverName, o: Options, pinning: { server: string | null; client: string | null }, signal: AbortSignal): Promise<LoadResult> {
  const defaults: ScenarioDefaults = { concurrency: o.concurrency, grpcConnections: o.grpcConnections, warmupS: o.warmupS, durationS: o.durationS, repetitions: 1, timeoutMs: 10_000 };
  const scenario = resolveScenario({ protocol, view: "server", payload: o.payload, mode: "closed", driver }, defaults);
  const result = await runLoadScenario({ scenario, target: server.target, server, pinning, signal });
  if (result.endReason !== "completed") throw new Error(`${scenario.id}: ${result.endReason}: ${result.failure ?? ""}`);
  return result;
}

/** Server CPU µs per call while a neutral tool ran. */
async function theirs(server: ServerProcess, launch: () => Promise<NeutralRun>): Promise<{ run: NeutralRun; serverCpuUsPerCall: number | null }> {
  const before = await server.cpuUsage();
  const run = await launch();
  const after = await server.cpuUsage();
  const cpu = after.user + after.system - (before.user + before.system);
  return { run, serverCpuUsPerCall: run.completed > 0 ? cpu / run.completed : null };
}

/** Ours first in odd rounds, theirs first in even ones (ABBA): drift within a round favours neither side. */
async function inAlternatingOrder<A, B>(round: number, runOurs: () => Promise<A>, runTheirs: () => Promise<B>): Promise<[A, B]> {
  if (round % 2 === 1) {
    const a = await runOurs();
    return [a, await runTheirs()];
  }
  const b = await runTheirs();
  return [await runOurs(), b];
}

const f = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? "-" : n.toFixed(digits));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? "-" : (a / b).toFixed(3));

async function crosscheck(o: Options, signal: AbortSignal): Promise<void> {
  const tools = { h2load: o.protocols.includes("grpc") && hasTool("h2load"), wrk: o.protocols.includes("rest") && hasTool("wrk") };
  if (o.protocols.includes("grpc") && !tools.h2load) log("crosscheck: h2load not found (Debian package nghttp2-client): gRPC crosscheck skipped");
  if (o.protocols.includes("rest") && !tools.wrk) log("crosscheck: wrk not found (Debian package wrk): REST crosscheck skipped");
  if (!tools.h2load && !tools.wrk) return;
  const plan = planPinning();
  log(`crosscheck: ${plan.note}`);
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const spec = callSpec(o.payload);
  const rows: string[] = [];
  const pairs = new Map<string, PairRounds>();
  const record = (scenario: string, driver: string, a: LoadResult, b: { run: NeutralRun; serverCpuUsPerCall: number | null }) => {
    rows.push(row(scenario, driver, a, b));
    const key = `${scenario} | ${driver} vs ${b.run.tool}`;
    const pair = pairs.get(key) ?? { rps: [], serverCpu: [], clientUtil: [], serverBusyOurs: [], serverBusyTheirs: [] };
    if (b.run.throughputRps > 0) pair.rps.push(a.throughputRps / b.run.throughputRps);
    if (a.serverCpuUsPerCall !== null && b.serverCpuUsPerCall !== null) pair.serverCpu.push(a.serverCpuUsPerCall / b.serverCpuUsPerCall);
    if (a.clientCpuUtilization !== null) pair.clientUtil.push(a.clientCpuUtilization);
    // Server CPU time per wall second: ~1 while the pinned server is saturated, below 1 when a driver cannot feed it.
    if (a.serverCpuUsPerCall !== null) pair.serverBusyOurs.push((a.throughputRps * a.serverCpuUsPerCall) / 1e6);
    if (b.serverCpuUsPerCall !== null) pair.serverBusyTheirs.push((b.run.throughputRps * b.serverCpuUsPerCall) / 1e6);
    pairs.set(key, pair);
  };
  const servers: ServerProcess[] = [];
  try {
    if (tools.h2load) {
      const server = await startServerProcess({ arm: "grpc", cpus: plan.server });
      servers.push(server);
      const streams = o.concurrency / o.grpcConnections;
      if (!Number.isInteger(streams)) throw new UsageError(`--concurrency ${o.concurrency} is not a multiple of --grpc-connections ${o.grpcConnections}`);
      for (let round = 1; round <= o.rounds && !signal.aborted; round++) {
        // h2-node (node:http2) is shown too: it is the obvious design, and the row shows why it is not the default.
        for (const driver of ["h2-frames", "h2-node"] as const) {
          const [a, b] = await inAlternatingOrder(
            round,
            () => (log(`crosscheck: gRPC round ${round}/${o.rounds}: ${driver}`), ours(server, "grpc", driver, o, pinning, signal)),
            () => (
              log(`crosscheck: gRPC round ${round}/${o.rounds}: h2load`),
              theirs(server, () =>
                runH2load({ target: server.target, path: spec.grpcPath, frame: spec.requestFrame, connections: o.grpcConnections, streamsPerConnection: streams, durationS: o.durationS, warmupS: 0, cpus: pinning.client }),
              )
            ),
          );
          record(`grpc ${spec.call}/${o.payload} c${o.grpcConnections}x${streams}`, driver, a, b);
        }
      }
    }
    if (tools.wrk) {
      const server = await startServerProcess({ arm: "rest", cpus: plan.server });
      servers.push(server);
      for (let round = 1; round <= o.rounds && !signal.aborted; round++) {
        for (const driver of ["autocannon", "h1-lean"] as const) {
          const [a, b] = await inAlternatingOrder(
            round,
            () => (log(`crosscheck: REST round ${round}/${o.rounds}: ${driver}`), ours(server, "rest", driver, o, pinning, signal)),
            () => (
              log(`crosscheck: REST round ${round}/${o.rounds}: wrk`),
              theirs(server, () => runWrk({ url: new URL(spec.restPath, server.target).toString(), connections: o.concurrency, durationS: o.durationS, cpus: pinning.client }))
            ),
          );
          record(`rest ${spec.call}/${o.payload} c${o.concurrency}`, driver, a, b);
        }
      }
    }
  } finally {
    restore?.();
    await Promise.all(servers.map((s) => s.stop()));
  }
  process.stdout.write(
    [
      `crosscheck: our server-view drivers vs the neutral tools, same server process, concurrency ${o.concurrency}, ${o.durationS} s each, back to back (${pinning.client === null ? "NOT pinned" : `server CPU ${pinning.server}, load generators CPU ${pinning.client}`})`,
      "",
      "| scenario | ours | theirs | ours rps | theirs rps | rps ours/theirs | ours p50 ms | theirs p50 ms | p50 ours/theirs | server µs/call ours | theirs | ours client CPU util | errors ours/theirs |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
      ...rows,
      "",
      // One 5 s round swings ±20% on a shared host (the server is the bottleneck, and its speed moves with
      // other tenants), so the verdict is the median over interleaved rounds, with the spread shown.
      `Summary over ${o.rounds} interleaved round(s), ours first in odd rounds and theirs first in even ones: median (min–max) of the per-round ratios.`,
      "",
      "| pair | rps ours/theirs | server µs/call ours/theirs | our client CPU util | server busy, ours | server busy, theirs | ours >= 0.95 of theirs |",
      "|---|---:|---:|---:|---:|---:|---|",
      ...[...pairs].map(
        ([key, p]) =>
          `| ${key} | ${spread(p.rps)} | ${spread(p.serverCpu)} | ${spread(p.clientUtil, 2)} | ${spread(p.serverBusyOurs, 2)} | ${spread(p.serverBusyTheirs, 2)} | ${p.rps.length === 0 ? "-" : median(p.rps) >= 0.95 ? "yes" : "NO"} |`,
      ),
      "",
      "Done when the median rps ratio >= 0.95. Server µs/call should match: a driver that makes the server work differently is not a fair driver;",
      "a client CPU utilization well under 1 shows the driver had headroom, so the server, not the driver, set the pace.",
      "Server busy is the server's CPU seconds per wall second (1 = its pinned core saturated). When it is ~1 under both drivers, each kept",
      "the server saturated, and an rps ratio away from 1 is the host's speed changing between the back-to-back runs, not the driver.",
      "",
    ].join("\n"),
  );
}

interface PairRounds {
  rps: number[];
  serverCpu: number[];
  clientUtil: number[];
  serverBusyOurs: number[];
  serverBusyTheirs: number[];
}

function spread(values: readonly number[], digits = 3): string {
  if (values.length === 0) return "-";
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

function row(scenario: string, driver: string, a: LoadResult, b: { run: NeutralRun; serverCpuUsPerCall: number | null }): string {
  return `| ${scenario} | ${driver} | ${b.run.tool} | ${f(a.throughputRps)} | ${f(b.run.throughputRps)} | ${ratio(a.throughputRps, b.run.throughputRps)} | ${f(a.latencyMs.p50, 3)} | ${f(b.run.p50Ms, 3)} | ${ratio(a.latencyMs.p50, b.run.p50Ms)} | ${f(a.serverCpuUsPerCall, 1)} | ${f(b.serverCpuUsPerCall, 1)} | ${f(a.clientCpuUtilization, 2)} | ${a.errors.total}/${b.run.failed} |`;
}

/**
 * Server CPU µs/call of N runs per protocol. Each run is `slices` measured windows, and the windows of all runs and
 * both protocols are interleaved round-robin (as the load family interleaves repetitions): the host's slow drift
 * (tens of seconds here) then falls on every run alike instead of on whichever run it happened to meet. A run's
 * figure is its total server CPU over its total completed calls. `--slices 1` gives N contiguous runs.
 */
async function cpuCv(o: Options, signal: AbortSignal): Promise<void> {
  const plan = planPinning();
  log(`crosscheck --cpu-cv: ${plan.note}`);
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const servers = new Map<Protocol, ServerProcess>();
  const runs: Record<Protocol, { cpuUs: number; calls: number; seconds: number }[]> = { grpc: [], rest: [] };
  for (const protocol of o.protocols) for (let i = 0; i < o.runs; i++) runs[protocol].push({ cpuUs: 0, calls: 0, seconds: 0 });
  const sliceS = o.durationS / o.slices;
  const probes: number[] = [];
  try {
    for (const protocol of o.protocols) servers.set(protocol, await startServerProcess({ arm: protocol, cpus: plan.server }));
    for (let slice = 1; slice <= o.slices && !signal.aborted; slice++) {
      const probe = runNoiseProbe(plan.server);
      if (probe !== null) probes.push(probe);
      // Rotated positions (run k opens round k, protocols swap every round): whatever the position in a round
      // does to a window (the probe just before it, the server's garbage building up) falls on all runs alike.
      for (let position = 0; position < o.runs && !signal.aborted; position++) {
        const i = (position + slice - 1) % o.runs;
        for (const protocol of slice % 2 === 1 ? o.protocols : [...o.protocols].reverse()) {
          const r = await ours(servers.get(protocol) as ServerProcess, protocol, protocol === "grpc" ? "h2-frames" : "autocannon", { ...o, durationS: sliceS }, pinning, signal);
          const run = runs[protocol][i]!;
          if (r.serverCpuUsPerCall === null) throw new Error(`${protocol}: the server's CPU time could not be read`);
          log(`crosscheck --cpu-cv: window ${slice}/${o.slices} of run ${i + 1}/${o.runs} ${protocol}: ${r.serverCpuUsPerCall.toFixed(1)} µs/call, ${r.throughputRps.toFixed(0)} calls/s`);
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
  for (const protocol of o.protocols) {
    const measured = runs[protocol].filter((r) => r.calls > 0);
    if (measured.length === 0) continue;
    const values = measured.map((r) => r.cpuUs / r.calls);
    const { mean, sd, cvPct } = coefficientOfVariation(values);
    lines.push(
      `| ${protocol} | ${values.map((v) => v.toFixed(1)).join(", ")} | ${mean.toFixed(1)} | ${sd.toFixed(2)} | ${cvPct.toFixed(2)} | ${cvPct <= 5 ? "yes" : "NO"} | ${measured.map((r) => (r.calls / r.seconds).toFixed(0)).join(", ")} |`,
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
async function soak(o: Options, seconds: number, signal: AbortSignal): Promise<void> {
  const plan = planPinning();
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  const pinning = { server: plan.server, client: restore !== null ? plan.client : null };
  const lines = [`open-loop soak: ${seconds} s per protocol at ${o.rate} calls/s, load generator RSS sampled every 5 s`, ""];
  lines.push("| protocol | driver | calls | errors | p50 ms | p99 ms | RSS start MB | RSS max MB | RSS end MB | peak RSS MB | < 150 MB |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  try {
    for (const protocol of o.protocols) {
      if (signal.aborted) break;
      const server = await startServerProcess({ arm: protocol, cpus: plan.server });
      const rss: number[] = [];
      const sample = () => rss.push(process.memoryUsage.rss() / 2 ** 20);
      sample();
      const timer = setInterval(sample, 5000);
      try {
        log(`crosscheck --soak: ${protocol} for ${seconds} s`);
        const scenario = resolveScenario(
          { protocol, view: "server", payload: o.payload, mode: "open", rate: o.rate },
          { concurrency: o.concurrency, grpcConnections: o.grpcConnections, warmupS: o.warmupS, durationS: seconds, repetitions: 1, timeoutMs: 10_000 },
        );
        const r = await runLoadScenario({ scenario, target: server.target, server, pinning, signal, onProgress: (p) => log(`crosscheck --soak: ${protocol} ${p.elapsedS.toFixed(0)} s, ${p.okTotal} calls, RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB`) });
        sample();
        const peak = r.clientPeakRssMb ?? Math.max(...rss);
        lines.push(
          `| ${protocol} | ${r.driver} | ${r.requests} | ${r.errors.total} | ${f(r.latencyMs.p50, 3)} | ${f(r.latencyMs.p99, 3)} | ${f(rss[0])} | ${f(Math.max(...rss))} | ${f(rss.at(-1))} | ${f(peak)} | ${peak < 150 ? "yes" : "NO"} |`,
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

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench:crosscheck: ${(error as Error).message} (--help for usage)\n`);
    process.exit(2);
  }
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    if (options.soakS !== null) await soak(options, options.soakS, controller.signal);
    else if (options.cpuCv) await cpuCv(options, controller.signal);
    else await crosscheck(options, controller.signal);
  } catch (error) {
    process.stderr.write(`bench:crosscheck: ${(error as Error).message.split("\n")[0]}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

await main();
