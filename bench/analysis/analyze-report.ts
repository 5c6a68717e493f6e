// The end-of-run analysis: findings and run-wide caveats computed from what the report holds. Works on partial
// reports: a missing family yields fewer findings, never an error.
import type { Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { armFindings } from "./arm-comparison.js";
import { attributions } from "./attribution.js";
import { claimArms, claimFindings } from "./common-claims.js";
import { runCaveats } from "./run-caveats.js";
import { tlsFindings } from "./tls-findings.js";

export function computeFindings(report: Report): Finding[] {
  const pinned = report.environment.pinned;
  return [
    ...claimFindings(report.load, report.sizes, pinned, claimArms(report.arms, report.baseline), attributions(report.load, report.arms)),
    ...armFindings(report.load, report.arms, report.baseline, pinned),
    ...tlsFindings(report.tls, pinned),
  ];
}

/** The report with findings and attribution recomputed and derived caveats appended to what the families flagged (no duplicates). */
export function analyzeReport(report: Report): Report {
  const caveats = [...report.caveats];
  for (const c of runCaveats(report)) if (!caveats.includes(c)) caveats.push(c);
  return { ...report, findings: computeFindings(report), attribution: attributions(report.load, report.arms), caveats };
}
