// Errors inside a request loop are counted, never thrown: one counter per measured window.
import type { ErrorCounts } from "../model/measurement.js";

export class ErrorCounter {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(code: string, n = 1): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + n);
    this.total += n;
  }

  toModel(): ErrorCounts {
    const byCode: Record<string, number> = {};
    for (const [code, n] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) byCode[code] = n;
    return { total: this.total, byCode };
  }
}

/** Sums error counts of several windows (repetitions). */
export function mergeErrorCounts(parts: readonly ErrorCounts[]): ErrorCounts {
  const counter = new ErrorCounter();
  for (const part of parts) for (const [code, n] of Object.entries(part.byCode)) counter.add(code, n);
  return counter.toModel();
}
