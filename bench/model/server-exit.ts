// A server process the harness started that exited without being stopped (a crash, the OOM killer, a kill -9):
// fairness rule 8, "never silent". Whatever it was serving failed, and a server started in its place is another
// process (cold JIT, fresh heap), so the figures measured before and after it are not from one server.
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";

export const ServerExitScenario = Type.Object({
  scenario: Type.String({ description: "what was loading this server: the load scenario id, or the family's case (arm, configuration, size)" }),
  repetition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: "the scenario's repetition (the load family's round), when the family counts them" }),
});
export type ServerExitScenario = Static<typeof ServerExitScenario>;

export const ServerExit = Type.Object({
  arm: ArmId,
  pid: Type.Integer(),
  family: Type.String({ description: "the family that had started the server" }),
  code: Type.Union([Type.Integer(), Type.Null()], { description: "the process's exit code; null when a signal ended it" }),
  signal: Type.Union([Type.String(), Type.Null()], { description: "the signal that ended it (SIGKILL: the OOM killer or kill -9); null when it exited by itself" }),
  at: Type.String({ format: "date-time", description: "when the harness saw it exit" }),
  runElapsedS: Type.Number({ description: "seconds from report.startedAt to the exit" }),
  during: Type.Union([ServerExitScenario, Type.Null()], { description: "what was loading this server when it exited; null when it was idle between its scenarios" }),
  replacement: Type.Union([Type.Object({ pid: Type.Integer(), startedAt: Type.String({ format: "date-time" }) }), Type.Null()], {
    description: "the server the family started in its place for the arm's remaining scenarios (figures before and after come from different processes); null when none was started",
  }),
});
export type ServerExit = Static<typeof ServerExit>;

/** "signal SIGKILL", "exit code 1": how the process ended, in words. */
export function exitCause(exit: { code: number | null; signal: string | null }): string {
  if (exit.signal !== null) return `signal ${exit.signal}`;
  return exit.code !== null ? `exit code ${exit.code}` : "an unknown cause";
}

/** A ServerExit as the family that saw it knows it; the orchestrator adds the family and the seconds into the run. */
export type FamilyServerExit = Omit<ServerExit, "family" | "runElapsedS">;
