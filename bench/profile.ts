// Profile names and the policy every family follows; each family owns its own per-profile settings.
import type { ProfileName } from "./model/report.js";

export const PROFILES: readonly ProfileName[] = ["quick", "full"];

/**
 * Repetitions each load scenario must run at least, so that compare can test a change statistically:
 * with 3 vs 3 repetitions the exact Mann–Whitney test can reach p = 0.1, with 5 vs 5 p = 0.008.
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
