// Servers on this host (loopback targets) share its CPUs with the load generator: the generator is pinned to one
// CPU and the report says the servers were not pinned by the harness. Remote targets: as for any --target, the
// generator stays where it is.
import { pinSelf, planPinning } from "../cpu/cpu-pinning.js";
import { targetEndpoint } from "../drivers/target-address.js";
import type { FamilyContext } from "../family.js";

const LOOPBACK = /^(127\.|localhost$|::1$|0\.0\.0\.0$)/;

export interface LocalTargetPinning {
  /** as results report it: the server's CPUs are not the harness's to say */
  pinning: { server: null; client: string | null };
  /** undoes the generator's pinning (null when nothing was pinned) */
  restore: (() => void) | null;
}

export function pinForLocalTargets(ctx: Pick<FamilyContext, "arms" | "caveat">, family: string): LocalTargetPinning {
  const local = ctx.arms.some((a) => a.target !== null && LOOPBACK.test(targetEndpoint(a.target).host));
  if (!local) return { pinning: { server: null, client: null }, restore: null };
  const plan = planPinning(true);
  const restore = plan.client !== null ? pinSelf(plan.client) : null;
  ctx.caveat(
    restore !== null
      ? `${family}: the targets are on this host: the load generator was pinned to CPU ${plan.client}; the servers were not pinned by the harness (pin them to other CPUs, e.g. taskset -c ${plan.server ?? 0}, so they do not share the generator's)`
      : `${family}: the targets are on this host and the load generator could not be pinned (${plan.note}): servers and generator shared the CPUs`,
  );
  return { pinning: { server: null, client: restore !== null ? plan.client : null }, restore };
}
