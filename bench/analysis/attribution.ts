// Attribution chains: of the gap between REST on express and gRPC on grpc-js, how much is the framework, the
// transport, the encoding and the gRPC library. The chain visits one arm per factor; a step's ratio is the ratio of
// the geometric means of the two arms' repetitions, so the steps telescope: their product is the end-to-end ratio.
import type { Arm } from "../model/arm.js";
import type { Attribution, AttributionFactor, AttributionSide, AttributionStep } from "../model/attribution.js";
import type { LoadResult } from "../model/load-result.js";
import { armRatio, COMPARED_METRICS, isSaturated, scenarioKey } from "./arm-comparison.js";

/** From the baseline to gRPC, one factor per link. */
export const ATTRIBUTION_CHAIN: readonly { arm: string; factor: AttributionFactor | null }[] = [
  { arm: "rest", factor: null },
  { arm: "rest-node", factor: "framework" },
  { arm: "json-h2", factor: "transport" },
  { arm: "grpc-raw", factor: "encoding" },
  { arm: "grpc", factor: "library" },
];

/**
 * Beside the chain: comparisons that also change one thing, drawn next to the waterfall. fastify is another
 * framework step; protobuf-h1 takes encoding and transport in the other order (if the two orders disagree, the
 * factors interact); the gateway is its own comparison, against rest (what a team keeping REST clients gets)
 * and against grpc (what the extra hop costs).
 */
export const ATTRIBUTION_SIDES: readonly Omit<AttributionSide, "ratio" | "ci95">[] = [
  { from: "rest", to: "rest-fastify", factor: "framework", label: "express → fastify" },
  { from: "rest-node", to: "protobuf-h1", factor: "encoding", label: "JSON → protobuf on HTTP/1.1" },
  { from: "protobuf-h1", to: "grpc-raw", factor: "transport", label: "HTTP/1.1 → HTTP/2 (protobuf)" },
  { from: "rest", to: "gateway", factor: "gateway", label: "express → gateway + grpc-js" },
  { from: "grpc", to: "gateway", factor: "gateway", label: "grpc-js → gateway + grpc-js" },
];

const ATTRIBUTED_METRICS = ["throughput", "server-cpu", "p50", "p99", "bytes"];

/**
 * One attribution per server-view closed-loop scenario and metric where both ends of the chain and at least one
 * arm between them were measured (with none between, the arm findings already say all there is).
 */
export function attributions(load: readonly LoadResult[], arms: readonly Pick<Arm, "id">[]): Attribution[] {
  const inRun = new Set(arms.map((a) => a.id));
  const out: Attribution[] = [];
  const groups = new Map<string, LoadResult[]>();
  for (const s of load) {
    if (s.view !== "server" || s.mode !== "closed" || !inRun.has(s.arm)) continue;
    groups.set(scenarioKey(s), [...(groups.get(scenarioKey(s)) ?? []), s]);
  }
  for (const [scenario, entries] of groups) {
    const byArm = new Map(entries.map((e) => [e.arm, e]));
    const chain = ATTRIBUTION_CHAIN.filter((link) => byArm.has(link.arm));
    const first = chain[0];
    const last = chain.at(-1);
    const sideLinks = ATTRIBUTION_SIDES.filter((side) => byArm.has(side.from) && byArm.has(side.to));
    // Without an arm between the ends or beside them, the arm findings already say all there is.
    if (first?.arm !== "rest" || last?.arm !== "grpc" || (chain.length < 3 && sideLinks.length === 0)) continue;
    const missing = ATTRIBUTION_CHAIN.filter((link) => !byArm.has(link.arm)).map((link) => link.arm);
    const base = byArm.get(first.arm) as LoadResult;
    const cand = byArm.get(last.arm) as LoadResult;
    for (const metric of COMPARED_METRICS.filter((m) => ATTRIBUTED_METRICS.includes(m.key))) {
      const total = armRatio({ candidate: cand, baseline: base }, metric)?.estimate ?? null;
      if (total === null) continue;
      const steps: AttributionStep[] = [];
      let pending: AttributionFactor[] = [];
      let from = first.arm;
      for (const link of ATTRIBUTION_CHAIN.slice(1)) {
        if (link.factor !== null) pending.push(link.factor);
        if (!byArm.has(link.arm)) continue;
        const step = armRatio({ candidate: byArm.get(link.arm) as LoadResult, baseline: byArm.get(from) as LoadResult }, metric)?.estimate ?? null;
        if (step === null) break;
        steps.push({ factor: pending.join("+"), factors: pending, from, to: link.arm, ratio: step.ratio, ci95: step.ci95 });
        pending = [];
        from = link.arm;
      }
      if (from !== last.arm) continue; // a link without figures: no chain to show for this metric
      const sides: AttributionSide[] = [];
      for (const side of sideLinks) {
        const r = armRatio({ candidate: byArm.get(side.to) as LoadResult, baseline: byArm.get(side.from) as LoadResult }, metric)?.estimate ?? null;
        if (r !== null) sides.push({ ...side, ratio: r.ratio, ci95: r.ci95 });
      }
      const caveats: string[] = [];
      if (missing.length > 0) caveats.push(`not in this run: ${missing.join(", ")}; their factors are merged into the neighbouring step`);
      const saturated = [...new Set([...chain.map((l) => l.arm), ...sides.flatMap((s) => [s.from, s.to])])].map((id) => byArm.get(id) as LoadResult).filter(isSaturated).map((s) => s.arm);
      if (saturated.length > 0 && metric.key === "throughput") caveats.push(`load generator saturated (${saturated.join(", ")}): those throughputs are lower bounds`);
      out.push({
        call: base.call,
        payload: base.payload,
        scenario,
        metric: metric.metric,
        metricLabel: metric.label,
        better: metric.better,
        baseline: first.arm,
        candidate: last.arm,
        ratio: total.ratio,
        ci95: total.ci95,
        steps,
        sides,
        missing,
        caveats,
      });
    }
  }
  return out;
}
