// Open-loop send statistics of load generators that ran side by side (workers on one host, shards on several):
// counts add, the mean send lag is weighted by calls scheduled, maxima stay maxima. Optional fields stay absent
// when no part had them (reports from before they existed).
import type { OpenLoopStats } from "../model/load-result.js";

export function mergeOpenLoop(parts: readonly (OpenLoopStats | undefined)[]): OpenLoopStats | undefined {
  const stats = parts.filter((s): s is OpenLoopStats => s !== undefined);
  if (stats.length === 0) return undefined;
  const sum = (pick: (s: OpenLoopStats) => number | undefined) => stats.reduce((n, s) => n + (pick(s) ?? 0), 0);
  const scheduled = sum((s) => s.scheduled);
  const oldest = stats.map((s) => s.backlogAtStopOldestWaitMs).filter((v): v is number => typeof v === "number");
  return {
    scheduled,
    queued: sum((s) => s.queued),
    dropped: sum((s) => s.dropped),
    sendLagMeanMs: scheduled > 0 ? stats.reduce((n, s) => n + s.sendLagMeanMs * s.scheduled, 0) / scheduled : 0,
    sendLagMaxMs: Math.max(...stats.map((s) => s.sendLagMaxMs)),
    ...(stats.some((s) => s.backlogAtStop !== undefined) ? { backlogAtStop: sum((s) => s.backlogAtStop) } : {}),
    ...(stats.some((s) => s.backlogAtStopOldestWaitMs !== undefined) ? { backlogAtStopOldestWaitMs: oldest.length > 0 ? Math.max(...oldest) : null } : {}),
  };
}
