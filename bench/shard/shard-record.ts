// What a sharded run (--shard i/N) writes into its report (bench/model/report.ts ShardRun), and the options that
// say how its load was split, so `npm run merge` can line the shards up and check they belong together.
import { hostname } from "node:os";
import type { ShardRun } from "../model/report.js";
import type { RunOptions } from "../run-options.js";
import type { RunTlsTrust } from "../run-tls.js";
import { estimateClockOffset } from "./clock-offset.js";

/** report.options entries for --workers, --shard and --start-at (absent when not given, so other runs are unchanged). */
export function splitOptions(options: Pick<RunOptions, "workers" | "shard" | "startAtMs">): Record<string, unknown> {
  return {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.shard !== undefined ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    ...(options.startAtMs !== undefined ? { startAt: new Date(options.startAtMs).toISOString() } : {}),
  };
}

/** The report's shard field, its clock offset estimated against the run's targets before the first window. */
export async function shardRecord(options: Pick<RunOptions, "shard" | "startAtMs" | "targets">, trust: RunTlsTrust): Promise<ShardRun | null> {
  if (options.shard === undefined) return null;
  const clock = await estimateClockOffset(options.targets, trust);
  return {
    index: options.shard.index,
    count: options.shard.count,
    host: hostname(),
    startAt: options.startAtMs !== undefined ? new Date(options.startAtMs).toISOString() : null,
    clockOffsetMs: clock.offsetMs,
    clockOffsetNote: clock.note,
  };
}
