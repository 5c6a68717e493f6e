// (e) A headline load scenario (server view, closed loop) against a cleartext and a TLS server of the same arm,
// with the load engine and the same resolved scenario (the same lean driver, in flight, windows) on both sides:
// what TLS costs in throughput and server CPU per call once connections are kept alive. The ratios are TLS /
// cleartext, paired by round, with a 95% CI over the rounds (none with fewer than 2).
import { pairedWindowRatio } from "../analysis/tls-findings.js";
import { since } from "../arm-tls-record.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import { loadConfigOf, runLoadScenario } from "../load/run-load.js";
import { registryArm, resolveScenario, type ResolvedScenario, type ScenarioArm } from "../load/load-scenario.js";
import type { LoadResult } from "../model/load-result.js";
import type { Measurement, PayloadClass } from "../model/measurement.js";
import type { HandshakeCounts, RatioWithCi, TlsLoadSide, TlsSeen, TlsVersusCleartextResult } from "../model/tls-result.js";
import { endpointKey, handshakeTallies, runTlsTrust, setRunTlsTrust, type HandshakeTally } from "../run-tls.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { abbaOrder } from "../load/paired-rounds.js";
import type { TlsVersusCleartextPlan } from "./tls-cost-plan.js";

export interface TlsVersusCleartextOptions {
  arm: string;
  payload: PayloadClass;
  plan: TlsVersusCleartextPlan;
  cleartext: ServerProcess;
  tls: ServerProcess;
  /** the TLS server's certificate: trusted by the drivers for this scenario only */
  cert: string;
  signal: AbortSignal;
  pinning: { server: string | null; client: string | null };
  armOf?: (id: string) => ScenarioArm | undefined;
}

/**
 * The scenario both sides run. Resolved as for an arm reached over TLS, so an HTTP/1.1 arm gets h1-lean (autocannon
 * cannot speak TLS within the run's trust and byte meter) on the cleartext side too: one driver for both.
 */
export function versusScenario(arm: string, payload: PayloadClass, plan: TlsVersusCleartextPlan, armOf: (id: string) => ScenarioArm | undefined = registryArm): ResolvedScenario {
  return resolveScenario(
    { arm, view: "server", payload, mode: "closed", concurrency: plan.concurrency, warmupS: plan.warmupS, durationS: plan.durationS, repetitions: plan.repetitions, timeoutMs: plan.timeoutMs },
    { concurrency: plan.concurrency, h2Connections: plan.h2Connections, warmupS: plan.warmupS, durationS: plan.durationS, repetitions: plan.repetitions, timeoutMs: plan.timeoutMs },
    (id) => {
      const found = armOf(id);
      return found === undefined ? undefined : { ...found, tls: true };
    },
  );
}

/**
 * Runs `work` with `cert` trusted beside the run's own trust. The lean drivers take the run's trust (bench/run-tls.ts)
 * and have no per-client override; families run one at a time and nothing else dials while this scenario runs, so the
 * addition is seen by this scenario's connections only, and the run's trust is back as it was afterwards.
 */
export async function withTrustedCertificate<T>(cert: string, work: () => Promise<T>): Promise<T> {
  const saved = runTlsTrust();
  setRunTlsTrust({ ...saved, ca: saved.ca === null ? cert : `${saved.ca.trimEnd()}\n${cert}` });
  try {
    return await work();
  } finally {
    setRunTlsTrust(saved);
  }
}

/** The TLS server's handshakes during the scenario, as the run's tally counted them; null when it counted none. */
function handshakesSince(after: HandshakeTally | undefined, before: HandshakeTally | undefined): { counts: HandshakeCounts; seen: TlsSeen } | null {
  if (after === undefined) return null;
  const { full, resumed, protocols, ciphers, alpn } = since(after, before);
  // the tally knows nothing of offers: the drivers' connections offer no session of ours
  return { counts: { full, resumed, sessionsOffered: 0 }, seen: { protocols, ciphers, alpn } };
}

/** One side's rounds as one measurement: each round's window is a repetition, aggregated as the load engine does. */
function side(rounds: readonly LoadResult[], target: string): TlsLoadSide {
  const windows = rounds.flatMap((r) => r.repetitions);
  return { scenario: rounds[0]?.scenario ?? "", target, measurement: { ...aggregateRepetitions(windows), repetitions: windows } };
}

/** TLS / cleartext over the rounds, paired by round (drift on the host cancels out within a pair). */
function ratio(tls: readonly Measurement[], clear: readonly Measurement[], pick: (m: Measurement) => number | null): RatioWithCi {
  const estimate = pairedWindowRatio(tls, clear, pick);
  return estimate === null ? { ratio: null, ci95: null } : { ratio: estimate.ratio, ci95: estimate.ci95 };
}

/**
 * Runs the scenario in rounds of one window each, cleartext and TLS alternating (ABBA: cleartext first in even rounds,
 * TLS first in odd ones), so a host that speeds up or slows down during the scenario weighs on both sides alike and
 * round i of one side pairs with round i of the other. Each round opens its connections before its own (short)
 * warm-up: the servers are warm from the connection cases.
 */
export async function runTlsVersusCleartext(options: TlsVersusCleartextOptions): Promise<TlsVersusCleartextResult> {
  const scenario = versusScenario(options.arm, options.payload, options.plan, options.armOf);
  const round: ResolvedScenario = { ...scenario, repetitions: 1 };
  const common = { scenario: round, signal: options.signal, pinning: options.pinning };
  const key = endpointKey(options.tls.host, options.tls.port);
  const before = handshakeTallies().get(key);
  const clearRounds: LoadResult[] = [];
  const tlsRounds: LoadResult[] = [];
  const runClear = async () => clearRounds.push(await runLoadScenario({ ...common, target: options.cleartext.target, server: options.cleartext }));
  const runTls = async () => tlsRounds.push(await withTrustedCertificate(options.cert, () => runLoadScenario({ ...common, target: options.tls.target, server: options.tls })));
  for (let i = 0; i < scenario.repetitions && !options.signal.aborted; i++) {
    for (const run of abbaOrder([runClear, runTls], i)) await run();
    // a side that failed (a dead server, a refused target) has said what it has to say
    if (clearRounds.at(-1)?.endReason === "failed" || tlsRounds.at(-1)?.endReason === "failed") break;
  }
  const handshakes = handshakesSince(handshakeTallies().get(key), before);
  const config = loadConfigOf({ scenario, target: options.tls.target, server: options.tls }, null);
  const clear = side(clearRounds, options.cleartext.target);
  const secure = side(tlsRounds, options.tls.target);
  const c = clear.measurement.repetitions;
  const t = secure.measurement.repetitions;
  const notes = [
    `the same resolved scenario (driver, connections, in flight) against a cleartext and a TLS server of the arm, in ${Math.min(c.length, t.length)} rounds of one ${scenario.durationS} s window each, the two sides alternating (ABBA); ratios paired by round; each round's connections opened before its ${scenario.warmupS} s warm-up and kept alive`,
  ];
  if (clear.measurement.driverSaturated || secure.measurement.driverSaturated) notes.push("load generator saturated on a side: that side's throughput is a lower bound");
  if (handshakes === null) notes.push("no TLS handshake tallied for the TLS server: the driver did not report its handshakes");
  else if (handshakes.counts.resumed > 0) notes.push(`${handshakes.counts.resumed} of the driver's ${handshakes.counts.full + handshakes.counts.resumed} TLS handshakes resumed a session`);
  return {
    kind: "tls-vs-cleartext",
    arm: options.arm,
    protocol: scenario.protocol,
    call: scenario.call,
    payload: options.payload,
    view: "server",
    mode: "closed",
    concurrency: scenario.concurrency,
    connections: config.connections,
    driver: scenario.driver,
    cleartext: clear,
    tls: secure,
    tlsHandshakes: handshakes?.counts ?? null,
    tlsSeen: handshakes?.seen ?? null,
    throughput: ratio(t, c, (m) => m.throughputRps),
    serverCpuUsPerCall: ratio(t, c, (m) => m.serverCpuUsPerCall),
    latencyP50: ratio(t, c, (m) => m.latencyMs.p50),
    note: notes.join("; "),
  };
}
