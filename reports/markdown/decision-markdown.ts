// The decision summary for summary.md: the same computed sentences as the HTML, each figure with a footnote naming
// the finding (id and statement) or attribution step it comes from (GitHub renders footnotes as links).
import type { Report } from "../../bench/model/report.js";
import { decisionSummary } from "../decision-summary.js";

export function decisionMarkdown(report: Report): string[] {
  const sentences = decisionSummary(report);
  if (sentences.length === 0) return [];
  const notes = new Map<string, number>();
  const noteOf = (ref: string) => {
    if (!notes.has(ref)) notes.set(ref, notes.size + 1);
    return notes.get(ref) as number;
  };
  const lines = sentences.map((s) => `- ${s.map((p) => (typeof p === "string" ? p : `${p.text}[^d${noteOf(p.ref)}]`)).join("")}`);
  const footnotes = [...notes].map(([ref, n]) => {
    const finding = report.findings.find((f) => f.id === ref);
    return `[^d${n}]: \`${ref}\`${finding ? `: ${finding.statement}` : " (attribution: see the HTML report's waterfall)"}`;
  });
  return ["### What switching from REST to gRPC buys here, and why", "", "_Computed from this run's findings; each figure's footnote names its source._", "", ...lines, "", ...footnotes, ""];
}
