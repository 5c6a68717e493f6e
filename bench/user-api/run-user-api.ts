// The --config run's calls and targets, for the families that load them: set once by the CLI before the run (as
// bench/run-token.ts holds the run's token), null for the built-in shop benchmark. Test-injected families
// (GRPC_REST_BENCH_TEST_FAMILIES) read it the same way, so a short test family loads the same config.
import type { UserApiConfig } from "./user-call.js";

let current: UserApiConfig | null = null;

export function setUserApiConfig(config: UserApiConfig | null): void {
  current = config;
}

/** The run's config calls and targets; null when the run is not a --config run (or loads nothing). */
export function userApiConfig(): UserApiConfig | null {
  return current;
}
