// gRPC vs REST, scenario by scenario: for every load scenario measured on both protocols with the same call, size class,
// view, loop mode and in-flight calls, one finding per metric with the ratio gRPC/REST and its 95% CI over repetitions.
import type { Finding } from "../model/finding.js";
import type { LoadResult } from "../model/load-result.js";
import type { Measurement } from "../model/measurement.js";
import { ratioCi, type RatioEstimate } from "./statistics.js";

export interface ComparedMetric {
  key: string;
  /** field path in the result model */
  metric: string;
  label: string;
  better: "lower" | "higher";
  pick(m: Measurement): number | null;
  /** whether a gRPC-vs-REST ratio of this metric means anything for this scenario */
  applies(s: LoadResult): boolean;
}

export const COMPARED_METRICS: readonly ComparedMetric[] = [
  { key: "p50", metric: "latencyMs.p50", label: "p50 latency", better: "lower", pick: (m) => m.latencyMs.p50, applies: () => true },
  { key: "p99", metric: "latencyMs.p99", label: "p99 latency", better: "lower", pick: (m) => m.latencyMs.p99, applies: () => true },
  // In an open loop the rate is set by the schedule, so equal throughput says nothing.
  { key: "throughput", metric: "throughputRps", label: "throughput", better: "higher", pick: (m) => m.throughputRps, applies: (s) => s.mode === "closed" },
  { key: "server-cpu", metric: "serverCpuUsPerCall", label: "server CPU per call", better: "lower", pick: (m) => m.serverCpuUsPerCall, applies: () => true },
  // In the server view the client is a lean load generator, not a client library: its CPU is not a protocol property.
  { key: "client-cpu", metric: "clientCpuUsPerCall", label: "client CPU per call", better: "lower", pick: (m) => m.clientCpuUsPerCall, applies: (s) => s.view === "end-to-end" },
  {
    key: "bytes",
    metric: "wireBytesPerCall",
    label: "bytes on the wire per call",
    better: "lower",
    pick: (m) => (m.wireBytesPerCall ? m.wireBytesPerCall.request + m.wireBytesPerCall.response : null),
    applies: () => true,
  },
];

export interface ScenarioPair {
  /** call/payload/view/mode/concurrency, plus servers and drivers when a group holds more than one entry per protocol */
  id: string;
  title: string;
  grpc: LoadResult;
  rest: LoadResult;
}

function groupKey(s: LoadResult): string {
  return [s.call, s.payload, s.view, s.mode, `c${s.concurrency}`, s.targetRps === null ? "" : `r${s.targetRps}`].filter(Boolean).join(":");
}

/** Pairs gRPC and REST scenarios that differ only in protocol. */
export function pairScenarios(load: readonly LoadResult[]): ScenarioPair[] {
  const groups = new Map<string, { grpc: LoadResult[]; rest: LoadResult[] }>();
  for (const s of load) {
    const key = groupKey(s);
    const g = groups.get(key) ?? { grpc: [], rest: [] };
    g[s.protocol].push(s);
    groups.set(key, g);
  }
  const pairs: ScenarioPair[] = [];
  for (const [key, g] of groups) {
    const ambiguous = g.grpc.length > 1 || g.rest.length > 1;
    for (const grpc of g.grpc) {
      for (const rest of g.rest) {
        const qualifier = ambiguous ? `:${grpc.server}+${grpc.driver}-vs-${rest.server}+${rest.driver}` : "";
        const loop = grpc.mode === "open" ? `open loop at ${grpc.targetRps ?? "?"} req/s` : "closed loop";
        pairs.push({
          id: `${key}${qualifier}`,
          title: `${grpc.call} ${grpc.payload} (${grpc.view} view, ${loop}, ${grpc.concurrency} in flight${ambiguous ? `, ${grpc.driver} vs ${rest.driver}` : ""})`,
          grpc,
          rest,
        });
      }
    }
  }
  return pairs;
}

/** The repetitions whose figures are complete; a scenario without repetitions counts its aggregate once. */
export function completedRepetitions(s: LoadResult): Measurement[] {
  if (s.repetitions.length === 0) return s.endReason === "completed" ? [s] : [];
  return s.repetitions.filter((r) => r.endReason === "completed");
}

export function values(s: LoadResult, metric: ComparedMetric): number[] {
  const out: number[] = [];
  for (const r of completedRepetitions(s)) {
    const v = metric.pick(r);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** The load generator used ≥ 90% of its core in the scenario or in any of its repetitions. */
export const isSaturated = (s: LoadResult): boolean => s.driverSaturated || s.repetitions.some((r) => r.driverSaturated);

/**
 * Server view, throughput, either side saturated: the figure measures the load generator, not the server, so a
 * ratio of two lower bounds says nothing about which server is faster.
 */
export const SATURATED_VERDICT = "inconclusive: load generator saturated";

export function verdictOf(estimate: RatioEstimate, better: "lower" | "higher"): string {
  if (estimate.ci95 === null) return "insufficient-repetitions";
  const [lo, hi] = estimate.ci95;
  if (lo <= 1 && 1 <= hi) return "no-significant-difference";
  const grpcHigher = lo > 1;
  return grpcHigher === (better === "higher") ? "grpc-better" : "rest-better";
}

const VERDICT_TEXT: Record<string, string> = {
  "grpc-better": "gRPC better",
  "rest-better": "REST better",
  "no-significant-difference": "no significant difference",
  "insufficient-repetitions": "too few repetitions for a confidence interval",
};

export const fmtRatio = (x: number) => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));

/** Per-scenario caveats a reader needs next to a ratio. */
export function pairCaveats(pair: ScenarioPair, metric: ComparedMetric, pinned: boolean): string[] {
  const caveats: string[] = [];
  const both = [pair.grpc, pair.rest];
  const saturated = both.filter(isSaturated);
  if (saturated.length > 0) caveats.push(`load generator saturated (${saturated.map((s) => s.protocol).join(", ")}): throughput is a lower bound on server capacity`);
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  for (const s of both) {
    if (s.endReason !== "completed") caveats.push(`${s.protocol} scenario ended ${s.endReason}${s.failure ? `: ${s.failure}` : ""}`);
    const dropped = s.repetitions.length - completedRepetitions(s).length;
    if (s.repetitions.length > 0 && dropped > 0) caveats.push(`${s.protocol}: ${dropped} of ${s.repetitions.length} repetitions incomplete and left out`);
    if (s.errors.total > 0) caveats.push(`${s.protocol}: ${s.errors.total} errors (${Object.entries(s.errors.byCode).map(([c, n]) => `${c}×${n}`).join(", ")})`);
  }
  if (pair.grpc.view === "end-to-end") caveats.push("end-to-end view: includes the client libraries' own cost");
  if (metric.key === "bytes") caveats.push("bytes counted at the socket, headers and framing included");
  return caveats;
}

export function protocolFindings(load: readonly LoadResult[], pinned: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const pair of pairScenarios(load)) {
    for (const metric of COMPARED_METRICS) {
      if (!metric.applies(pair.grpc)) continue;
      const estimate = ratioCi(values(pair.grpc, metric), values(pair.rest, metric));
      if (estimate === null) continue;
      const inconclusive = metric.key === "throughput" && pair.grpc.view === "server" && (isSaturated(pair.grpc) || isSaturated(pair.rest));
      const verdict = inconclusive ? SATURATED_VERDICT : verdictOf(estimate, metric.better);
      const ci = estimate.ci95 ? ` (95% CI ${fmtRatio(estimate.ci95[0])}–${fmtRatio(estimate.ci95[1])})` : "";
      findings.push({
        id: `grpc-vs-rest:${pair.id}:${metric.key}`,
        statement: `${pair.title}: gRPC ${metric.label} is ${fmtRatio(estimate.ratio)}× REST's${ci}, ${metric.better} is better: ${VERDICT_TEXT[verdict] ?? verdict}`,
        metric: metric.metric,
        ratio: estimate.ratio,
        ci95: estimate.ci95,
        verdict,
        caveats: pairCaveats(pair, metric, pinned),
      });
    }
  }
  return findings;
}
