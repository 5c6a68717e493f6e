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

export async function chartFigure(input: FigureInput, options: ChartWarnings): Promise<Html> {
  const title = input.subtitle ? { text: input.title, subtitle: input.subtitle } : input.title;
  const spec = { ...input.spec, title } as ChartSpec;
  const svg = await renderChartSvg(spec, options);
  return html`<figure class="chart" id="chart-${input.id}" data-chart="${input.id}">
<div class="chart-svg" role="img" aria-label="${input.title}">${raw(svg)}</div>
<figcaption>${input.title}${input.subtitle ? html` — ${input.subtitle}` : ""}</figcaption>
${input.table}
<details class="spec"><summary>vega-lite spec of this chart (data included)</summary><pre>${JSON.stringify(spec, null, 1)}</pre></details>
</figure>`;
}
