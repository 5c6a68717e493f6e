// The load entries of several shards → one entry per scenario, as one load generator N times as large would have
// recorded it. Repetition r of every shard ran in the same round at the same agreed moments, so the merged
// repetition r is the exact merge of the shards' windows r (bench/merge/merge-measurements.ts: histograms added,
// counts summed, throughput over the common window); the top-level figures then come from the merged
// repetitions exactly as a single run's come from its own (aggregateRepetitions). The load configuration is the
// whole run's: the shards' connections, in-flight calls and open-loop rates added.
import { AGGREGATION_NOTE, aggregateRepetitions } from "../../bench/load/aggregate-repetitions.js";
import { connectionShape } from "../../bench/load/load-scenario.js";
import { mergeMeasurements } from "../../bench/merge/merge-measurements.js";
import { mergeOpenLoop } from "../../bench/merge/merge-open-loop.js";
import type { LoadResult } from "../../bench/model/load-result.js";
import type { Measurement } from "../../bench/model/measurement.js";
import type { MergedScenario, MergeFlag, ShardShare } from "../../bench/model/shard-merge.js";
import { loadKeys, MergeError, type Shard } from "./shard-set.js";
import { skewThresholdMs, windowAlignment } from "./shard-timing.js";

export const MERGED_AGGREGATION_NOTE = `${AGGREGATION_NOTE}; merged from shards: each repetition is the exact merge of the shards' windows of the same round (histograms added, requests and errors summed, throughput over their common window)`;

interface Part {
  shard: Shard;
  entry: LoadResult;
}

export interface MergedLoad {
  load: LoadResult[];
  scenarios: MergedScenario[];
  flags: MergeFlag[];
}

/** Equal in every part → that value; else each shard's, named. */
function perShard(parts: readonly Part[], pick: (r: LoadResult) => string | null): string | null {
  const values = parts.map((p) => pick(p.entry));
  if (values.every((v) => v === values[0])) return values[0] ?? null;
  return parts.map((p, i) => `shard ${p.shard.shard.index}: ${values[i] ?? "none"}`).join("; ");
}

/**
 * The id of the whole load: the shards' ids name their own share (c1x8 each, for a c3x8 split over 3), so the shape
 * at the end of the id is made again from the connections added up (and the streams or pipelining depth per
 * connection, which a split keeps), as an unsharded run of the same load would name it.
 */
function mergedScenarioId(parts: readonly Part[], connections: number): string {
  const ids = parts.map((p) => p.entry.scenario);
  const first = parts[0]!.entry;
  const streams = parts.every((p) => p.entry.streamsPerConnection === first.streamsPerConnection) ? first.streamsPerConnection : null;
  const shape = connectionShape({ connections, streamsPerConnection: streams, pipelining: first.pipelining });
  // an open loop's own rate is split like the calls in flight (@100rps over 3: @33.3…rps each): the whole is their sum
  const suffixes = ids.map((id) => /@[^/]*$/.exec(id)?.[0] ?? "");
  const rps = suffixes.map((r) => /^@([\d.]+)rps$/.exec(r)?.[1]);
  const rate = suffixes.every((r) => r === suffixes[0])
    ? suffixes[0]!
    : rps.every((r) => r !== undefined)
      ? `@${Number(rps.reduce((n, r) => n + Number(r), 0).toPrecision(12))}rps`
      : suffixes[0]!;
  const slash = first.scenario.lastIndexOf("/");
  return `${first.scenario.slice(0, slash + 1)}${shape}${rate}`;
}

/** Notes every shard made once; a note only some made, with the shards that made it. */
function mergeNotes(parts: readonly Part[]): string[] {
  const by = new Map<string, number[]>();
  for (const p of parts) for (const note of p.entry.notes ?? []) by.set(note, [...(by.get(note) ?? []), p.shard.shard.index]);
  return [...by].map(([note, shards]) => (shards.length === parts.length ? note : `shard${shards.length > 1 ? "s" : ""} ${shards.join(", ")}: ${note}`));
}

const sumOf = (parts: readonly Part[], pick: (r: LoadResult) => number) => parts.reduce((n, p) => n + pick(p.entry), 0);

function share(part: Part): ShardShare {
  const r = part.entry;
  return {
    index: part.shard.shard.index,
    requests: r.requests,
    errors: r.errors.total,
    throughputRps: r.throughputRps,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    concurrency: r.concurrency,
    driverSaturated: r.driverSaturated || r.repetitions.some((w) => w.driverSaturated),
    endReason: r.endReason,
  };
}

function mergeScenario(parts: readonly Part[], allowMissing: boolean): { entry: LoadResult; scenario: MergedScenario; flags: MergeFlag[] } {
  const first = parts[0]!.entry;
  const flags: MergeFlag[] = [];
  const connections = sumOf(parts, (r) => r.connections);
  const id = mergedScenarioId(parts, connections);
  const rounds = Math.max(...parts.map((p) => p.entry.repetitions.length));
  const short = parts.filter((p) => p.entry.repetitions.length < rounds);
  if (short.length > 0) {
    const longest = parts.find((p) => p.entry.repetitions.length === rounds)!;
    if (!allowMissing) {
      throw new MergeError(
        `${short[0]!.shard.file} has ${short[0]!.entry.repetitions.length} repetitions of ${first.scenario}, ${longest.shard.file} ${rounds}: merge with --allow-missing to merge each repetition from the shards that measured it`,
      );
    }
    for (const p of short) {
      flags.push({
        kind: "missing-repetition",
        shard: p.shard.shard.index,
        scenario: id,
        text: `shard ${p.shard.shard.index} measured ${p.entry.repetitions.length} of ${rounds} repetitions of ${id}: the others hold only the remaining shards' share of the load`,
      });
    }
  }
  const repetitions: Measurement[] = [];
  let spreadMs = 0;
  let overlap = 1;
  const threshold = skewThresholdMs(first.durationS);
  const skewed: number[] = [];
  const alone = new Set<number>();
  for (let r = 0; r < rounds; r++) {
    const windows = parts.flatMap((p) => (p.entry.repetitions[r] !== undefined ? [{ p, w: p.entry.repetitions[r]! }] : []));
    const merged = mergeMeasurements(windows.map((x) => x.w));
    const round = windows[0]!.w.round;
    repetitions.push(round !== undefined ? { ...merged, round } : merged);
    const alignment = windowAlignment(windows.map(({ p, w }) => ({ shard: p.shard.shard.index, window: w, clockOffsetMs: p.shard.shard.clockOffsetMs })));
    spreadMs = Math.max(spreadMs, alignment.spreadMs);
    overlap = Math.min(overlap, alignment.overlap);
    if (alignment.spreadMs > skewThresholdMs(Math.max(...windows.map((x) => x.w.durationS)))) skewed.push(r + 1);
    for (const s of alignment.alone) alone.add(s);
  }
  if (skewed.length > 0) {
    flags.push({
      kind: "window-skew",
      shard: null,
      scenario: id,
      text: `${id}: the shards' windows started up to ${Math.round(spreadMs)} ms apart (above ${Math.round(threshold)} ms in ${skewed.length} of ${rounds} repetitions; overlap down to ${Math.round(overlap * 100)}% of a window): the merged figures describe a load the servers carried only in part of each window`,
    });
  }
  for (const s of [...alone].sort((a, b) => a - b)) {
    flags.push({
      kind: "no-overlap",
      shard: s,
      scenario: id,
      text: `${id}: shard ${s}'s window did not overlap any other shard's in at least one repetition: its calls were added to load they never ran beside`,
    });
  }
  for (const p of parts) {
    if (share(p).driverSaturated) {
      flags.push({
        kind: "saturated-shard",
        shard: p.shard.shard.index,
        scenario: id,
        text: `${id}: shard ${p.shard.shard.index}'s load generator (${p.shard.shard.host}) was saturated: the merged throughput is a lower bound`,
      });
    }
  }

  // open loop: the whole run's rate is the shards' rates added
  const targetRps = parts.every((p) => p.entry.targetRps !== null) ? sumOf(parts, (r) => r.targetRps ?? 0) : null;
  const openLoop = mergeOpenLoop(parts.map((p) => p.entry.openLoop));
  const notes = mergeNotes(parts);
  const entry: LoadResult = {
    ...first,
    ...aggregateRepetitions(repetitions),
    scenario: id,
    connections,
    concurrency: sumOf(parts, (r) => r.concurrency),
    targetRps,
    target: perShard(parts, (r) => r.target) ?? first.target,
    serverPinnedCpus: perShard(parts, (r) => r.serverPinnedCpus),
    clientPinnedCpus: perShard(parts, (r) => r.clientPinnedCpus),
    // as a single run's entry: the configured window of one repetition (each merged repetition keeps its own)
    durationS: first.durationS,
    repetitions,
    aggregation: MERGED_AGGREGATION_NOTE,
    ...(openLoop !== undefined ? { openLoop } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
  if (openLoop === undefined) delete entry.openLoop;
  if (notes.length === 0) delete entry.notes;
  return {
    entry,
    scenario: { scenario: id, arm: first.arm, shards: parts.map(share), windowSpreadMs: parts.length > 1 ? spreadMs : null, overlap: parts.length > 1 ? overlap : null },
    flags,
  };
}

/**
 * Every load scenario of the shards, merged, in the order the first shard that has it recorded it; `partial`: the
 * keys some shard lacks although it had a share of them (merged with --allow-missing, flagged).
 */
export function mergeLoad(shards: readonly Shard[], allowMissing: boolean, partial: ReadonlySet<string> = new Set()): MergedLoad {
  const keyed = shards.map((shard) => ({ shard, keys: loadKeys(shard.report.load) }));
  const order: string[] = [];
  for (const { keys } of keyed) for (const key of keys) if (!order.includes(key)) order.push(key);
  const out: MergedLoad = { load: [], scenarios: [], flags: [] };
  for (const key of order) {
    const parts: Part[] = keyed.flatMap(({ shard, keys }) => {
      const i = keys.indexOf(key);
      return i < 0 ? [] : [{ shard, entry: shard.report.load[i]! }];
    });
    const merged = mergeScenario(parts, allowMissing);
    // a scenario with fewer connections than shards is rightly absent from the shards beyond them (shard-set.ts)
    if (partial.has(key)) {
      const lacking = shards.filter((s) => !parts.some((p) => p.shard === s)).map((s) => s.shard.index);
      merged.flags.unshift({
        kind: "missing-scenario",
        shard: null,
        scenario: merged.entry.scenario,
        text: `${merged.entry.scenario} was not measured by shard${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")}: merged from the others, so it holds only their share of the load`,
      });
    }
    out.load.push(merged.entry);
    out.scenarios.push(merged.scenario);
    out.flags.push(...merged.flags);
  }
  return out;
}
