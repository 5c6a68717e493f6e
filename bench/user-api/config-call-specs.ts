// The config's calls a family loads, as CallSpecs: unary calls only (a streaming method is a caveat), and with
// `check: equal-json` (when the family asks for it) the reference replies every end-to-end reply is compared with.
import type { FamilyContext } from "../family.js";
import type { CallSpec } from "../load/call-spec.js";
import { referenceReplies } from "./response-check.js";
import type { UserApiConfig } from "./user-call.js";
import { isUnary, userCallSpec } from "./user-call-spec.js";

export interface ConfigCallSpecOptions {
  /** the family, as caveats name it ("load") */
  family: string;
  /** fetch reference replies for equal-json calls (families whose clients read replies) */
  references: boolean;
  timeoutMs: number;
}

/** call name → its CallSpec, in config order; what is left out or failed its reference is a caveat. */
export async function configCallSpecs(ctx: Pick<FamilyContext, "arms" | "caveat" | "progress">, config: UserApiConfig, options: ConfigCallSpecOptions): Promise<Map<string, CallSpec>> {
  const grpcTarget = ctx.arms.find((a) => a.id === "grpc")?.target ?? config.targets.grpc;
  const restTarget = ctx.arms.find((a) => a.id === "rest")?.target ?? config.targets.rest;
  const specs = new Map<string, CallSpec>();
  for (const call of config.calls) {
    if (!isUnary(call)) {
      ctx.caveat(`${options.family}: call ${call.name} is a ${call.grpc.serverStreaming ? "server" : "client"}-streaming method: not loaded (the family times unary calls)`);
      continue;
    }
    let spec = userCallSpec(call);
    if (options.references && call.check === "equal-json") {
      ctx.progress(`${call.name}: reference replies (check: equal-json)`);
      const reference =
        grpcTarget !== undefined && restTarget !== undefined
          ? await referenceReplies(call.name, spec, call.grpc.responseType, grpcTarget, restTarget, options.timeoutMs)
          : { expected: null, problems: [`call ${call.name}: equal-json needs both targets`] };
      for (const problem of reference.problems) ctx.caveat(`${options.family}: ${problem}`);
      if (reference.expected !== null) spec = userCallSpec(call, reference.expected);
      else ctx.caveat(`${options.family}: call ${call.name}: no reference reply for every request, so its end-to-end replies were checked for status only`);
    }
    specs.set(call.name, spec);
  }
  return specs;
}
