// Shard reports (checked by shard-set.ts) → one report, like a normal run's: load entries merged exactly
// (merge-load.ts), the per-host families taken from one shard and said so, the shards' own caveats kept with the
// shards that raised them, the merge's flags (a missing shard, clock or window skew, a saturated shard) in the
// caveats and in report.merge, and findings, attribution and derived caveats recomputed on the merged entries.
// Pure: no file system; the CLI reads the reports and writes the outputs.
import { analyzeReport } from "../../bench/analysis/analyze-report.js";
import { REPETITIONS_CAVEAT_START, runCaveats } from "../../bench/analysis/run-caveats.js";
import type { Arm, ArmTls } from "../../bench/model/arm.js";
import type { Environment } from "../../bench/model/environment.js";
import type { FamilyRun, Report } from "../../bench/model/report.js";
import type { MergedShard, MergeFlag, ShardMerge } from "../../bench/model/shard-merge.js";
import { mergeLoad } from "./merge-load.js";
import type { Shard, ShardSet } from "./shard-set.js";
import { clockSpreadMs, SKEW_FLOOR_MS, SKEW_RULE } from "./shard-timing.js";

export interface MergeOptions {
  /** merge a set with missing shards, scenarios or repetitions (flagged) instead of refusing it */
  allowMissing: boolean;
  /** where the merged outputs go, recorded in options.out */
  out: string;
}

const END_SEVERITY: Record<Report["endReason"], number> = { completed: 0, aborted: 1, failed: 2 };
const FAMILY_SEVERITY: Record<FamilyRun["endReason"], number> = { completed: 0, skipped: 1, aborted: 2, failed: 3 };

const worst = <T extends string>(values: readonly T[], severity: Record<T, number>): T => values.reduce((w, v) => (severity[v] > severity[w] ? v : w));

/** "shards 0, 2: " when only some said it; "" when every shard did. */
function whoSaid(indices: readonly number[], total: number): string {
  if (indices.length === total) return "";
  return `shard${indices.length > 1 ? "s" : ""} ${indices.join(", ")}: `;
}

/** Each family's run over the shards: its worst ending, its longest duration, every shard's failure named. */
function mergeFamilies(shards: readonly Shard[]): FamilyRun[] {
  const names: string[] = [];
  for (const s of shards) for (const f of s.report.families) if (!names.includes(f.family)) names.push(f.family);
  return names.map((family) => {
    const runs = shards.flatMap((s) => s.report.families.filter((f) => f.family === family).map((f) => ({ index: s.shard.index, run: f })));
    const failures = runs.filter((r) => r.run.failure !== undefined).map((r) => `shard ${r.index}: ${r.run.failure}`);
    const leftOut = [...new Set(runs.flatMap((r) => r.run.leftOut ?? []))];
    return {
      family,
      endReason: worst(
        runs.map((r) => r.run.endReason),
        FAMILY_SEVERITY,
      ),
      durationS: Math.max(...runs.map((r) => r.run.durationS)),
      ...(failures.length > 0 ? { failure: failures.join("; ") } : {}),
      ...(leftOut.length > 0 ? { leftOut } : {}),
    };
  });
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

const mostCommon = (counts: Record<string, number>): string | null => {
  let best: string | null = null;
  for (const [k, n] of Object.entries(counts)) if (best === null || n > (counts[best] ?? 0)) best = k;
  return best;
};

/** An arm's TLS over every shard's clients: handshakes and negotiated values added, the most common named. */
function mergeArmTls(records: readonly (ArmTls | undefined)[]): ArmTls | undefined {
  const known = records.filter((r): r is ArmTls => r !== undefined);
  if (known.length === 0) return undefined;
  const on = known.filter((r): r is Extract<ArmTls, { enabled: true }> => r.enabled);
  if (on.length === 0) return { enabled: false };
  const protocols: Record<string, number> = {};
  const ciphers: Record<string, number> = {};
  const alpns: Record<string, number> = {};
  for (const r of on) {
    addCounts(protocols, r.protocols);
    addCounts(ciphers, r.ciphers);
    addCounts(alpns, r.alpns);
  }
  return {
    enabled: true,
    verified: on.every((r) => r.verified),
    protocol: mostCommon(protocols),
    cipher: mostCommon(ciphers),
    alpn: mostCommon(alpns),
    handshakes: { full: on.reduce((n, r) => n + r.handshakes.full, 0), resumed: on.reduce((n, r) => n + r.handshakes.resumed, 0) },
    protocols,
    ciphers,
    alpns,
  };
}

function mergeArms(shards: readonly Shard[]): Arm[] {
  return shards[0]!.report.arms.map((arm) => {
    const tls = mergeArmTls(shards.map((s) => s.report.arms.find((a) => a.id === arm.id)?.tls));
    const { tls: _first, ...rest } = arm;
    return tls !== undefined ? { ...rest, tls } : rest;
  });
}

/** The merged run's environment: the first shard's, pinned only if every shard was; each shard's own is in report.merge.shards. */
function mergeEnvironment(shards: readonly Shard[]): Environment {
  const first = shards[0]!.report.environment;
  const pinned = shards.every((s) => s.report.environment.pinned);
  const pinnings = shards.map((s) => s.report.environment.pinning ?? (s.report.environment.pinned ? "pinned" : "not pinned"));
  const same = pinnings.every((p) => p === pinnings[0]);
  const hosts = new Set(shards.map((s) => s.shard.host));
  return {
    ...structuredClone(first),
    pinned,
    pinning: `${same ? pinnings[0] : shards.map((s, i) => `shard ${s.shard.index}: ${pinnings[i]}`).join("; ")}; ${shards.length} shard load generators on ${hosts.size} host${hosts.size === 1 ? "" : "s"}, each shard's environment in merge.shards`,
  };
}

/** The caveats a shard's families raised (not the ones its analysis derived, which are derived again from the merged entries). */
function familyCaveats(report: Report): string[] {
  const derived = new Set(runCaveats(report));
  // a shard report from an older version words the repetitions caveat its own way: the merged run derives its own
  return report.caveats.filter((c) => !derived.has(c) && !c.startsWith(REPETITIONS_CAVEAT_START));
}

function mergeCaveats(shards: readonly Shard[]): string[] {
  const by = new Map<string, number[]>();
  for (const s of shards) for (const c of familyCaveats(s.report)) by.set(c, [...(by.get(c) ?? []), s.shard.index]);
  return [...by].map(([c, indices]) => `${whoSaid(indices, shards.length)}${c}`);
}

function shardSummary(s: Shard): MergedShard {
  const windows = s.report.load.flatMap((r) => r.repetitions);
  const requests = windows.reduce((n, w) => n + w.requests, 0);
  const errors = windows.reduce((n, w) => n + w.errors.total, 0);
  const seconds = windows.reduce((n, w) => n + w.durationS, 0);
  return {
    index: s.shard.index,
    host: s.shard.host,
    file: s.file,
    startedAt: s.report.startedAt,
    finishedAt: s.report.finishedAt,
    startAt: s.shard.startAt,
    clockOffsetMs: s.shard.clockOffsetMs,
    ...(s.shard.clockOffsetNote !== undefined ? { clockOffsetNote: s.shard.clockOffsetNote } : {}),
    endReason: s.report.endReason,
    requests,
    errors,
    throughputRps: seconds > 0 ? (requests - errors) / seconds : 0,
    driverSaturated: s.report.load.some((r) => r.driverSaturated || r.repetitions.some((w) => w.driverSaturated)),
    environment: s.report.environment,
  };
}

/** Flags about the shards as a whole: missing ones, clocks and start times apart, shards that did not complete. */
function shardFlags(set: ShardSet): MergeFlag[] {
  const flags: MergeFlag[] = [];
  if (set.missing.length > 0) {
    const m = set.missing;
    flags.push({
      kind: "missing-shard",
      shard: null,
      scenario: null,
      text: `shard${m.length > 1 ? "s" : ""} ${m.map((i) => `${i}/${set.count}`).join(", ")} ${m.length > 1 ? "were" : "was"} not merged (--allow-missing): every load figure holds ${set.shards.length} of ${set.count} shards' share of the load`,
    });
  }
  const spread = clockSpreadMs(set.shards.map((s) => s.shard.clockOffsetMs));
  if (spread !== null && spread > SKEW_FLOOR_MS) {
    flags.push({
      kind: "clock-skew",
      shard: null,
      scenario: null,
      text: `the shards' clocks disagreed by up to ${Math.round(spread)} ms (their estimated offsets): --start-at began their windows that far apart unless the shards corrected for it`,
    });
  }
  const unknown = set.shards.filter((s) => s.shard.clockOffsetMs === null).map((s) => s.shard.index);
  if (unknown.length > 0 && set.shards.length > 1) {
    flags.push({
      kind: "clock-skew",
      shard: unknown.length === 1 ? unknown[0]! : null,
      scenario: null,
      text: `shard${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} could not estimate ${unknown.length > 1 ? "their" : "its"} clock offset: ${unknown.length > 1 ? "their" : "its"} window starts are compared by ${unknown.length > 1 ? "their own clocks" : "its own clock"}`,
    });
  }
  const starts = set.shards.map((s) => (s.shard.startAt === null ? null : Date.parse(s.shard.startAt))).filter((t): t is number => t !== null && Number.isFinite(t));
  if (starts.length > 1 && Math.max(...starts) - Math.min(...starts) > SKEW_FLOOR_MS) {
    flags.push({
      kind: "clock-skew",
      shard: null,
      scenario: null,
      text: `the shards were given start times up to ${Math.round(Math.max(...starts) - Math.min(...starts))} ms apart (--start-at): they did not start together`,
    });
  }
  for (const s of set.shards) {
    if (s.report.endReason !== "completed") {
      flags.push({ kind: "shard-not-completed", shard: s.shard.index, scenario: null, text: `shard ${s.shard.index} (${s.shard.host}, ${s.file}) ${s.report.endReason}: its share of some scenarios is partial or missing` });
    }
  }
  return flags;
}

const list = (xs: readonly string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join("; ")}; and ${xs.length - max} more` : xs.join("; "));

/** One caveat per kind of flag (the full list is in report.merge.flags), so a merge of many scenarios stays readable. */
function flagCaveats(flags: readonly MergeFlag[]): string[] {
  const kinds = [...new Set(flags.map((f) => f.kind))];
  return kinds.map((kind) => {
    const texts = flags.filter((f) => f.kind === kind).map((f) => f.text);
    return texts.length === 1 ? `merge: ${texts[0]}` : `merge: ${texts.length} ${kind} flags (all in merge.flags): ${list(texts)}`;
  });
}

/** The families whose entries come from one shard: per-host figures, or measurements one shard makes whole. */
function fromOneShard(first: Shard, shards: readonly Shard[]): string[] {
  const r = first.report;
  const from = `shard ${first.shard.index} (${first.shard.host})`;
  const others = shards.length > 1 ? `; the other shards' are left out` : "";
  const lines: string[] = [];
  if (r.sizes.length > 0) lines.push(`size: from ${from}: serialized sizes do not depend on the host${others}`);
  if (r.micro.length > 0) lines.push(`micro: from ${from}: encode/decode speed is one host's CPU, not a share of the load, so it is not added across hosts${others}`);
  const whole: [string, number][] = [
    ["compression", r.compression.length],
    ["multiplex", r.multiplex.length],
    ["stream", r.stream.length],
    ["tls", r.tls?.length ?? 0],
  ];
  for (const [family, n] of whole) {
    if (n > 0) lines.push(`${family}: from ${from}: each shard measured these configurations whole, not a share of them, so they are not added${others}`);
  }
  return lines;
}

export function mergeShardReports(set: ShardSet, options: MergeOptions): Report {
  const { shards } = set;
  const first = shards[0]!;
  const { load, scenarios, flags: loadFlags } = mergeLoad(shards, options.allowMissing, new Set(set.partialScenarios.keys()));
  const flags = [...shardFlags(set), ...loadFlags];
  const oneShard = fromOneShard(first, shards);
  const merge: ShardMerge = {
    count: set.count,
    merged: shards.map((s) => s.shard.index),
    missing: set.missing,
    skewThresholdMs: SKEW_RULE,
    shards: shards.map(shardSummary),
    load: scenarios,
    fromOneShard: oneShard,
    flags,
  };
  const startedAt = shards.map((s) => s.report.startedAt).sort()[0]!;
  const finishedAt = shards.map((s) => s.report.finishedAt).sort().at(-1)!;
  const { shard: _shard, ...firstReport } = first.report;
  const { shard: _shardOption, ...firstOptions } = first.report.options;
  const hosts = [...new Set(shards.map((s) => s.shard.host))];
  const caveats = [
    `merged from ${shards.length} of ${set.count} shard reports (${shards.map((s) => `${s.shard.index}: ${s.shard.host}`).join(", ")}): each load entry is the exact merge of the shards' windows; ${hosts.length > 1 ? `${hosts.length} hosts' load generators` : "the shards' load generators"} share one server per arm`,
    ...mergeCaveats(shards),
    ...flagCaveats(flags),
    ...oneShard.map((line) => `merge: ${line}`),
  ];
  const serverExits = shards.flatMap((s) => (s.report.serverExits ?? []).map((e) => ({ ...e, runElapsedS: (Date.parse(e.at) - Date.parse(startedAt)) / 1000 })));
  const merged: Report = {
    ...structuredClone(firstReport),
    options: { ...structuredClone(firstOptions), out: options.out, mergedFrom: shards.map((s) => s.file), ...(options.allowMissing ? { allowMissing: true } : {}) },
    startedAt,
    finishedAt,
    endReason: worst(
      shards.map((s) => s.report.endReason),
      END_SEVERITY,
    ),
    environment: mergeEnvironment(shards),
    families: mergeFamilies(shards),
    arms: mergeArms(shards),
    load,
    findings: [],
    attribution: [],
    caveats: [...new Set(caveats)],
    ...(serverExits.length > 0 || first.report.serverExits !== undefined ? { serverExits } : {}),
    merge,
  };
  return analyzeReport(merged);
}
