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
