// What every streaming case needs from the family: the server process it talks to (null for a remote target),
// the socket meter, the abort signal and a per-repetition deadline.
import type { ServerProcess } from "../server-process/server-process.js";
import type { SocketBytesMeter } from "../wire/socket-bytes-meter.js";

export interface StreamCaseContext {
  /** the arm the case measures */
  arm: string;
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

// The load engine's median (null for no values), so both families aggregate repetitions the same way.
export { median } from "../load/aggregate-repetitions.js";

export function maxOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

export function round(value: number | null, digits = 3): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
