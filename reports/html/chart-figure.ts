// One chart as the report shows it: the title and units live in the SVG itself (so a copied chart keeps them),
// the exact numbers in a table right under it, and the vega-lite spec (data included) for readers who want it.
import { renderChartSvg, type ChartSpec, type ChartWarnings } from "./chart.js";
import { html, raw, type Html } from "./html-template.js";

export interface FigureInput {
  /** stable id, also the browser test's handle on the chart */
  id: string;
  title: string;
  subtitle?: string;
  spec: ChartSpec;
  table: Html;
}

/**
 * A long line broken at spaces into lines of at most `max` characters. Vega sizes a chart to its title too, and
 * without a canvas it estimates text generously: one long subtitle would make the whole chart wider than the page
 * (and so shrink it to fit).
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Characters per subtitle line: about 850 px as vega estimates 11 px text. */
const SUBTITLE_LINE = 100;

export async function chartFigure(input: FigureInput, options: ChartWarnings): Promise<Html> {
  const title = input.subtitle ? { text: input.title, subtitle: wrapText(input.subtitle, SUBTITLE_LINE) } : input.title;
  const spec = { ...input.spec, title } as ChartSpec;
  const svg = await renderChartSvg(spec, options);
  return html`<figure class="chart" id="chart-${input.id}" data-chart="${input.id}">
<div class="chart-svg" role="img" aria-label="${input.title}">${raw(svg)}</div>
<figcaption>${input.title}${input.subtitle ? html` — ${input.subtitle}` : ""}</figcaption>
${input.table}
<details class="spec"><summary>vega-lite spec of this chart (data included)</summary><pre>${JSON.stringify(spec, null, 1)}</pre></details>
</figure>`;
}
