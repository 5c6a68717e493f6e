// The load family's schedule on the wall clock, for a sharded run (--shard i/N): every window of every scenario gets
// a fixed slot, counted from --start-at, so shards on different hosts measure the same window at the same moments
// whatever each host's connection set-up, driver loading or failures took. A slot is: set-up (connections opened,
// the driver loaded the first time), the warm-up, the measured window, and a tail for draining and reading the
// edges. The slots depend only on the schedule (the scenarios, their rounds and their ABBA order, all deterministic
// given the same options), never on what happened, so a shard that fell behind catches up at the next slot.
//
// A slot too short for a host shows as a window that started late: the family notes it, and `npm run merge`
// measures the spread of the shards' window starts (reports/merge/shard-timing.ts).

/** Connections opened, the first call's path warmed: generous on a loaded host. */
export const SETUP_S = 0.5;
/**
 * The first window of each driver also loads the driver's modules in this process (grpc-js is the slowest); load
 * workers are started and their drivers loaded before the schedule begins (prepareLoadWorkers).
 */
export const FIRST_DRIVER_S = 1.5;
/** Draining the calls in flight, closing connections, reading the window's last edge. */
export const TAIL_S = 0.4;

export interface Slot {
  /** when to start the scenario run (open connections) */
  startMs: number;
  /** when its first measured window begins (the warm-up lasts until then) */
  beginAtMs: number;
}

export class ShardTimeline {
  private cursorMs: number;
  private readonly drivers = new Set<string>();

  constructor(readonly startAtMs: number) {
    this.cursorMs = startAtMs;
  }

  /** The next slot: `warmS` of warm-up, then `windows` measured windows of `durationS`. */
  next(driver: string, warmS: number, durationS: number, windows = 1): Slot {
    let setupS = SETUP_S;
    if (!this.drivers.has(driver)) setupS += FIRST_DRIVER_S;
    this.drivers.add(driver);
    const startMs = this.cursorMs;
    const beginAtMs = startMs + (setupS + warmS) * 1000;
    this.cursorMs = beginAtMs + (durationS * windows + TAIL_S) * 1000;
    return { startMs, beginAtMs };
  }
}

/** Resolves at `atMs` (this host's clock) or when `signal` aborts, whichever is first; at once for a time past. */
export function waitUntil(atMs: number, signal?: AbortSignal): Promise<void> {
  const ms = atMs - Date.now();
  if (ms <= 0 || signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
