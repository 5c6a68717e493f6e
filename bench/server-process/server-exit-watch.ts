// Turns a server process that exits without being stopped into a ServerExit record, naming what was loading it at
// that moment. One watch per family: the family wraps each scenario in measuring() so an exit is pinned to the
// scenario it broke, and says replaced() when it starts a new server in a dead one's place. The record goes out as
// soon as the exit is seen (so a run that ends right after still has it) and again, complete, on a replacement.
import type { FamilyServerExit, ServerExitScenario } from "../model/server-exit.js";
import type { ServerProcess } from "./server-process.js";

export class ServerExitWatch {
  private readonly inFlight = new Map<ServerProcess, ServerExitScenario>();
  private readonly exits = new Map<ServerProcess, FamilyServerExit>();

  /** `report` receives each record; a second call for the same pid replaces the first (a replacement was started). */
  constructor(private readonly report: (exit: FamilyServerExit) => void) {}

  /** Reports `server` if it ever exits other than through its stop(). */
  watch(server: ServerProcess): void {
    server.onExit((status) => {
      if (status.stopped) return;
      const exit: FamilyServerExit = {
        arm: server.arm,
        pid: server.pid,
        code: status.code,
        signal: status.signal,
        at: status.at.toISOString(),
        during: this.inFlight.get(server) ?? null,
        replacement: null,
      };
      this.exits.set(server, exit);
      this.report(exit);
    });
  }

  /** Runs `work` as the scenario loading `server` (null: a remote target, nothing to watch). */
  async measuring<T>(server: ServerProcess | null, scenario: ServerExitScenario, work: () => Promise<T>): Promise<T> {
    if (server === null) return work();
    this.inFlight.set(server, scenario);
    try {
      return await work();
    } finally {
      // The exit listener runs as the exit is seen, long before a run that noticed the dead server returns here.
      if (this.inFlight.get(server) === scenario) this.inFlight.delete(server);
    }
  }

  /** The exit recorded for `server`; null while it runs or when it was stopped on purpose. */
  exitOf(server: ServerProcess): FamilyServerExit | null {
    return this.exits.get(server) ?? null;
  }

  /** `by` now serves the arm `dead` served: its record names the replacement. */
  replaced(dead: ServerProcess, by: ServerProcess): void {
    const exit = this.exits.get(dead);
    if (exit === undefined) return;
    const updated: FamilyServerExit = { ...exit, replacement: { pid: by.pid, startedAt: new Date().toISOString() } };
    this.exits.set(dead, updated);
    this.report(updated);
  }
}
