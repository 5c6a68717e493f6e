// GitHub-flavoured Markdown pieces: text escaped so a report string can neither break a table nor become
// markup (GitHub renders inline HTML and links in comments), and pipe tables with numeric columns right-aligned.

/** Escapes Markdown and HTML syntax and folds line breaks, for one table cell or list item. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~#!])/g, "\\$1");
}

export interface MarkdownColumn {
  label: string;
  numeric?: boolean;
}

/** Cells are escaped here unless wrapped with `trusted()` (our own emphasis or code spans). */
export class TrustedMarkdown {
  constructor(readonly value: string) {}
}

export function trusted(markdown: string): TrustedMarkdown {
  return new TrustedMarkdown(markdown);
}

export type MarkdownCell = string | TrustedMarkdown;

function cell(value: MarkdownCell): string {
  const text = value instanceof TrustedMarkdown ? value.value : escapeMarkdown(value);
  return text === "" ? " " : text;
}

export function markdownTable(columns: readonly MarkdownColumn[], rows: readonly (readonly MarkdownCell[])[]): string {
  const header = `| ${columns.map((c) => cell(c.label)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.numeric ? "---:" : "---")).join("|")}|`;
  const body = rows.map((row) => `| ${columns.map((_, i) => cell(row[i] ?? "")).join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}
