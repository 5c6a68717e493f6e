// How the human-facing writers name arms and read findings. Everything here comes from fields of the model
// (report.arms, entries' `arm`, a finding's kind / candidate / baseline / scenario / metricLabel / verdict):
// nothing is parsed back out of an id, a statement or a verdict string.
import type { Arm } from "../bench/model/arm.js";
import type { Finding } from "../bench/model/finding.js";
import type { Report } from "../bench/model/report.js";

/** One arm as the writers show it. */
export interface ArmEntry {
  id: string;
  /** report.arms[].label, or the id when the report has no descriptor for it */
  label: string;
  /** the label, unique within the report (two arms with one label get their ids appended) */
  name: string;
  /** the descriptor, when report.arms has one */
  arm: Arm | null;
  baseline: boolean;
}

/**
 * Every arm a report mentions, in run order: report.arms first, then ids that only entries or findings name
 * (a report from a tool with more arms than this one knows still renders, under the bare id).
 */
export class ArmDirectory {
  readonly baseline: string;
  private readonly entries = new Map<string, ArmEntry>();

  constructor(arms: readonly Arm[], baseline: string, mentioned: Iterable<string> = []) {
    this.baseline = baseline;
    for (const arm of arms) this.add(arm.id, arm);
    this.add(baseline, null);
    for (const id of mentioned) this.add(id, null);
    const labels = new Map<string, number>();
    for (const e of this.entries.values()) labels.set(e.label, (labels.get(e.label) ?? 0) + 1);
    for (const e of this.entries.values()) e.name = (labels.get(e.label) ?? 0) > 1 && e.label !== e.id ? `${e.label} [${e.id}]` : e.label;
  }

  private add(id: string, arm: Arm | null): void {
    if (this.entries.has(id)) return;
    const label = arm?.label.trim() ? arm.label : id;
    this.entries.set(id, { id, label, name: label, arm, baseline: id === this.baseline });
  }

  /** Arms in run order. */
  list(): ArmEntry[] {
    return [...this.entries.values()];
  }

  /** The arm's entry; an id the report never mentioned gets one made up from the id alone. */
  get(id: string): ArmEntry {
    return this.entries.get(id) ?? { id, label: id, name: id, arm: null, baseline: id === this.baseline };
  }

  /** The arm's label for people, unique within the report. */
  name(id: string): string {
    return this.get(id).name;
  }

  rank(id: string): number {
    const i = [...this.entries.keys()].indexOf(id);
    return i < 0 ? this.entries.size : i;
  }

  compare(a: string, b: string): number {
    return this.rank(a) - this.rank(b) || a.localeCompare(b);
  }

  /** The ids among `ids`, deduplicated, in run order. */
  order(ids: Iterable<string>): string[] {
    return [...new Set(ids)].sort((a, b) => this.compare(a, b));
  }
}

/** The arms of a report: built afresh on every call (cheap), so a writer never sees a stale one. */
export function armDirectory(report: Report): ArmDirectory {
  const mentioned = [
    ...report.load.map((r) => r.arm),
    ...report.compression.map((r) => r.arm),
    ...report.multiplex.map((r) => r.arm),
    ...report.stream.map((r) => r.arm),
    ...report.findings.flatMap((f) => [f.candidate, f.baseline]),
  ].filter((id): id is string => typeof id === "string" && id !== "");
  return new ArmDirectory(report.arms, report.baseline, mentioned);
}

/** A finding that tests a claim circulating in articles, not a comparison of two arms. */
export function isCommonClaim(finding: Pick<Finding, "kind">): boolean {
  return finding.kind === "claim";
}

/** The arm the verdict says is better, or null (no significant difference, a claim, too little data…). */
export function betterArm(finding: Pick<Finding, "verdict" | "candidate" | "baseline">): string | null {
  if (finding.verdict === "candidate-better") return finding.candidate;
  if (finding.verdict === "baseline-better") return finding.baseline;
  return null;
}

/** How a verdict is coloured: in the better arm's colour, or by what it says about a claim. */
export type VerdictTone = "arm" | "neutral" | "supported" | "not-supported" | "depends";

export function verdictTone(finding: Pick<Finding, "verdict" | "candidate" | "baseline">): VerdictTone {
  switch (finding.verdict) {
    case "candidate-better":
    case "baseline-better":
      return betterArm(finding) === null ? "neutral" : "arm";
    case "supported":
      return "supported";
    case "not-supported":
      return "not-supported";
    case "depends":
      return "depends";
    default:
      return "neutral";
  }
}

/** The verdict in a few words, with the arms' labels: "REST (node:http) better", "no significant difference". */
export function verdictHead(finding: Pick<Finding, "verdict" | "candidate" | "baseline">, arms: ArmDirectory): string {
  switch (finding.verdict) {
    case "candidate-better":
      return finding.candidate === null ? "candidate better" : `${arms.name(finding.candidate)} better`;
    case "baseline-better":
      return finding.baseline === null ? "baseline better" : `${arms.name(finding.baseline)} better`;
    case "no-significant-difference":
      return "no significant difference";
    case "insufficient-repetitions":
      return "too few repetitions for a CI";
    case "inconclusive":
      return "inconclusive";
    case "supported":
      return "supported";
    case "not-supported":
      return "not supported";
    case "depends":
      return "depends";
  }
}

/** verdictHead with the finding's verdictDetail after a colon, when it has one. */
export function verdictText(finding: Pick<Finding, "verdict" | "candidate" | "baseline" | "verdictDetail">, arms: ArmDirectory): string {
  const head = verdictHead(finding, arms);
  return finding.verdictDetail ? `${head}: ${finding.verdictDetail}` : head;
}

/** The name of a metric for people: metricLabel, or the field path when a finding has no label. */
export function metricName(finding: Pick<Finding, "metric" | "metricLabel">): string {
  return finding.metricLabel.trim() !== "" ? finding.metricLabel : finding.metric;
}

/** The scenario field as written, in the pieces its ":" separators delimit (for display only: no piece is interpreted). */
export function scenarioParts(finding: Pick<Finding, "scenario" | "family">): string[] {
  if (finding.scenario === null) return [finding.family ?? "—"];
  const parts = finding.scenario.split(":").filter((p) => p !== "");
  return parts.length > 0 ? parts : [finding.scenario];
}

/** The scenario field as written, its ":" separators shown as " · ". */
export function scenarioText(finding: Pick<Finding, "scenario" | "family">): string {
  return scenarioParts(finding).join(" · ");
}

export interface FindingMatrixRow {
  scenario: string;
  family: string | null;
  cells: Map<string, Finding>;
}

export interface FindingMatrix {
  /** metric names (metricLabel), in the order the findings first use them */
  metrics: string[];
  rows: FindingMatrixRow[];
}

/**
 * One pair's findings as scenario × metric (by the scenario and metricLabel fields); null when two findings share
 * a cell (the writer then lists them plainly).
 */
export function findingMatrix(findings: readonly Finding[]): FindingMatrix | null {
  if (findings.length === 0) return null;
  const metrics = [...new Set(findings.map(metricName))];
  const rows = new Map<string, FindingMatrixRow>();
  for (const f of findings) {
    const key = `${f.family ?? ""}\u0000${f.scenario ?? ""}`;
    const row = rows.get(key) ?? { scenario: scenarioText(f), family: f.family, cells: new Map<string, Finding>() };
    if (row.cells.has(metricName(f))) return null;
    row.cells.set(metricName(f), f);
    rows.set(key, row);
  }
  return { metrics, rows: [...rows.values()] };
}

/** The findings comparing one candidate arm with one baseline arm. */
export interface ArmPairFindings {
  candidate: string;
  baseline: string;
  findings: Finding[];
}

/** Arm-comparison findings grouped per candidate-vs-baseline pair, candidates in run order. */
export function armPairs(findings: readonly Finding[], arms: ArmDirectory): ArmPairFindings[] {
  const pairs = new Map<string, ArmPairFindings>();
  for (const f of findings) {
    if (f.kind !== "arm-comparison" || f.candidate === null || f.baseline === null) continue;
    const key = `${f.candidate}\u0000${f.baseline}`;
    const pair = pairs.get(key) ?? { candidate: f.candidate, baseline: f.baseline, findings: [] };
    pair.findings.push(f);
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((a, b) => arms.compare(a.candidate, b.candidate) || arms.compare(a.baseline, b.baseline));
}

/** Findings that are neither claims nor part of a candidate-vs-baseline pair. */
export function unpairedFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.kind !== "claim" && (f.candidate === null || f.baseline === null));
}

export interface VerdictTally {
  candidateBetter: number;
  baselineBetter: number;
  noDifference: number;
  other: number;
}

export function tallyVerdicts(findings: readonly Finding[]): VerdictTally {
  const t: VerdictTally = { candidateBetter: 0, baselineBetter: 0, noDifference: 0, other: 0 };
  for (const f of findings) {
    if (f.verdict === "candidate-better") t.candidateBetter++;
    else if (f.verdict === "baseline-better") t.baselineBetter++;
    else if (f.verdict === "no-significant-difference") t.noDifference++;
    else t.other++;
  }
  return t;
}
