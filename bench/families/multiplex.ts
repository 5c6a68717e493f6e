// The multiplex family: what HTTP/2 multiplexing buys. The same number of in-flight calls carried as gRPC
// 1 connection × N streams and k connections × N/k streams, REST over N keep-alive connections, a pool of 4
// where calls queue, and a new TCP connection per call; then head-of-line blocking with a few slow calls mixed
// in. Load comes from the load engine (lean transports, closed loop, measured windows, server CPU over IPC).
import { familyArms } from "../family-arms.js";
import { planPinning } from "../cpu/cpu-pinning.js";
import type { Family, FamilyContext } from "../family.js";
import { startFamilyServers, type FamilyServers } from "../family-servers.js";
import { callSpec } from "../load/call-spec.js";
import type { MultiplexResult } from "../model/multiplex-result.js";
import { runHeadOfLineCase } from "../multiplex/head-of-line-case.js";
import { MixedGrpcJsTransport, MixedUndiciTransport } from "../multiplex/mixed-call-transports.js";
import { multiplexConfigurations, multiplexFits } from "../multiplex/multiplex-configurations.js";
import { noKeepAliveExtra, runMultiplexCase } from "../multiplex/multiplex-case.js";
import { MULTIPLEX_PLANS, type MultiplexPlan } from "../multiplex/multiplex-plan.js";
import { ServerExitWatch } from "../server-process/server-exit-watch.js";

function describeEntry(e: MultiplexResult): string {
  const hol = e.headOfLine ? `, fast p99 ${e.headOfLine.fastP99Ms} ms slow p99 ${e.headOfLine.slowP99Ms} ms` : "";
  const extra = e.noKeepAliveExtra
    ? `, +${e.noKeepAliveExtra.serverCpuUsPerCall ?? "?"} µs server CPU/call, +${e.noKeepAliveExtra.latencyP50Us} µs p50 vs keep-alive`
    : "";
  const cpu = e.serverCpuUsPerCall === null ? "–" : e.serverCpuUsPerCall.toFixed(1);
  return (
    `multiplex ${e.arm} ${e.configuration} inFlight ${e.inFlight}: ${e.throughputRps.toFixed(0)} rps, p50 ${e.latencyMs.p50} ms p99 ${e.latencyMs.p99} ms, ` +
    `${e.connectionsOpened} conn opened (${e.connectionsPerCall}/call), server ${cpu} µs/call${hol}${extra}` +
    (e.errors.total > 0 ? `, ${e.errors.total} errors` : "")
  );
}

export interface MultiplexFamilyOptions {
  /** replaces parts of the profile's plan (tests run a short one) */
  plan?: Partial<MultiplexPlan>;
}

async function runFamily(ctx: FamilyContext, options: MultiplexFamilyOptions): Promise<void> {
  const plan: MultiplexPlan = { ...MULTIPLEX_PLANS[ctx.profile], ...options.plan };
  const fuller = MULTIPLEX_PLANS.full.inFlight.filter((n) => !plan.inFlight.includes(n));
  if (ctx.profile === "quick" && fuller.length > 0) ctx.leftOut(`quick profile: ${plan.inFlight.join(" and ")} calls in flight, one repetition; --profile full adds ${fuller.join(", ")} and ${MULTIPLEX_PLANS.full.repetitions} repetitions`);
  const spec = callSpec(plan.payload);
  const hol = plan.headOfLine;
  const arms = familyArms(ctx, { family: "multiplex family", fits: multiplexFits, lacking: "lean transports", calls: [spec.call] });
  if (arms.length === 0) return;
  const localArms = arms.filter((a) => a.target === null);
  // Two sets: the delay experiment is opt-in per server and off for every other measurement. One plan, made
  // before the first set pins this process to the client CPU, so both sets get the server CPU.
  const pinning = planPinning();
  // A server that dies is reported against the case it was serving (report.serverExits), never silently.
  const exits = new ServerExitWatch((exit) => ctx.serverExit(exit));
  const [plainStart, holStart] = await Promise.allSettled([
    startFamilyServers({ arms, pinning, exits }),
    localArms.length > 0 ? startFamilyServers({ arms: localArms, serverOptions: { maxDelayMs: hol.slowDelayMs }, pinClient: false, pinning, exits }) : Promise.resolve(null),
  ]);
  const running = [plainStart, holStart].flatMap((s) => (s.status === "fulfilled" && s.value ? [s.value] : []));
  if (plainStart.status === "rejected" || holStart.status === "rejected") {
    await Promise.all(running.map((s) => s.stop()));
    throw plainStart.status === "rejected" ? plainStart.reason : (holStart as PromiseRejectedResult).reason;
  }
  const servers: FamilyServers = plainStart.value;
  const holServers = holStart.value;
  const record = (entry: MultiplexResult) => {
    ctx.record("multiplex", entry);
    ctx.progress(describeEntry(entry));
  };
  try {
    if (!servers.pinned) ctx.caveat(`multiplex family: ${servers.pinningNote}`);
    for (const inFlight of plan.inFlight) {
      for (const server of servers.list) {
        let keepAlive: MultiplexResult | null = null;
        for (const config of multiplexConfigurations(inFlight, plan, server.arm)) {
          if (ctx.signal.aborted) return;
          const entry = await exits.measuring(server.process, { scenario: `${server.arm.id} ${config.configuration} inFlight ${inFlight}`, repetition: null }, () =>
            runMultiplexCase({ config, spec, target: server.target, server: server.process, plan, signal: ctx.signal }),
          );
          if (config.configuration === "rest-keepalive") keepAlive = entry;
          if (!config.keepAlive && keepAlive !== null) entry.noKeepAliveExtra = noKeepAliveExtra(entry, keepAlive);
          record(entry);
        }
      }
    }

    const remote = arms.filter((a) => a.target !== null);
    if (remote.length > 0) ctx.caveat(`multiplex family: head-of-line experiment skipped for ${remote.map((a) => a.id).join(", ")} (remote: it needs servers started with maxDelayMs)`);
    if (holServers === null) return;
    if (!holServers.pinned) ctx.caveat(`multiplex family, head-of-line servers: ${holServers.pinningNote}`);
    const mix = { spec, timeoutMs: plan.timeoutMs, slowEvery: hol.slowEvery, slowDelayMs: hol.slowDelayMs };
    const holNote = `1 call in ${hol.slowEvery} carries x-delay-ms: ${hol.slowDelayMs} (server started with maxDelayMs ${hol.slowDelayMs}); end-to-end clients, which take per-call metadata/headers`;
    for (const server of holServers.list) {
      const cases =
        server.arm.api === "grpc"
          ? [
              {
                configuration: "hol-grpc-1conn",
                connections: 1,
                streamsPerConnection: hol.inFlight,
                note: `one HTTP/2 connection, fast and slow calls as concurrent streams on it; ${holNote}`,
                makeTransport: () => new MixedGrpcJsTransport({ ...mix, target: server.target, connections: 1 }),
              },
            ]
          : [
              {
                configuration: "hol-rest-keepalive",
                connections: hol.inFlight,
                streamsPerConnection: null,
                note: `${hol.inFlight} HTTP/1.1 keep-alive connections (undici Pool), one call each; ${holNote}`,
                makeTransport: () => new MixedUndiciTransport({ ...mix, wire: server.arm.wire, target: server.target, connections: hol.inFlight }),
              },
              {
                configuration: `hol-rest-pool${plan.poolConnections}`,
                connections: plan.poolConnections,
                streamsPerConnection: null,
                note: `a pool of ${plan.poolConnections} HTTP/1.1 keep-alive connections (undici Pool, shared queue): fast calls wait behind slow ones; ${holNote}`,
                makeTransport: () => new MixedUndiciTransport({ ...mix, wire: server.arm.wire, target: server.target, connections: plan.poolConnections }),
              },
            ];
      for (const c of cases) {
        if (ctx.signal.aborted) return;
        const scenario = { scenario: `${server.arm.id} ${c.configuration} inFlight ${hol.inFlight}`, repetition: null };
        record(await exits.measuring(server.process, scenario, () => runHeadOfLineCase({ ...c, arm: server.arm.id, target: server.target, server: server.process, call: spec.call, plan: hol, signal: ctx.signal })));
      }
    }
  } finally {
    await Promise.all(running.map((s) => s.stop()));
  }
}

export function createMultiplexFamily(options: MultiplexFamilyOptions = {}): Family {
  return {
    name: "multiplex",
    describe: "equal in-flight calls per arm: gRPC 1 conn × N streams / k conns, REST N keep-alive / pool of 4 / no keep-alive; head-of-line with slow calls mixed in",
    run: (ctx) => runFamily(ctx, options),
  };
}

export const family: Family = createMultiplexFamily();
