// A measurement family (load, size, compression, micro, multiplex, stream) is one module exporting a Family.
// The orchestrator resolves the profile, hands each family a context and collects what it records:
// entries are recorded as they are measured, so a crash or Ctrl-C later in the run never loses them.
import type { Arm } from "./model/arm.js";
import type { FamilyName, ProfileName, ResultSections } from "./model/report.js";
import type { FamilyServerExit } from "./model/server-exit.js";

export type Section = keyof ResultSections;
export type SectionEntry<S extends Section> = ResultSections[S][number];

export interface FamilyContext {
  profile: ProfileName;
  /** Aborted on Ctrl-C / SIGTERM or a fatal error: stop measuring, record what is complete, return. */
  signal: AbortSignal;
  /** The arms of the run, in run order; an arm with a target is measured there, the others are started by the family. */
  arms: readonly Arm[];
  /** The arm findings compare the others with. */
  baseline: string;
  /** --rounds N: the paired rounds of the load family's main scenarios, instead of the profile's (PAIR_ROUNDS). */
  rounds?: number;
  /** Append one measured entry to the report (kept even if the run dies afterwards). */
  record<S extends Section>(section: S, entry: SectionEntry<S>): void;
  /** A run-wide flag the report must show (e.g. "CPUs not pinned: …"). */
  caveat(text: string): void;
  /**
   * What this family chose not to measure in this profile (arms, calls or size classes the full profile covers),
   * one sentence each: the report lists it beside the family, so a short run never passes for a complete one.
   */
  leftOut(text: string): void;
  /**
   * A server process the family started exited without being stopped (ServerExitWatch reports it): the report
   * lists it, names it in the caveats and ends the run "failed". A second call for the same pid replaces the first.
   */
  serverExit(exit: FamilyServerExit): void;
  /** Progress for people: one short line (scenario, elapsed, counts). Goes to stderr, never stdout. */
  progress(line: string): void;
}

export interface Family {
  name: FamilyName;
  /** One line for --help. */
  describe: string;
  run(ctx: FamilyContext): Promise<void>;
}
