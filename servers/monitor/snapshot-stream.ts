// The stream of snapshots every transport sends (gRPC Monitor/Watch, HTTP NDJSON): the first at once, then one
// every interval until the client goes (or, for interval 0, the first alone). One timer per open stream and none
// otherwise; a tick is skipped while the previous snapshot is still being read or the transport pushes back, so a
// slow reader gets fewer snapshots, never a growing queue.
import { MONITOR_MIN_INTERVAL_MS, type ProcessMetrics } from "./monitor-contract.js";
import type { ServerMonitor } from "./server-monitor.js";

export interface SnapshotSink {
  send(metrics: ProcessMetrics): void;
  /** after the only snapshot of an interval-0 stream */
  end(): void;
  /** the transport has not flushed what was sent (writableNeedDrain): skip this tick */
  readonly backedUp: boolean;
  /** the client went away or the stream was ended */
  readonly closed: boolean;
}

/** A requested interval as served: 0 stays 0 (one snapshot), anything else at least MONITOR_MIN_INTERVAL_MS. */
export function servedInterval(intervalMs: number): number {
  return intervalMs === 0 ? 0 : Math.max(intervalMs, MONITOR_MIN_INTERVAL_MS);
}

/** Starts the stream; call the returned stop() when the client goes away (it is safe to call more than once). */
export function streamSnapshots(monitor: ServerMonitor, intervalMs: number, sink: SnapshotSink): () => void {
  let reading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    stopped = true;
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const tick = (): void => {
    if (stopped || reading || sink.closed || sink.backedUp) return;
    reading = true;
    void monitor.snapshot().then((metrics) => {
      reading = false;
      if (stopped || sink.closed) return;
      sink.send(metrics);
      if (intervalMs === 0) {
        stop();
        sink.end();
      }
    });
  };
  tick();
  if (intervalMs > 0) timer = setInterval(tick, servedInterval(intervalMs));
  return stop;
}
