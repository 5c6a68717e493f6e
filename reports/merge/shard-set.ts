// Whether shard reports belong to one sharded run, checked before anything is merged: made by the same tool and
// commit, with the same profile and the same load-shaping options (arms, baseline, families, targets, workers…),
// each a different shard of the same count, with the same load scenarios. Anything else is a MergeError whose
// message is the one line `npm run merge` prints before exiting 2, naming the file and what differs.
import { splitEvenly } from "../../bench/load/load-split.js";
import type { LoadResult } from "../../bench/model/load-result.js";
import type { Report, ShardRun } from "../../bench/model/report.js";

export class MergeError extends Error {
  override name = "MergeError";
}

/** What `--shard i/N --start-at ISO` writes into a report (bench/model/report.ts ShardRun). */
export type ShardField = ShardRun;

export interface ShardInput {
  /** the path as the user gave it: every message names the file this way */
  file: string;
  report: Report;
}

export interface Shard extends ShardInput {
  shard: ShardField;
}

export interface ShardSet {
  /** the shards given, by index */
  shards: Shard[];
  count: number;
  /** indices not given (only with allowMissing) */
  missing: number[];
  /** load scenarios some shard lacks (only with allowMissing): key → the files that have it */
  partialScenarios: Map<string, string[]>;
}

/**
 * Options that differ from host to host without changing the load: where the shard wrote its report, which shard
 * it was, when it was told to start (compared as clock skew, not refused), and the local path of a CA file. Every
 * other option, including ones added later, must be equal: a new option that shapes the load is refused by default.
 */
const PER_HOST_OPTIONS: ReadonlySet<string> = new Set(["out", "shard", "startAt", "ca"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function shardOf(report: Report): ShardField | null {
  return report.shard ?? null;
}

/** Canonical JSON (object keys sorted) so equal options compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

const MAX_SHOWN = 80;
function shown(value: unknown): string {
  if (value === undefined) return "none";
  const text = Array.isArray(value) && value.every((v) => typeof v === "string") ? value.join(",") : typeof value === "string" ? value : canonical(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

const commitText = (c: string | null) => (c === null ? "an unknown commit" : `commit ${c.slice(0, 12)}`);

/**
 * The key a load entry is matched by across shards: what it measures, not how much of it. A shard's share of the
 * in-flight calls differs from shard to shard (32 over 3 is 11+11+10), and so may its scenario id; the ordinal
 * tells apart scenarios of one shape that differ only in load (the full profile's c32 and c1).
 */
export function loadKeys(load: readonly LoadResult[]): string[] {
  const seen = new Map<string, number>();
  return load.map((r) => {
    const shape = [r.arm, r.view, r.call, r.payload, r.mode, r.driver].join("/");
    const n = seen.get(shape) ?? 0;
    seen.set(shape, n + 1);
    return n === 0 ? shape : `${shape}#${n + 1}`;
  });
}

/**
 * Whether the shards that measured a scenario hold all of its load: a scenario with fewer connections than shards
 * gives the shards beyond its connections none (bench/load/load-split.ts), so they rightly lack it. True when each
 * shard's connections are exactly its part of their total under the split rule, the lacking ones' part being 0.
 */
function splitComplete(parts: readonly { index: number; entry: LoadResult }[], count: number): boolean {
  const total = parts.reduce((n, p) => n + p.entry.connections, 0);
  const expected = splitEvenly(total, count);
  return expected.every((c, i) => (parts.find((p) => p.index === i)?.entry.connections ?? 0) === c);
}

/** Compares each report with the first given; throws MergeError on the first thing that differs. */
function sameRun(ref: Shard, other: Shard): void {
  const a = ref.report;
  const b = other.report;
  const A = ref.file;
  const B = other.file;
  if (b.schemaVersion !== a.schemaVersion) throw new MergeError(`${B} is schemaVersion ${b.schemaVersion}, ${A} ${a.schemaVersion}`);
  if (b.tool.name !== a.tool.name || b.tool.version !== a.tool.version) {
    throw new MergeError(`${B} was made by ${b.tool.name} ${b.tool.version}, ${A} by ${a.tool.name} ${a.tool.version}`);
  }
  if (b.environment.gitCommit !== a.environment.gitCommit) throw new MergeError(`${B} ran ${commitText(b.environment.gitCommit)}, ${A} ${commitText(a.environment.gitCommit)}`);
  if (b.profile !== a.profile) throw new MergeError(`${B} ran the ${b.profile} profile, ${A} the ${a.profile} profile`);
  if (other.shard.count !== ref.shard.count) {
    throw new MergeError(`${B} is shard ${other.shard.index}/${other.shard.count}, ${A} shard ${ref.shard.index}/${ref.shard.count}: not one run's shards`);
  }
  const keys = [...new Set([...Object.keys(a.options), ...Object.keys(b.options)])].filter((k) => !PER_HOST_OPTIONS.has(k)).sort();
  for (const key of keys) {
    if (canonical(a.options[key]) !== canonical(b.options[key])) {
      throw new MergeError(`${B} ran with ${key} ${shown(b.options[key])}, ${A} with ${shown(a.options[key])}`);
    }
  }
  if (b.baseline !== a.baseline) throw new MergeError(`${B} has baseline ${b.baseline}, ${A} ${a.baseline}`);
  const armsA = a.arms.map((x) => `${x.id}=${x.target ?? "local"}`);
  const armsB = b.arms.map((x) => `${x.id}=${x.target ?? "local"}`);
  if (armsA.join(" ") !== armsB.join(" ")) throw new MergeError(`${B} measured arms ${armsB.join(", ")}, ${A} ${armsA.join(", ")}`);
}

/** Every arm a shard loaded is a --target: servers each host started for itself are not one server under N× the load. */
function loadsSharedServers(shard: Shard): void {
  const loaded = new Set(shard.report.load.map((r) => r.arm));
  const local = shard.report.arms.find((arm) => loaded.has(arm.id) && arm.target === null);
  if (local !== undefined) {
    throw new MergeError(`${shard.file} loaded a ${local.id} server it started itself (no --target): shards must load the same running servers to be merged`);
  }
}

/**
 * The shards in index order, checked. `allowMissing`: a shard index not given, or a load scenario some shard lacks,
 * is merged without it (the caller flags it) instead of refused.
 */
export function checkShardSet(inputs: readonly ShardInput[], allowMissing: boolean): ShardSet {
  if (inputs.length === 0) throw new MergeError("no report to merge");
  const shards: Shard[] = inputs.map((input) => {
    const shard = shardOf(input.report);
    if (shard === null) throw new MergeError(`${input.file} has no shard field: it was not run with --shard i/N`);
    if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
      throw new MergeError(`${input.file} says it is shard ${shard.index}/${shard.count}, which is not an index 0..${shard.count - 1}`);
    }
    return { ...input, shard };
  });
  const ref = shards[0]!;
  for (const other of shards.slice(1)) sameRun(ref, other);
  for (const shard of shards) loadsSharedServers(shard);

  const byIndex = new Map<number, Shard>();
  for (const shard of shards) {
    const twin = byIndex.get(shard.shard.index);
    if (twin !== undefined) throw new MergeError(`${shard.file} is shard ${shard.shard.index}/${shard.shard.count} like ${twin.file}`);
    byIndex.set(shard.shard.index, shard);
  }
  const count = ref.shard.count;
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0 && !allowMissing) {
    const given = [...byIndex.keys()].sort((x, y) => x - y).join(", ");
    throw new MergeError(
      `shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing (given: ${given}): add ${missing.length > 1 ? "their reports" : "its report"}, or merge without ${missing.length > 1 ? "them" : "it"} with --allow-missing`,
    );
  }

  const sorted = [...byIndex.values()].sort((x, y) => x.shard.index - y.shard.index);
  const keysOf = new Map(sorted.map((s) => [s, loadKeys(s.report.load)] as const));
  const partialScenarios = new Map<string, string[]>();
  const all = [...new Set(sorted.flatMap((s) => keysOf.get(s)!))];
  for (const key of all) {
    const having = sorted.filter((s) => keysOf.get(s)!.includes(key));
    if (having.length === sorted.length) continue;
    if (missing.length === 0 && splitComplete(having.map((s) => ({ index: s.shard.index, entry: s.report.load[keysOf.get(s)!.indexOf(key)]! })), count)) continue;
    if (!allowMissing) {
      const lacking = sorted.find((s) => !keysOf.get(s)!.includes(key))!;
      const holder = having[0]!;
      const id = holder.report.load[keysOf.get(holder)!.indexOf(key)]!.scenario;
      throw new MergeError(`${lacking.file} has no load scenario ${id} (${holder.file} has it): merge it with --allow-missing to merge the shards that measured it`);
    }
    partialScenarios.set(key, having.map((s) => s.file));
  }
  return { shards: sorted, count, missing, partialScenarios };
}
