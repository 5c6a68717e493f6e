// CPU steal over a report's measured windows, per family: how many windows, how much steal, how many heavy. The
// writers show it in the environment section and the run caveats name the heavy windows. Only repetitions count
// (each measured window once), never the aggregates built from them.
import { HEAVY_STEAL } from "../cpu/cpu-steal.js";
import type { Measurement } from "../model/measurement.js";
import type { FamilyName, Report } from "../model/report.js";

export { HEAVY_STEAL };

export interface FamilySteal {
  family: FamilyName;
  /** measured windows the family kept */
  windows: number;
  /** windows that carry cpuSteal (reports from before it, and the stream family, have none) */
  recorded: number;
  /** windows with a steal reading (either CPU set) */
  read: number;
  /** over the windows read, of each window's larger steal of the two CPU sets (server, load generator) */
  median: number | null;
  max: number | null;
  /** windows flagged heavySteal */
  heavy: number;
}

/** Every measured window of each family that keeps its windows in the report. */
export function familyWindows(report: Report): { family: FamilyName; windows: Measurement[] }[] {
  const tlsWindows = (report.tls ?? []).flatMap((t) => (t.kind === "connection" ? t.repetitions : [...t.cleartext.measurement.repetitions, ...t.tls.measurement.repetitions]));
  const all: { family: FamilyName; windows: Measurement[] }[] = [
    { family: "load", windows: report.load.flatMap((r) => r.repetitions) },
    { family: "multiplex", windows: report.multiplex.flatMap((r) => r.repetitions) },
    { family: "stream", windows: report.stream.flatMap((r) => r.measurement?.repetitions ?? []) },
    { family: "tls", windows: tlsWindows },
  ];
  return all.filter((f) => f.windows.length > 0);
}

/** The window's steal: the larger of its two CPU sets'; null when neither was read. */
export function windowStealOf(w: Measurement): number | null {
  const s = w.cpuSteal;
  if (s === undefined || (s.server === null && s.client === null)) return null;
  return Math.max(s.server ?? 0, s.client ?? 0);
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function stealByFamily(report: Report): FamilySteal[] {
  return familyWindows(report).map(({ family, windows }) => {
    const values = windows
      .map(windowStealOf)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    return {
      family,
      windows: windows.length,
      recorded: windows.filter((w) => w.cpuSteal !== undefined).length,
      read: values.length,
      median: median(values),
      max: values.length > 0 ? values[values.length - 1]! : null,
      heavy: windows.filter((w) => w.heavySteal === true).length,
    };
  });
}
