// CPU steal in words, for the HTML environment section and summary.md: one place decides how it reads.
import { HEAVY_STEAL, type FamilySteal } from "../bench/analysis/window-steal.js";
import { formatInteger, formatPercent } from "./number-format.js";

/** A steal fraction (0–1) as a percentage. */
export const stealPercent = (fraction: number | null): string => formatPercent(fraction === null ? null : fraction * 100, 2);

/** The threshold as it is set, "5%" */
export const HEAVY_STEAL_TEXT = `${Number((HEAVY_STEAL * 100).toFixed(2))}%`;

/** What steal is and what was done with heavy windows: said once beside the figures. */
export const STEAL_EXPLANATION =
  "Steal is the share of a CPU's time the hypervisor gave to other guests, read from /proc/stat at each measured window's edges over " +
  "the server's and the load generator's CPUs (their pinned CPUs when pinned); a window's figure is the larger of the two. " +
  `A window above ${HEAVY_STEAL_TEXT} measured the host as much as the server: it is flagged heavy, and the paired arm ratios leave it out.`;

/** Whether any window of the report carries a steal figure (reports from before it carry none). */
export const stealRecorded = (families: readonly FamilySteal[]): boolean => families.some((f) => f.recorded > 0);

/** Why a family has no steal figures: not recorded (older reports, the stream family) or not readable here. */
export function stealMissingText(f: FamilySteal): string | null {
  if (f.read > 0) return null;
  return f.recorded === 0 ? "not recorded for this family" : "not readable (no /proc/stat on the measuring host)";
}

/** "48 windows: median 0.1%, max 1.2%, none heavy" */
export function familyStealText(f: FamilySteal): string {
  const windows = `${formatInteger(f.windows)} window${f.windows === 1 ? "" : "s"}`;
  const missing = stealMissingText(f);
  if (missing !== null) return `${windows}, steal ${missing}`;
  const partly = f.read < f.windows ? ` (read in ${formatInteger(f.read)})` : "";
  const heavy = f.heavy === 0 ? "none heavy" : `${formatInteger(f.heavy)} heavy`;
  return `${windows}${partly}: median ${stealPercent(f.median)}, max ${stealPercent(f.max)}, ${heavy}`;
}
