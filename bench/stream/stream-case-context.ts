// What every streaming case needs from the family: the server process it talks to (null for a remote target),
// the socket meter, the abort signal and a per-repetition deadline.
import type { ServerProcess } from "../server-process/server-process.js";
import type { SocketBytesMeter } from "../wire/socket-bytes-meter.js";

export interface StreamCaseContext {
  server: ServerProcess | null;
  meter: SocketBytesMeter;
  signal: AbortSignal;
  /** Longest one repetition may take before it is cancelled and counted as a timeout. */
  repetitionTimeoutMs: number;
}

/** The family's signal, plus a deadline for one repetition. */
export function repetitionSignal(ctx: StreamCaseContext): AbortSignal {
  return AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.repetitionTimeoutMs)]);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function maxOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

export function round(value: number | null, digits = 3): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
