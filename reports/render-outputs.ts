// The human-facing files of a report, both rendered from the Report alone: used by `npm run bench` after a run
// and by `npm run report` to rebuild them from report.json.
import type { Report } from "../bench/model/report.js";
import { renderHtml, type RenderHtmlOptions } from "./html/render-html.js";
import { renderSummary } from "./markdown/render-summary.js";

export async function renderHumanOutputs(report: Report, options: RenderHtmlOptions = {}): Promise<{ html: string; summary: string }> {
  return { html: await renderHtml(report, options), summary: renderSummary(report) };
}
