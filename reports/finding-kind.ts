// How the human-facing writers group and colour findings. The findings themselves are computed elsewhere;
// this only reads their id and verdict.
import type { Finding } from "../bench/model/finding.js";

/** Findings that test a claim circulating in gRPC articles carry ids starting with "claim". */
export function isCommonClaim(finding: Pick<Finding, "id">): boolean {
  return /^claims?[/:._-]/i.test(finding.id) || finding.id.toLowerCase() === "claim";
}

export type VerdictTone = "grpc" | "rest" | "neutral" | "supported" | "not-supported" | "depends";

export function verdictTone(verdict: string): VerdictTone {
  const v = verdict.toLowerCase();
  if (v.startsWith("grpc")) return "grpc";
  if (v.startsWith("rest")) return "rest";
  if (v.startsWith("not-supported") || v.startsWith("not supported") || v.startsWith("refuted")) return "not-supported";
  if (v.startsWith("supported")) return "supported";
  if (v.startsWith("depends") || v.startsWith("partly") || v.startsWith("partially")) return "depends";
  return "neutral";
}

/** "no-significant-difference" → "no significant difference"; free text after a colon is kept as written. */
export function verdictText(verdict: string): string {
  const colon = verdict.indexOf(":");
  const head = colon >= 0 ? verdict.slice(0, colon) : verdict;
  const rest = colon >= 0 ? verdict.slice(colon) : "";
  return head.replace(/-/g, " ").replace(/\bgrpc\b/gi, "gRPC").replace(/\brest\b/gi, "REST") + rest;
}

const SEPARATOR = /(?<=[:/])/;

/** Row labels for ids: what they share at the start and end (on ":" or "/" boundaries) is dropped. */
export function shortLabels(ids: readonly string[]): string[] {
  if (ids.length < 2) return [...ids];
  const split = ids.map((id) => id.split(SEPARATOR));
  const first = split[0] ?? [];
  let head = 0;
  while (head < first.length - 1 && split.every((parts) => parts[head] === first[head])) head++;
  let tail = 0;
  while (
    tail < first.length - head - 1 &&
    split.every((parts) => parts.length - tail - 1 > head && parts[parts.length - 1 - tail] === first[first.length - 1 - tail])
  )
    tail++;
  return split.map((parts, k) => {
    const label = parts.slice(head, parts.length - tail).join("").replace(/[:/]$/, "");
    return label === "" ? (ids[k] ?? "") : label;
  });
}

export interface FindingMatrix {
  metrics: string[];
  rows: { scenario: string; cells: Map<string, Finding> }[];
}

/**
 * Findings as scenario × metric, when their ids read "<prefix><scenario><sep><metric key>" (one finding per
 * scenario and metric); null when they do not, so a writer falls back to the plain list.
 */
export function findingMatrix(findings: readonly Finding[]): FindingMatrix | null {
  if (findings.length < 2) return null;
  const scenarios = shortLabels(findings.map((f) => f.id)).map((label) => {
    const cut = Math.max(label.lastIndexOf(":"), label.lastIndexOf("/"));
    return cut > 0 ? label.slice(0, cut) : null;
  });
  if (scenarios.some((s) => s === null)) return null;
  const metrics = [...new Set(findings.map((f) => f.metric))];
  const rows = new Map<string, Map<string, Finding>>();
  for (const [k, f] of findings.entries()) {
    const scenario = scenarios[k] as string;
    const cells = rows.get(scenario) ?? new Map<string, Finding>();
    if (cells.has(f.metric)) return null;
    cells.set(f.metric, f);
    rows.set(scenario, cells);
  }
  if (rows.size === findings.length) return null; // nothing shared a scenario: a matrix would be a diagonal
  return { metrics, rows: [...rows].map(([scenario, cells]) => ({ scenario, cells })) };
}
