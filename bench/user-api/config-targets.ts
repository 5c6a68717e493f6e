// A --config run's targets answer before anything is measured, else one line naming the config file and key
// (`byo.yaml: targets.grpc (grpc://127.0.0.1:50051) is not reachable (refused)`) and exit 2 — the check --target
// gets (bench/target-reachability.ts: a TCP connect, or a TLS handshake under the run's trust).
import type { RunTlsTrust } from "../run-tls.js";
import { targetProblem } from "../target-reachability.js";
import { targetSchemeProblem, USER_API_ARM_IDS } from "./user-api-arms.js";

/** The first problem with the config's targets, as the one line the CLI prints, or null when both answer. */
export async function configTargetProblem(file: string, targets: { readonly grpc?: string; readonly rest?: string }, trust?: RunTlsTrust, timeoutMs?: number): Promise<string | null> {
  for (const arm of USER_API_ARM_IDS) {
    const target = targets[arm];
    const key = `${file}: targets.${arm}`;
    if (target === undefined) return `${key}: missing (a --config run that loads needs a ${arm === "grpc" ? "grpc:// or grpcs://" : "http:// or https://"} URL)`;
    const scheme = targetSchemeProblem(arm, target);
    if (scheme !== null) return `${key}: ${scheme}`;
    const problem = await targetProblem(arm, target, trust, timeoutMs, `${key} (${target})`);
    if (problem !== null) return problem;
  }
  return null;
}
