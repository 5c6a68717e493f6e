// The --config run's resolved config, for the families that read it (size and micro: its messages; the load side
// reads its calls through bench/user-api/run-user-api.ts): set once by the CLI before the run, null for the
// built-in shop benchmark — as bench/run-token.ts holds the run's token.
import type { ResolvedConfig } from "./resolved-config.js";

let current: ResolvedConfig | null = null;

export function setRunConfig(config: ResolvedConfig | null): void {
  current = config;
}

export function runConfig(): ResolvedConfig | null {
  return current;
}
