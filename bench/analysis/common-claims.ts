// Three claims that circulate in gRPC articles, each set next to what this run measured.
// "About 10x" is read as "within a factor of 2 of 10" (5x–20x); a claim holds when every measured case agrees,
// fails when none does, and otherwise "depends" on what the statement names.
import type { Arm } from "../model/arm.js";
import type { Attribution } from "../model/attribution.js";
import type { Finding, Verdict } from "../model/finding.js";
import type { LoadResult } from "../model/load-result.js";
import type { SizeResult } from "../model/size-result.js";
import { armRatio, COMPARED_METRICS, fmtRatio, isSaturated, pairWithBaseline, SATURATED_DETAIL, values, type ArmPair } from "./arm-comparison.js";
import { median } from "./statistics.js";

export const ABOUT_TEN_X: readonly [number, number] = [5, 20];
export const CLAIMED_REST_P50_MS: readonly [number, number] = [50, 100];
export const CLAIMED_GRPC_P50_MS: readonly [number, number] = [5, 15];

const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
const span = (xs: number[], f: (x: number) => string) => {
  const lo = f(Math.min(...xs));
  const hi = f(Math.max(...xs));
  return lo === hi ? lo : `${lo}–${hi}`;
};
const range = (xs: number[]) => span(xs, fmtRatio);
const ms = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));
const msRange = (xs: number[]) => `${span(xs, ms)} ms`;

function verdictFromShare(hits: number, total: number, dependsOn: string): { verdict: Verdict; verdictDetail?: string } {
  if (hits === total) return { verdict: "supported" };
  if (hits === 0) return { verdict: "not-supported" };
  return { verdict: "depends", verdictDetail: `on ${dependsOn}` };
}

/** The two arms a claim about "gRPC" and "REST" reads: grpc (grpc-js) and the run's REST baseline, when both ran. */
export interface ClaimArms {
  grpc: string;
  rest: string;
}

export function claimArms(arms: readonly Pick<Arm, "id" | "api">[], baseline: string): ClaimArms | null {
  const grpc = arms.find((a) => a.id === "grpc") ?? arms.find((a) => a.api === "grpc");
  const base = arms.find((a) => a.id === baseline);
  const rest = base?.api === "rest" ? base : arms.find((a) => a.api === "rest");
  return grpc && rest ? { grpc: grpc.id, rest: rest.id } : null;
}

const claim = (fields: Omit<Finding, "kind" | "scenario" | "subject" | "family" | "better" | "baseline" | "candidate"> & Partial<Pick<Finding, "baseline" | "candidate" | "family">>): Finding => ({
  kind: "claim",
  scenario: null,
  subject: null,
  family: null,
  better: null,
  baseline: null,
  candidate: null,
  ...fields,
});

function sizeClaim(sizes: readonly SizeResult[]): Finding | null {
  if (sizes.length === 0) return null;
  const raw = sizes.map((s) => s.ratio.raw);
  const gzip = sizes.map((s) => s.ratio.gzip);
  const hits = raw.filter((r) => within(r, ABOUT_TEN_X)).length;
  const largest = sizes.reduce((a, b) => (b.ratio.raw > a.ratio.raw ? b : a));
  return claim({
    id: "claim:protobuf-10x-smaller",
    family: "size",
    metricLabel: "JSON / protobuf bytes",
    statement:
      `"Protobuf payloads are about 10x smaller than JSON": measured JSON/protobuf size ratio ${range(raw)}× uncompressed ` +
      `(largest ratio: ${largest.message} ${largest.payload}), ${range(gzip)}× after gzip, over ${sizes.length} message/size combinations`,
    metric: "sizes[].ratio.raw (json / protobuf bytes)",
    ratio: median(raw),
    ci95: null,
    ...verdictFromShare(hits, raw.length, "message and size class"),
    caveats: ["sizes are deterministic (seeded payloads): no confidence interval", `"about 10x" read as ${ABOUT_TEN_X[0]}x–${ABOUT_TEN_X[1]}x`],
  });
}

/**
 * Server-view pairs when there are any (they measure the servers), end-to-end otherwise. A server-view pair where
 * either load generator saturated measures the load generator, so it is left out; when that leaves none, the
 * end-to-end pairs stand in (they include client cost by design), or nothing does.
 */
function speedPairs(load: readonly LoadResult[], arms: ClaimArms): { pairs: ArmPair[]; view: string; saturatedLeftOut: number } {
  const two = load.filter((s) => s.arm === arms.grpc || s.arm === arms.rest);
  const all = pairWithBaseline(two, arms.rest).filter((p) => p.baseline.mode === "closed");
  const server = all.filter((p) => p.baseline.view === "server");
  const measurable = server.filter((p) => !isSaturated(p.candidate) && !isSaturated(p.baseline));
  const saturatedLeftOut = server.length - measurable.length;
  if (measurable.length > 0) return { pairs: measurable, view: "server", saturatedLeftOut };
  return { pairs: all.filter((p) => p.baseline.view !== "server"), view: "end-to-end", saturatedLeftOut };
}

const metric = (key: string) => COMPARED_METRICS.find((m) => m.key === key)!;

const SPEED_CLAIM = {
  id: "claim:grpc-10x-faster",
  quote: '"gRPC is about 10x faster than REST/JSON"',
  metric: "throughputRps (gRPC/REST) and latencyMs.p50 (REST/gRPC)",
  metricLabel: "throughput and p50 latency",
} as const;

/**
 * "gRPC is 10x faster" split by factor: each attribution step's throughput ratio, median over the calls and
 * size classes attributed, in chain order. Only when the claim reads grpc against rest (the chain's two ends).
 */
function speedByFactor(attribution: readonly Attribution[], arms: ClaimArms): NonNullable<Finding["byFactor"]> {
  const chains = attribution.filter((a) => a.metric === "throughputRps" && a.baseline === arms.rest && a.candidate === arms.grpc);
  const byStep = new Map<string, { factor: string; from: string; to: string; ratios: number[] }>();
  for (const a of chains) {
    for (const s of a.steps) {
      const key = `${s.from}→${s.to}`;
      const entry = byStep.get(key) ?? { factor: s.factor, from: s.from, to: s.to, ratios: [] };
      entry.ratios.push(s.ratio);
      byStep.set(key, entry);
    }
  }
  return [...byStep.values()].map((e) => ({ factor: e.factor, from: e.from, to: e.to, ratio: median(e.ratios), range: [Math.min(...e.ratios), Math.max(...e.ratios)], scenarios: e.ratios.length }));
}

function speedClaim(load: readonly LoadResult[], arms: ClaimArms, pinned: boolean, attribution: readonly Attribution[]): Finding | null {
  const { pairs, view, saturatedLeftOut } = speedPairs(load, arms);
  const leftOut = `${saturatedLeftOut} server-view scenario${saturatedLeftOut === 1 ? "" : "s"} left out: load generator saturated (their throughput measures the load generator, not the server)`;
  const throughput: number[] = [];
  const p50Speedup: number[] = [];
  for (const p of pairs) {
    const t = armRatio(p, metric("throughput"))?.estimate ?? null;
    const l = armRatio({ candidate: p.baseline, baseline: p.candidate }, metric("p50"))?.estimate ?? null;
    if (t) throughput.push(t.ratio);
    if (l) p50Speedup.push(l.ratio);
  }
  if (throughput.length === 0 && p50Speedup.length === 0) {
    if (saturatedLeftOut === 0) return null;
    return claim({
      id: SPEED_CLAIM.id,
      statement: `${SPEED_CLAIM.quote}: not measured: the load generator saturated in every server-view closed-loop scenario`,
      metric: SPEED_CLAIM.metric,
      metricLabel: SPEED_CLAIM.metricLabel,
      baseline: arms.rest,
      candidate: arms.grpc,
      family: "load",
      ratio: null,
      ci95: null,
      verdict: "inconclusive",
      verdictDetail: SATURATED_DETAIL,
      caveats: [leftOut],
    });
  }
  const factors = [...throughput, ...p50Speedup];
  const hits = factors.filter((f) => f >= ABOUT_TEN_X[0]).length;
  const parts = [
    throughput.length > 0 ? `throughput gRPC/REST ${range(throughput)}×` : null,
    p50Speedup.length > 0 ? `p50 latency REST/gRPC ${range(p50Speedup)}×` : null,
  ].filter(Boolean);
  const caveats = [`${view} view, closed loop, ${pairs.length} call/size scenarios, arm ${arms.grpc} vs ${arms.rest}`, `"about 10x" read as at least ${ABOUT_TEN_X[0]}x`];
  if (saturatedLeftOut > 0) caveats.push(leftOut);
  // end-to-end pairs stay in: the client's cost is part of what that view measures
  if (pairs.some((p) => isSaturated(p.candidate) || isSaturated(p.baseline))) caveats.push("load generator saturated in some scenarios: throughput is a lower bound there");
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  const byFactor = speedByFactor(attribution, arms);
  const split =
    byFactor.length > 0
      ? `; by factor (throughput, median of ${Math.max(...byFactor.map((f) => f.scenarios))} call/size chains): ${byFactor.map((f) => `${f.factor} ${range(f.range)}×`).join(", ")}`
      : "";
  return claim({
    id: SPEED_CLAIM.id,
    statement: `${SPEED_CLAIM.quote}: measured ${parts.join(", ")}${split}`,
    metric: SPEED_CLAIM.metric,
    metricLabel: SPEED_CLAIM.metricLabel,
    baseline: arms.rest,
    candidate: arms.grpc,
    family: "load",
    ratio: median(throughput.length > 0 ? throughput : p50Speedup),
    ci95: null,
    ...verdictFromShare(hits, factors.length, "call and size class"),
    caveats,
    ...(byFactor.length > 0 ? { byFactor } : {}),
  });
}

function latencyClaim(load: readonly LoadResult[], arms: ClaimArms): Finding | null {
  const closed = load.filter((s) => s.mode === "closed");
  const pick = (arm: string) => {
    const scenarios = closed.filter((s) => s.arm === arm);
    const server = scenarios.filter((s) => s.view === "server");
    return (server.length > 0 ? server : scenarios).map((s) => median(values(s, metric("p50")))).filter(Number.isFinite);
  };
  const grpc = pick(arms.grpc);
  const rest = pick(arms.rest);
  if (grpc.length === 0 || rest.length === 0) return null;
  const restHits = rest.filter((x) => within(x, CLAIMED_REST_P50_MS)).length;
  const grpcHits = grpc.filter((x) => within(x, CLAIMED_GRPC_P50_MS)).length;
  const verdict: { verdict: Verdict; verdictDetail?: string } =
    restHits === rest.length && grpcHits === grpc.length
      ? { verdict: "supported" }
      : restHits === 0 && grpcHits === 0
        ? { verdict: "not-supported" }
        : { verdict: "depends", verdictDetail: "on call, size class and load" };
  const concurrency = [...new Set(closed.map((s) => s.concurrency))].sort((a, b) => a - b).join(", ");
  return claim({
    id: "claim:latency-rest-50-100ms-grpc-5-15ms",
    metricLabel: "p50 latency",
    baseline: arms.rest,
    candidate: arms.grpc,
    family: "load",
    statement:
      `"Typical latency is 50–100 ms for REST vs 5–15 ms for gRPC": measured p50 REST ${msRange(rest)}, gRPC ${msRange(grpc)} ` +
      `(closed loop, ${concurrency} calls in flight)`,
    metric: "latencyMs.p50 (ms), median over repetitions",
    ratio: median(grpc) / median(rest),
    ci95: null,
    ...verdict,
    caveats: [
      "loopback only: no network round trip is included; absolute latency depends on network, load and payload more than on the protocol",
      "ratio is median gRPC p50 / median REST p50 across scenarios (the claim implies about 0.05–0.3)",
    ],
  });
}

export function claimFindings(load: readonly LoadResult[], sizes: readonly SizeResult[], pinned: boolean, arms: ClaimArms | null, attribution: readonly Attribution[] = []): Finding[] {
  const onLoad = arms === null ? [] : [speedClaim(load, arms, pinned, attribution), latencyClaim(load, arms)];
  return [sizeClaim(sizes), ...onLoad].filter((f): f is Finding => f !== null);
}
