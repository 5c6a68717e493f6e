// One caveat per server process that died during the run (report.serverExits), derived from the record so a report
// re-analysed later says the same: which arm and process, how and when it ended, what it was serving, and whether
// the figures after it come from another process.
import { exitCause, type ServerExit } from "../model/server-exit.js";

export function serverExitCaveat(exit: ServerExit): string {
  const what = `server ${exit.arm} (pid ${exit.pid}) exited with ${exitCause(exit)} at ${exit.at} (${exit.runElapsedS.toFixed(1)} s into the run)`;
  const during =
    exit.during !== null
      ? `during ${exit.family} ${exit.during.scenario}${exit.during.repetition !== null ? ` (repetition ${exit.during.repetition})` : ""}, which failed`
      : `while idle between its ${exit.family} scenarios`;
  const after =
    exit.replacement !== null
      ? `a new server (pid ${exit.replacement.pid}) was started for the remaining scenarios: figures before and after come from different processes`
      : `no server was started in its place: ${exit.family}'s later measurements of ${exit.arm}, if any, failed or are missing`;
  return `${what}, ${during}; ${after}`;
}

export function serverExitCaveats(exits: readonly ServerExit[] | undefined): string[] {
  return (exits ?? []).map(serverExitCaveat);
}
