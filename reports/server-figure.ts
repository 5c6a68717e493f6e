// How the writers show a server figure (CPU per call, peak RSS): the number; or "not measured" where the entry says
// its server was not measured (a remote target without a monitor, a monitor that failed) or, in an entry that
// predates the serverMetrics field, where the arm is a remote target. Never a bare dash that reads as a bug or a zero.
import type { Measurement } from "../bench/model/measurement.js";
import { formatNumber } from "./number-format.js";

export const NOT_MEASURED = "not measured";

/** What an entry says about its server figures (any entry that embeds a Measurement's fields, or a stream entry). */
export type ServerFigureSource = Partial<Pick<Measurement, "serverMetrics" | "serverMetricsNote" | "serverPeakRssScope">>;

/** true when a missing figure is "not measured" rather than simply absent. */
export function figureNotMeasured(value: number | null | undefined, entry: ServerFigureSource, remote: boolean): boolean {
  if (value !== null && value !== undefined && Number.isFinite(value)) return false;
  return entry.serverMetrics === "not-measured" || entry.serverMetrics === "monitor" || remote;
}

/** The figure as text: the number, "not measured", or the usual dash. */
export function serverFigureText(value: number | null | undefined, entry: ServerFigureSource, remote: boolean, digits = 3): string {
  return figureNotMeasured(value, entry, remote) ? NOT_MEASURED : formatNumber(value, digits);
}

/** Why a figure is missing or what it covers, one sentence for a tooltip or a footnote; null when nothing to say. */
export function serverFigureWhy(entry: ServerFigureSource, remote: boolean): string | null {
  if (entry.serverMetricsNote !== undefined) return entry.serverMetricsNote;
  if (entry.serverMetrics === undefined && remote) return "remote target: server CPU and memory not measured (no monitor was read)";
  return null;
}

/** A short mark for a peak RSS that is not the window's exact high-water mark. */
export function peakRssScopeMark(entry: ServerFigureSource): string {
  if (entry.serverPeakRssScope === "window-sampled") return " (sampled)";
  if (entry.serverPeakRssScope === "process-lifetime") return " (lifetime)";
  return "";
}
