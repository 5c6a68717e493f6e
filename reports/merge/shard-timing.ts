// How well the shards' measured windows lined up. A merged window adds the shards' calls as if they had loaded
// the servers at the same moments; where one shard's window started later than another's, the servers carried
// less than the merged load for that part of the window, and the merged throughput and latency describe a load
// that never quite happened. So the window starts are compared (each shard's wall clock corrected by the offset
// it estimated, where it could) and the merge says how far apart they were.
//
// Threshold: max(50 ms, 10% of the window). 10% of the window bounds the share of each merged window in which not
// every shard was loading, which keeps that distortion below the spread repetitions show on a shared host anyway.
// The 50 ms floor is what the start itself can be trusted to: a shard's clock offset estimate is good to a few ms
// at best (NTP on a LAN) and to a second at worst (an HTTP Date header), and a Node process that wakes for
// --start-at on a busy host starts its window tens of ms late; below it every run of short windows would be
// flagged. With the quick profile's 0.3 s windows the floor allows more than 10%: the per-scenario overlap in
// report.merge.load says exactly how much.
import { windowOverlap } from "../../bench/merge/merge-measurements.js";
import type { Measurement } from "../../bench/model/measurement.js";

export const SKEW_FLOOR_MS = 50;
export const SKEW_WINDOW_FRACTION = 0.1;
export const SKEW_RULE = `a spread above max(${SKEW_FLOOR_MS} ms, ${SKEW_WINDOW_FRACTION * 100}% of the window) between shards' window starts or clocks`;

export function skewThresholdMs(windowS: number): number {
  return Math.max(SKEW_FLOOR_MS, SKEW_WINDOW_FRACTION * windowS * 1000);
}

/** One shard's window of a merged repetition, with the clock offset the shard estimated (null: unknown, taken as 0). */
export interface ShardWindow {
  shard: number;
  window: Pick<Measurement, "startedAt" | "durationS">;
  clockOffsetMs: number | null;
}

export interface WindowAlignment {
  /** latest start − earliest start, ms, on the common time line */
  spreadMs: number;
  /** the time every window was open / the longest window (0: there was no such moment) */
  overlap: number;
  /** shards whose window overlapped no other shard's at all */
  alone: number[];
}

/**
 * Where the shards' windows sat on the common time line: bench/merge's windowOverlap (the shard field's convention,
 * local clock = reference + clockOffsetMs, so the reference time is local − offset), and which shard ran alone.
 */
export function windowAlignment(windows: readonly ShardWindow[]): WindowAlignment {
  const { spreadMs, overlap } = windowOverlap(
    windows.map((w) => w.window),
    windows.map((w) => w.clockOffsetMs),
  );
  const spans = windows.map((w) => {
    const startMs = Date.parse(w.window.startedAt) - (w.clockOffsetMs ?? 0);
    return { shard: w.shard, startMs, endMs: startMs + w.window.durationS * 1000 };
  });
  const alone = spans.filter((s) => spans.length > 1 && spans.every((o) => o === s || o.endMs <= s.startMs || o.startMs >= s.endMs)).map((s) => s.shard);
  return { spreadMs, overlap, alone };
}

/** The spread of the shards' clock offsets (ms), over those that estimated one; null with fewer than two. */
export function clockSpreadMs(offsets: readonly (number | null)[]): number | null {
  const known = offsets.filter((o): o is number => o !== null);
  return known.length < 2 ? null : Math.max(...known) - Math.min(...known);
}
