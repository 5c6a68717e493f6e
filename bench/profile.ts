// Profile names and the policy every family follows; each family owns its own per-profile settings.
import type { ProfileName } from "./model/report.js";

export const PROFILES: readonly ProfileName[] = ["quick", "full"];

/**
 * Repetitions each load scenario must run at least, so that compare can test a change statistically (its moderated
 * t-test needs 2 a side; with 3 a side it catches a 50% change of a figure that spreads ±5%: reports/README.md).
 */
export const MIN_LOAD_REPETITIONS: Record<ProfileName, number> = { quick: 3, full: 5 };

/**
 * The wall-time goal of the quick profile, seconds (checked by eye in the closing note, never asserted). The tls
 * family (~15 s) is not part of a default quick run unless the run speaks TLS (run-options.ts defaultFamilies).
 */
export const QUICK_PROFILE_BUDGET_S = 150;

export function isProfileName(value: string): value is ProfileName {
  return (PROFILES as readonly string[]).includes(value);
}
