// Three claims that circulate in gRPC articles, each set next to what this run measured.
// "About 10x" is read as "within a factor of 2 of 10" (5x–20x); a claim holds when every measured case agrees,
// fails when none does, and otherwise "depends" on what the statement names.
import type { Finding } from "../model/finding.js";
import type { LoadResult } from "../model/load-result.js";
import type { SizeResult } from "../model/size-result.js";
import { COMPARED_METRICS, fmtRatio, isSaturated, pairScenarios, SATURATED_VERDICT, values, type ScenarioPair } from "./protocol-comparison.js";
import { median, ratioCi } from "./statistics.js";

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

function verdictFromShare(hits: number, total: number, dependsOn: string): string {
  if (hits === total) return "supported";
  if (hits === 0) return "not-supported";
  return `depends: on ${dependsOn}`;
}

function sizeClaim(sizes: readonly SizeResult[]): Finding | null {
  if (sizes.length === 0) return null;
  const raw = sizes.map((s) => s.ratio.raw);
  const gzip = sizes.map((s) => s.ratio.gzip);
  const hits = raw.filter((r) => within(r, ABOUT_TEN_X)).length;
  const largest = sizes.reduce((a, b) => (b.ratio.raw > a.ratio.raw ? b : a));
  return {
    id: "claim:protobuf-10x-smaller",
    statement:
      `"Protobuf payloads are about 10x smaller than JSON": measured JSON/protobuf size ratio ${range(raw)}× uncompressed ` +
      `(largest ratio: ${largest.message} ${largest.payload}), ${range(gzip)}× after gzip, over ${sizes.length} message/size combinations`,
    metric: "sizes[].ratio.raw (json / protobuf bytes)",
    ratio: median(raw),
    ci95: null,
    verdict: verdictFromShare(hits, raw.length, "message and size class"),
    caveats: ["sizes are deterministic (seeded payloads): no confidence interval", `"about 10x" read as ${ABOUT_TEN_X[0]}x–${ABOUT_TEN_X[1]}x`],
  };
}

/**
 * Server-view pairs when there are any (they measure the servers), end-to-end otherwise. A server-view pair where
 * either load generator saturated measures the load generator, so it is left out; when that leaves none, the
 * end-to-end pairs stand in (they include client cost by design), or nothing does.
 */
function speedPairs(load: readonly LoadResult[]): { pairs: ScenarioPair[]; view: string; saturatedLeftOut: number } {
  const all = pairScenarios(load).filter((p) => p.grpc.mode === "closed");
  const server = all.filter((p) => p.grpc.view === "server");
  const measurable = server.filter((p) => !isSaturated(p.grpc) && !isSaturated(p.rest));
  const saturatedLeftOut = server.length - measurable.length;
  if (measurable.length > 0) return { pairs: measurable, view: "server", saturatedLeftOut };
  return { pairs: all.filter((p) => p.grpc.view !== "server"), view: "end-to-end", saturatedLeftOut };
}

const metric = (key: string) => COMPARED_METRICS.find((m) => m.key === key)!;

const SPEED_CLAIM = {
  id: "claim:grpc-10x-faster",
  quote: '"gRPC is about 10x faster than REST/JSON"',
  metric: "throughputRps (gRPC/REST) and latencyMs.p50 (REST/gRPC)",
} as const;

function speedClaim(load: readonly LoadResult[], pinned: boolean): Finding | null {
  const { pairs, view, saturatedLeftOut } = speedPairs(load);
  const leftOut = `${saturatedLeftOut} server-view scenario${saturatedLeftOut === 1 ? "" : "s"} left out: load generator saturated (their throughput measures the load generator, not the server)`;
  const throughput: number[] = [];
  const p50Speedup: number[] = [];
  for (const p of pairs) {
    const t = ratioCi(values(p.grpc, metric("throughput")), values(p.rest, metric("throughput")));
    const l = ratioCi(values(p.rest, metric("p50")), values(p.grpc, metric("p50")));
    if (t) throughput.push(t.ratio);
    if (l) p50Speedup.push(l.ratio);
  }
  if (throughput.length === 0 && p50Speedup.length === 0) {
    if (saturatedLeftOut === 0) return null;
    return {
      id: SPEED_CLAIM.id,
      statement: `${SPEED_CLAIM.quote}: not measured: the load generator saturated in every server-view closed-loop scenario`,
      metric: SPEED_CLAIM.metric,
      ratio: null,
      ci95: null,
      verdict: SATURATED_VERDICT,
      caveats: [leftOut],
    };
  }
  const factors = [...throughput, ...p50Speedup];
  const hits = factors.filter((f) => f >= ABOUT_TEN_X[0]).length;
  const parts = [
    throughput.length > 0 ? `throughput gRPC/REST ${range(throughput)}×` : null,
    p50Speedup.length > 0 ? `p50 latency REST/gRPC ${range(p50Speedup)}×` : null,
  ].filter(Boolean);
  const caveats = [`${view} view, closed loop, ${pairs.length} call/size scenarios`, `"about 10x" read as at least ${ABOUT_TEN_X[0]}x`];
  if (saturatedLeftOut > 0) caveats.push(leftOut);
  // end-to-end pairs stay in: the client's cost is part of what that view measures
  if (pairs.some((p) => isSaturated(p.grpc) || isSaturated(p.rest))) caveats.push("load generator saturated in some scenarios: throughput is a lower bound there");
  if (!pinned) caveats.push("CPUs not pinned: server and load generator shared cores");
  return {
    id: SPEED_CLAIM.id,
    statement: `${SPEED_CLAIM.quote}: measured ${parts.join(", ")}`,
    metric: SPEED_CLAIM.metric,
    ratio: median(throughput.length > 0 ? throughput : p50Speedup),
    ci95: null,
    verdict: verdictFromShare(hits, factors.length, "call and size class"),
    caveats,
  };
}

function latencyClaim(load: readonly LoadResult[]): Finding | null {
  const closed = load.filter((s) => s.mode === "closed");
  const pick = (protocol: "grpc" | "rest") => {
    const scenarios = closed.filter((s) => s.protocol === protocol);
    const server = scenarios.filter((s) => s.view === "server");
    return (server.length > 0 ? server : scenarios).map((s) => median(values(s, metric("p50")))).filter(Number.isFinite);
  };
  const grpc = pick("grpc");
  const rest = pick("rest");
  if (grpc.length === 0 || rest.length === 0) return null;
  const restHits = rest.filter((x) => within(x, CLAIMED_REST_P50_MS)).length;
  const grpcHits = grpc.filter((x) => within(x, CLAIMED_GRPC_P50_MS)).length;
  const verdict =
    restHits === rest.length && grpcHits === grpc.length
      ? "supported"
      : restHits === 0 && grpcHits === 0
        ? "not-supported"
        : "depends: on call, size class and load";
  const concurrency = [...new Set(closed.map((s) => s.concurrency))].sort((a, b) => a - b).join(", ");
  return {
    id: "claim:latency-rest-50-100ms-grpc-5-15ms",
    statement:
      `"Typical latency is 50–100 ms for REST vs 5–15 ms for gRPC": measured p50 REST ${msRange(rest)}, gRPC ${msRange(grpc)} ` +
      `(closed loop, ${concurrency} calls in flight)`,
    metric: "latencyMs.p50 (ms), median over repetitions",
    ratio: median(grpc) / median(rest),
    ci95: null,
    verdict,
    caveats: [
      "loopback only: no network round trip is included; absolute latency depends on network, load and payload more than on the protocol",
      "ratio is median gRPC p50 / median REST p50 across scenarios (the claim implies about 0.05–0.3)",
    ],
  };
}

export function claimFindings(load: readonly LoadResult[], sizes: readonly SizeResult[], pinned: boolean): Finding[] {
  return [sizeClaim(sizes), speedClaim(load, pinned), latencyClaim(load)].filter((f): f is Finding => f !== null);
}
