// The exact numbers under every chart: a plain table, numeric columns right-aligned for comparison.
import { html, type Html } from "./html-template.js";

export interface Column {
  label: string;
  numeric?: boolean;
  /** a short explanation shown as the header's tooltip */
  hint?: string;
}

export type Cell = Html | string | number;

export function dataTable(columns: readonly Column[], rows: readonly (readonly Cell[])[], caption?: string): Html {
  const head = columns.map((c) => html`<th scope="col" class="${c.numeric ? "num" : ""}" title="${c.hint ?? ""}">${c.label}</th>`);
  const body = rows.map(
    (row) => html`<tr>${row.map((cell, i) => html`<td class="${columns[i]?.numeric ? "num" : ""}">${cell}</td>`)}</tr>`,
  );
  return html`<div class="table-wrap"><table>${caption ? html`<caption>${caption}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
