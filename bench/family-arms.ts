// Which of the run's arms a family measures, decided in one place for every family but load: the arms it has
// clients for (its fits predicate), the arms that serve the calls it makes (ServerArm.calls), and in the quick
// profile only the pair every claim reads (the baseline and grpc). Each arm left out is said: a caveat when the
// family cannot measure it, a leftOut line when the quick profile chose not to.
import { findArm } from "../servers/registry.js";
import type { FamilyContext } from "./family.js";
import type { Arm } from "./model/arm.js";

export interface FamilyArmsRule {
  /** as the report names it: "multiplex family" */
  family: string;
  /** whether the family has clients for this arm's api, wire and transport */
  fits: (arm: Arm) => boolean;
  /** what the family lacks for the others, e.g. "stream clients" */
  lacking: string;
  /** the shop.v1 calls it makes (an arm whose `calls` leaves one out is not measured) */
  calls: readonly string[];
}

/** The arms the quick profile's secondary families measure: the run's baseline and grpc, when they are in the run. */
export function quickPairIds(arms: readonly Pick<Arm, "id">[], baseline: string): string[] {
  return arms.filter((a) => a.id === baseline || a.id === "grpc").map((a) => a.id);
}

const describe = (a: Arm) => `${a.id} (${a.api}, ${a.wire} over ${a.transport})`;

export function familyArms(ctx: Pick<FamilyContext, "arms" | "baseline" | "profile" | "caveat" | "leftOut">, rule: FamilyArmsRule): Arm[] {
  const noClient = ctx.arms.filter((a) => !rule.fits(a));
  if (noClient.length > 0) ctx.caveat(`${rule.family}: no ${rule.lacking} yet for ${noClient.map(describe).join(", ")}: not measured`);
  const served = ctx.arms.filter((a) => rule.fits(a));
  const unserved = served.filter((a) => {
    const calls = findArm(a.id)?.calls;
    return calls !== undefined && rule.calls.some((c) => !calls.includes(c));
  });
  if (unserved.length > 0) {
    ctx.caveat(`${rule.family}: ${unserved.map((a) => a.id).join(", ")} do${unserved.length === 1 ? "es" : ""} not serve every call it makes (${rule.calls.join(", ")}): not measured`);
  }
  const able = served.filter((a) => !unserved.includes(a));
  if (ctx.profile !== "quick") return able;
  const pair = quickPairIds(able, ctx.baseline);
  // A run of other arms only (no baseline, no grpc) keeps them: the pair rule trims, it never empties a family.
  if (pair.length === 0) return able;
  const dropped = able.filter((a) => !pair.includes(a.id));
  if (dropped.length > 0) ctx.leftOut(`quick profile: measured for ${pair.join(" and ")} only; --profile full adds ${dropped.map((a) => a.id).join(", ")}`);
  return able.filter((a) => pair.includes(a.id));
}
