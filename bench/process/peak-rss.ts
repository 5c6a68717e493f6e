// Peak resident memory of a process over one measured case. On Linux the kernel keeps the high-water mark
// (VmHWM) and lets us reset it to the current RSS (write "5" to /proc/PID/clear_refs), which is exact and
// needs no sampling — sampling would miss peaks while the event loop is busy streaming. Elsewhere (or
// without permission) we fall back to sampling the current RSS of this process only, unless the caller
// would rather have null and use a figure of its own (the load engine: no timer beside a load generator).
import { readFileSync, writeFileSync } from "node:fs";

const MB = 1024 * 1024;

function procPath(pid: number | "self", file: string): string {
  return `/proc/${pid}/${file}`;
}

function readStatusKb(pid: number | "self", key: "VmHWM" | "VmRSS"): number | null {
  try {
    const status = readFileSync(procPath(pid, "status"), "utf8");
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface PeakRssWindow {
  /** RSS when the window opened, MB (null when it cannot be read). */
  readonly startMb: number | null;
  /** Peak RSS since the window opened, MB. */
  peakMb(): number | null;
  close(): void;
}

export interface PeakRssOptions {
  /** Without a resettable high-water mark, sample this process's RSS every 10 ms (default true). */
  sampleSelf?: boolean;
}

/** The sum over several processes' windows: null when any of them cannot say. */
function summed(windows: readonly PeakRssWindow[]): PeakRssWindow {
  const sum = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0));
  return {
    startMb: sum(windows.map((w) => w.startMb)),
    peakMb: () => sum(windows.map((w) => w.peakMb())),
    close: () => windows.forEach((w) => w.close()),
  };
}

/**
 * Open a window on a process (a child's pid, or "self" for this process), or on several: a server and the
 * upstream process it serves through (the gateway's grpc arm) are one server, and their peaks are added (an upper
 * bound on the peak of the two together, since the two need not peak at the same moment).
 */
export function openPeakRssWindow(pid: number | "self" | readonly number[], options: PeakRssOptions = {}): PeakRssWindow {
  if (typeof pid === "object") return pid.length === 1 ? openPeakRssWindow(pid[0]!, options) : summed(pid.map((p) => openPeakRssWindow(p, options)));
  let resettable = false;
  try {
    writeFileSync(procPath(pid, "clear_refs"), "5");
    resettable = readStatusKb(pid, "VmHWM") !== null;
  } catch {
    resettable = false;
  }
  const startKb = readStatusKb(pid, "VmRSS");
  if (resettable) {
    return {
      startMb: startKb === null ? null : startKb / 1024,
      peakMb: () => {
        const kb = readStatusKb(pid, "VmHWM");
        return kb === null ? null : kb / 1024;
      },
      close: () => {},
    };
  }
  if (pid !== "self" || options.sampleSelf === false) {
    return { startMb: startKb === null ? null : startKb / 1024, peakMb: () => null, close: () => {} };
  }
  let peak = process.memoryUsage.rss();
  const start = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  timer.unref();
  return {
    startMb: start / MB,
    peakMb: () => (peak = Math.max(peak, process.memoryUsage.rss())) / MB,
    close: () => clearInterval(timer),
  };
}
