// What every report section shares: its frame, and the plain statement when its family has nothing to show.
import type { FamilyName, Report } from "../../bench/model/report.js";
import type { ChartWarnings } from "./chart.js";
import { html, type Html } from "./html-template.js";

export interface SectionContext {
  report: Report;
  charts: ChartWarnings;
}

export interface SectionFrame {
  id: string;
  title: string;
  intro?: Html | string;
  body: Html | readonly Html[];
}

export function sectionFrame(frame: SectionFrame): Html {
  return html`<section id="${frame.id}" class="report-section">
<h2>${frame.title}</h2>
${frame.intro ? html`<p class="intro">${frame.intro}</p>` : ""}
${frame.body}
</section>`;
}

/** Why a family's section is empty, from report.families, said plainly. */
export function familyStatus(report: Report, family: FamilyName): string {
  const run = report.families.find((f) => f.family === family);
  if (!run) return `the ${family} family did not run (not selected for this run)`;
  const why = run.failure ? `: ${run.failure}` : "";
  switch (run.endReason) {
    case "skipped":
      return `the ${family} family was skipped${why}`;
    case "failed":
      return `the ${family} family failed after ${run.durationS.toFixed(1)} s${why}`;
    case "aborted":
      return `the ${family} family was aborted after ${run.durationS.toFixed(1)} s${why}`;
    case "completed":
      return `the ${family} family completed but recorded no results${why}`;
  }
}

export function notMeasured(report: Report, family: FamilyName, what: string): Html {
  return html`<p class="not-measured" data-family="${family}"><strong>Not measured in this run:</strong> ${what} — ${familyStatus(report, family)}.</p>`;
}

/**
 * Above a family's results: a note when it ended badly but left partial results, and what the profile left out
 * of it (arms, scenarios the full profile adds), so a short run never reads as a complete one.
 */
export function partialNote(report: Report, family: FamilyName): Html {
  const run = report.families.find((f) => f.family === family);
  if (!run) return html``;
  const leftOut = run.leftOut ?? [];
  return html`${run.endReason === "completed" ? "" : html`<p class="caveat-inline">Partial results: ${familyStatus(report, family)}.</p>`}${
    leftOut.length > 0 ? html`<ul class="left-out" data-family="${family}">${leftOut.map((line) => html`<li>${line}</li>`)}</ul>` : ""
  }`;
}

/** In place of a chart that would have nothing to draw: the table still carries every figure there is. */
export function nothingToPlot(what: string, table: Html): Html {
  return html`<p class="not-measured"><strong>No chart:</strong> ${what}</p>${table}`;
}

/** Size classes in their natural order, for chart axes and table sorting. */
export const PAYLOAD_ORDER = ["small", "medium", "large", "xlarge"] as const;

export function payloadRank(payload: string): number {
  const i = (PAYLOAD_ORDER as readonly string[]).indexOf(payload);
  return i < 0 ? PAYLOAD_ORDER.length : i;
}
