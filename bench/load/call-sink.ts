// Where every driver reports its completed calls. The window runner points the sink at the current measured
// window, at a warm-up tally (reported only when the run fails during warm-up), or at nothing while draining, so
// drivers never know which window they are in.
import { createHistogram, recordUs, type LatencyHistogram } from "../histogram.js";
import { ErrorCounter } from "./error-counter.js";

/** The counts of one measured window. Latencies of failed calls are not recorded (a fast error must not look fast). */
export class WindowCounts {
  readonly histogram: LatencyHistogram = createHistogram();
  readonly errors = new ErrorCounter();
  ok = 0;

  get completed(): number {
    return this.ok + this.errors.total;
  }
}

export class CallSink {
  private window: WindowCounts | null = null;
  /** Calls completed since the sink was made, warm-up included (progress lines, failure watchdog). */
  okTotal = 0;
  errorTotal = 0;
  lastErrorCode: string | null = null;

  /** Starts recording into `window`; null discards (warm-up, drain). */
  pointAt(window: WindowCounts | null): void {
    this.window = window;
  }

  ok(latencyUs: number): void {
    this.okTotal++;
    const w = this.window;
    if (w !== null) {
      w.ok++;
      recordUs(w.histogram, latencyUs);
    }
  }

  error(code: string): void {
    this.errorTotal++;
    this.lastErrorCode = code;
    this.window?.errors.add(code);
  }
}
