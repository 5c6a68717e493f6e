// How one scenario's load is split over several load generators: N worker processes on this host (--workers N)
// or N hosts (--shard i/N). One rule for both:
//
// - connections are split as evenly as possible, the first parts taking one more (32 over 3: 11+11+10);
// - each part keeps the scenario's shape per connection (HTTP/2 streams per connection, HTTP/1.1 pipelining depth),
//   so its in-flight calls are its connections × that depth: c4x8 over 3 is 2x8 + 1x8 + 1x8 (16+8+8 in flight),
//   c32 over 3 is 11 + 11 + 10. Keeping the shape keeps what one connection carries, which is what the server sees;
// - an open loop's rate is split in proportion to the in-flight calls;
// - a scenario with fewer connections than parts cannot give every part one. Workers: the scenario runs on as many
//   workers as it has connections (the report says so). Shards: the scenario is left out on every shard, with a
//   caveat, so all shards still run the same schedule and measure the same scenarios.
//
// The run's split is process-wide state, set once before the families start (like bench/run-token.ts).
import { connectionShape, scenarioId, type ResolvedScenario } from "./load-scenario.js";

/** `total` over `parts` as evenly as possible, larger parts first; parts beyond `total` get 0. */
export function splitEvenly(total: number, parts: number): number[] {
  if (!Number.isInteger(total) || total < 0 || !Number.isInteger(parts) || parts < 1) throw new RangeError(`cannot split ${total} over ${parts}`);
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** What one connection carries at once: HTTP/2 streams, or HTTP/1.1 pipelined requests. */
function depthOf(s: Pick<ResolvedScenario, "streamsPerConnection" | "pipelining">): number {
  return s.streamsPerConnection ?? s.pipelining;
}

/**
 * Part `index` (0-based) of `count` of a scenario: its connections and in-flight calls, a numeric open-loop rate in
 * proportion, and the id of the part's own shape. null when the scenario has fewer connections than parts (that
 * part gets none). A fractional rate (a share of closed-loop throughput) stays as it is: it is resolved later from
 * throughput the same part measured.
 */
export function scenarioShare(scenario: ResolvedScenario, index: number, count: number): ResolvedScenario | null {
  if (count === 1) return scenario;
  const connections = splitEvenly(scenario.connections, count)[index] ?? 0;
  if (connections === 0) return null;
  const concurrency = connections * depthOf(scenario);
  const rate = typeof scenario.rate === "number" ? (scenario.rate * concurrency) / scenario.concurrency : scenario.rate;
  const share: ResolvedScenario = { ...scenario, connections, concurrency, rate };
  share.id = scenarioId(share);
  return share;
}

/** An open-loop rate split as the in-flight calls are. */
export function rateShare(rateRps: number, share: Pick<ResolvedScenario, "concurrency">, whole: Pick<ResolvedScenario, "concurrency">): number {
  return (rateRps * share.concurrency) / whole.concurrency;
}

/** The parts a scenario runs on with `workers` workers: at most one per connection. */
export function workersFor(scenario: Pick<ResolvedScenario, "connections">, workers: number): number {
  return Math.max(1, Math.min(workers, scenario.connections));
}

/** One line for a scenario that could not be split as asked. */
export function fewerConnectionsNote(scenario: Pick<ResolvedScenario, "connections" | "streamsPerConnection" | "pipelining">, asked: number, what: "workers" | "shards"): string {
  const shape = connectionShape(scenario);
  return what === "workers"
    ? `--workers ${asked}: ${shape} has ${scenario.connections} connection${scenario.connections === 1 ? "" : "s"}, so it ran on ${scenario.connections} worker${scenario.connections === 1 ? "" : "s"}`
    : `--shard i/${asked}: ${shape} has fewer connections (${scenario.connections}) than shards, so no shard measured it`;
}

export interface ShardSpec {
  /** 0-based, as JOB_COMPLETION_INDEX */
  index: number;
  count: number;
}

export interface LoadSplit {
  /** load generator processes per scenario on this host (1: this process alone, as without --workers) */
  workers: number;
  shard: ShardSpec | null;
  /** --start-at as ms since the epoch, null without it */
  startAtMs: number | null;
}

let current: LoadSplit = { workers: 1, shard: null, startAtMs: null };

export function setLoadSplit(next: LoadSplit): void {
  current = next;
}

export function loadSplit(): LoadSplit {
  return current;
}
