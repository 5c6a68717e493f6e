// Arm against baseline, scenario by scenario: for every load scenario measured on the baseline arm and on another arm
// with the same call, size class, view, loop mode, in-flight calls and offered rate, one finding per metric with the
// ratio candidate/baseline and its 95% CI. Windows measured side by side in the same round are paired (the load
// family interleaves them, bench/load/paired-rounds.ts) and the CI comes from the per-round log-ratios; entries
// without rounds (older reports) fall back to an unpaired interval over repetitions. Who is compared with whom is in
// the finding's fields.
import type { Arm } from "../model/arm.js";
import type { Finding, Verdict } from "../model/finding.js";
import type { LoadResult } from "../model/load-result.js";
import type { Measurement } from "../model/measurement.js";
import { ratioCi, type RatioEstimate } from "./statistics.js";
import { pairByRound, pairedRatio } from "../load/paired-rounds.js";
import { HEAVY_STEAL } from "../cpu/cpu-steal.js";

export interface ComparedMetric {
  key: string;
  /** field path in the result model */
  metric: string;
  label: string;
  better: "lower" | "higher";
  pick(m: Measurement): number | null;
  /** whether a ratio of this metric between two arms means anything for this scenario */
  applies(s: LoadResult): boolean;
}

export const COMPARED_METRICS: readonly ComparedMetric[] = [
  { key: "p50", metric: "latencyMs.p50", label: "p50 latency", better: "lower", pick: (m) => m.latencyMs.p50, applies: () => true },
  { key: "p99", metric: "latencyMs.p99", label: "p99 latency", better: "lower", pick: (m) => m.latencyMs.p99, applies: () => true },
  // In an open loop the rate is set by the schedule, so equal throughput says nothing.
  { key: "throughput", metric: "throughputRps", label: "throughput", better: "higher", pick: (m) => m.throughputRps, applies: (s) => s.mode === "closed" },
  { key: "server-cpu", metric: "serverCpuUsPerCall", label: "server CPU per call", better: "lower", pick: (m) => m.serverCpuUsPerCall, applies: () => true },
  // In the server view the client is a lean load generator, not a client library: its CPU is not a property of the arm.
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

/** What a scenario measured, without the arm: the key arms are compared under. */
export function scenarioKey(s: Pick<LoadResult, "call" | "payload" | "view" | "mode" | "concurrency" | "targetRps">): string {
  return [s.call, s.payload, s.view, s.mode, `c${s.concurrency}`, s.targetRps === null ? "" : `r${s.targetRps}`].filter(Boolean).join(":");
}

export function scenarioTitle(s: Pick<LoadResult, "call" | "payload" | "view" | "mode" | "concurrency" | "targetRps">): string {
  const loop = s.mode === "open" ? `open loop at ${s.targetRps ?? "?"} req/s` : "closed loop";
  // a --config call is named by the config; it has no size class
  return `${s.call}${s.payload === "config" ? "" : ` ${s.payload}`} (${s.view} view, ${loop}, ${s.concurrency} in flight)`;
}

export interface ArmPair {
  /** scenarioKey, plus the drivers when an arm measured the scenario with more than one */
  scenario: string;
  title: string;
  baseline: LoadResult;
  candidate: LoadResult;
}

/**
 * Pairs each arm's scenarios with the baseline arm's under the same scenario key. Arms appear in `armOrder`
 * (the run's), so findings come out grouped by candidate arm in a stable order.
 */
export function pairWithBaseline(load: readonly LoadResult[], baseline: string, armOrder: readonly string[] = []): ArmPair[] {
  const groups = new Map<string, LoadResult[]>();
  for (const s of load) groups.set(scenarioKey(s), [...(groups.get(scenarioKey(s)) ?? []), s]);
  const rank = (arm: string) => {
    const i = armOrder.indexOf(arm);
    return i < 0 ? armOrder.length : i;
  };
  const pairs: ArmPair[] = [];
  for (const [key, entries] of groups) {
    const bases = entries.filter((e) => e.arm === baseline);
    const candidates = entries.filter((e) => e.arm !== baseline).sort((a, b) => rank(a.arm) - rank(b.arm));
    for (const base of bases) {
      for (const candidate of candidates) {
        const ambiguous = bases.length > 1 || candidates.filter((c) => c.arm === candidate.arm).length > 1;
        pairs.push({
          scenario: ambiguous ? `${key}:${candidate.driver}-vs-${base.driver}` : key,
          title: `${scenarioTitle(base)}${ambiguous ? `, ${candidate.driver} vs ${base.driver}` : ""}`,
          baseline: base,
          candidate,
        });
      }
    }
  }
  return pairs.sort((a, b) => rank(a.candidate.arm) - rank(b.candidate.arm));
}

/** The repetitions whose figures are complete; a scenario without repetitions counts its aggregate once. */
export function completedRepetitions<M extends Measurement>(s: M & { repetitions: readonly Measurement[] }): Measurement[] {
  if (s.repetitions.length === 0) return s.endReason === "completed" ? [s] : [];
  return s.repetitions.filter((r) => r.endReason === "completed");
}

export function values(s: LoadResult, metric: Pick<ComparedMetric, "pick">): number[] {
  const out: number[] = [];
  for (const r of completedRepetitions(s)) {
    const v = metric.pick(r);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** The load generator used ≥ 90% of its core in the scenario or in any of its repetitions. */
export const isSaturated = (s: LoadResult): boolean => s.driverSaturated || s.repetitions.some((r) => r.driverSaturated);

/** Server view, throughput, either side saturated: a ratio of two lower bounds says nothing about which server is faster. */
export const SATURATED_DETAIL = "load generator saturated";

export function verdictOf(estimate: RatioEstimate, better: "lower" | "higher"): Verdict {
  if (estimate.ci95 === null) return "insufficient-repetitions";
  const [lo, hi] = estimate.ci95;
  if (lo <= 1 && 1 <= hi) return "no-significant-difference";
  const candidateHigher = lo > 1;
  return candidateHigher === (better === "higher") ? "candidate-better" : "baseline-better";
}

export const fmtRatio = (x: number) => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));

/** A label for an arm in sentences: its descriptor's label when the report has it, else its id. */
export function armLabel(arms: readonly Pick<Arm, "id" | "label">[], id: string): string {
  return arms.find((a) => a.id === id)?.label ?? id;
}

function verdictSentence(verdict: Verdict, candidate: string, baseline: string): string {
  switch (verdict) {
    case "candidate-better":
      return `${candidate} better`;
    case "baseline-better":
      return `${baseline} better`;
    case "no-significant-difference":
      return "no significant difference";
    case "insufficient-repetitions":
      return "too few repetitions for a confidence interval";
    default:
      return verdict;
  }
}

/** Fewer paired rounds than this and the ratio is taken unpaired over repetitions (a paired t with 1 df says nothing). */
export const MIN_PAIRED_ROUNDS = 3;

export interface ArmRatio {
  estimate: RatioEstimate;
  /** set when the estimate is paired by round */
  pairing?: { rounds: number; setAsideHeavySteal: number };
}

/**
 * Candidate / baseline for one metric: from the rounds both measured side by side when the windows carry rounds
 * (heavily stolen-from rounds set aside), else from each side's completed repetitions, unpaired.
 */
export function armRatio(pair: Pick<ArmPair, "candidate" | "baseline">, metric: Pick<ComparedMetric, "pick">): ArmRatio | null {
  const rounds = pairByRound(completedRepetitions(pair.candidate), completedRepetitions(pair.baseline));
  if (rounds !== null) {
    const paired = pairedRatio(rounds.pairs, metric.pick);
    if (paired !== null && paired.rounds >= MIN_PAIRED_ROUNDS) {
      const { rounds: n, ...estimate } = paired;
      return { estimate, pairing: { rounds: n, setAsideHeavySteal: rounds.heavySteal } };
    }
  }
  const estimate = ratioCi(values(pair.candidate, metric), values(pair.baseline, metric));
  return estimate === null ? null : { estimate };
}

/** Per-scenario caveats a reader needs next to a ratio. */
export function pairCaveats(pair: ArmPair, metric: ComparedMetric, pinned: boolean, ratio?: ArmRatio): string[] {
  const caveats: string[] = [];
  if (ratio?.pairing !== undefined && ratio.pairing.setAsideHeavySteal > 0) {
    caveats.push(`${ratio.pairing.setAsideHeavySteal} round${ratio.pairing.setAsideHeavySteal > 1 ? "s" : ""} left out: the hypervisor took more than ${(HEAVY_STEAL * 100).toFixed(0)}% of a CPU (steal) during one of its windows`);
  }
  const both = [pair.candidate, pair.baseline];
  const saturated = both.filter(isSaturated);
  if (saturated.length > 0) caveats.push(`load generator saturated (${saturated.map((s) => s.arm).join(", ")}): throughput is a lower bound on server capacity`);
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  for (const s of both) {
    if (s.endReason !== "completed") caveats.push(`${s.arm} scenario ended ${s.endReason}${s.failure ? `: ${s.failure}` : ""}`);
    const dropped = s.repetitions.length - completedRepetitions(s).length;
    if (s.repetitions.length > 0 && dropped > 0) caveats.push(`${s.arm}: ${dropped} of ${s.repetitions.length} repetitions incomplete and left out`);
    if (s.errors.total > 0) caveats.push(`${s.arm}: ${s.errors.total} errors (${Object.entries(s.errors.byCode).map(([c, n]) => `${c}×${n}`).join(", ")})`);
  }
  if (pair.baseline.view === "end-to-end") caveats.push("end-to-end view: includes the client libraries' own cost");
  if (metric.key === "bytes") caveats.push("bytes counted at the socket, headers and framing included");
  if (metric.key === "server-cpu") {
    // A remote target's CPU comes from its monitor: the whole remote process, on another host, other work included.
    const monitored = both.filter((s) => s.serverMetrics === "monitor");
    if (monitored.length > 0) caveats.push(`server CPU of ${monitored.map((s) => s.arm).join(", ")} from the remote server's monitor endpoint: its whole process, any other work it did included`);
    if (new Set(both.map((s) => s.serverMetrics ?? "process")).size > 1) caveats.push("server CPU measured differently on the two sides (a local process vs a remote target's monitor): not the same setup");
  }
  return caveats;
}

export function findingId(candidate: string, baseline: string, scenario: string, metricKey: string): string {
  return `${candidate}-vs-${baseline}:${scenario}:${metricKey}`;
}

export function armFindings(load: readonly LoadResult[], arms: readonly Pick<Arm, "id" | "label">[], baseline: string, pinned: boolean): Finding[] {
  const findings: Finding[] = [];
  const order = arms.map((a) => a.id);
  for (const pair of pairWithBaseline(load, baseline, order)) {
    const candidate = pair.candidate.arm;
    const candidateLabel = armLabel(arms, candidate);
    const baselineLabel = armLabel(arms, baseline);
    for (const metric of COMPARED_METRICS) {
      if (!metric.applies(pair.baseline)) continue;
      const measured = armRatio(pair, metric);
      if (measured === null) continue;
      const { estimate } = measured;
      const inconclusive = metric.key === "throughput" && pair.baseline.view === "server" && (isSaturated(pair.candidate) || isSaturated(pair.baseline));
      const verdict: Verdict = inconclusive ? "inconclusive" : verdictOf(estimate, metric.better);
      const over = measured.pairing !== undefined ? `${measured.pairing.rounds} paired rounds` : `${values(pair.candidate, metric).length} + ${values(pair.baseline, metric).length} repetitions, unpaired`;
      const ci = estimate.ci95 ? ` (95% CI ${fmtRatio(estimate.ci95[0])}–${fmtRatio(estimate.ci95[1])}, ${over})` : "";
      const said = inconclusive ? `inconclusive: ${SATURATED_DETAIL}` : verdictSentence(verdict, candidateLabel, baselineLabel);
      findings.push({
        id: findingId(candidate, baseline, pair.scenario, metric.key),
        kind: "arm-comparison",
        statement: `${pair.title}: ${candidateLabel} ${metric.label} is ${fmtRatio(estimate.ratio)}× ${baselineLabel}'s${ci}, ${metric.better} is better: ${said}`,
        baseline,
        candidate,
        scenario: pair.scenario,
        family: "load",
        subject: { call: pair.baseline.call, payload: pair.baseline.payload, view: pair.baseline.view, mode: pair.baseline.mode, concurrency: pair.baseline.concurrency, targetRps: pair.baseline.targetRps },
        metric: metric.metric,
        metricLabel: metric.label,
        better: metric.better,
        ratio: estimate.ratio,
        ci95: estimate.ci95,
        verdict,
        ...(inconclusive ? { verdictDetail: SATURATED_DETAIL } : {}),
        ...(measured.pairing !== undefined ? { pairing: measured.pairing } : {}),
        caveats: pairCaveats(pair, metric, pinned, measured),
      });
    }
  }
  return findings;
}
