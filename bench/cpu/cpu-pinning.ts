// Server and load generator on different CPUs (taskset), so neither steals the other's cycles and each
// process's CPU time per call is its own. Pinning is best effort: when it is impossible (one CPU, no
// taskset, affinity not permitted) the plan says why and the report carries that as a caveat.
import { spawnSync } from "node:child_process";
import { runServerCpus } from "../server-process/run-server-cpus.js";

export interface PinningPlan {
  /** taskset CPU list for the server process, null when not pinned */
  server: string | null;
  /** taskset CPU list for the load generator (this process), null when not pinned */
  client: string | null;
  /** how, or why not */
  note: string;
}

function taskset(args: string[]): { ok: boolean; out: string } {
  const result = spawnSync("taskset", args, { encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) return { ok: false, out: String(result.stderr ?? result.error?.message ?? "") };
  return { ok: true, out: result.stdout };
}

/** "0-2,5" → [0,1,2,5] */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(",")) {
    if (part === "") continue;
    const [from, to] = part.split("-").map((n) => Number.parseInt(n, 10));
    if (from === undefined || Number.isNaN(from)) continue;
    for (let cpu = from; cpu <= (to ?? from); cpu++) cpus.push(cpu);
  }
  return cpus;
}

/** The CPUs a process may run on, or null when taskset cannot tell. */
export function affinityOf(pid: number): number[] | null {
  const result = taskset(["-c", "-p", String(pid)]);
  if (!result.ok) return null;
  const list = /list:\s*(\S+)/.exec(result.out)?.[1];
  return list === undefined ? null : parseCpuList(list);
}

/** Sets the affinity of every thread of `pid` (taskset -a). */
export function pinProcess(pid: number, cpus: string): boolean {
  return taskset(["-a", "-c", "-p", cpus, String(pid)]).ok;
}

// This process's affinity before pinSelf narrowed it to the client CPU (null while it is not pinned), so a
// plan made or a child started while pinned still sees every CPU instead of the client's one.
let unpinnedAffinity: number[] | null = null;
let pinDepth = 0;

/** The CPU list an unpinned child should get: what this process had before it pinned itself, or null (inherit). */
export function unpinnedCpus(): string | null {
  return unpinnedAffinity === null ? null : unpinnedAffinity.join(",");
}

/**
 * One CPU for the server (N under --server-cpus N: its N processes share them), the next for the load generator,
 * from the CPUs this process may use (before pinSelf). Without a CPU to spare for the load generator nothing is
 * pinned and the note says so: server and load generator then share the CPUs, and the figures say less.
 */
export function planPinning(enabled = true, serverCpus = runServerCpus()): PinningPlan {
  if (!enabled) return { server: null, client: null, note: "CPU pinning disabled by configuration" };
  const allowed = unpinnedAffinity ?? affinityOf(process.pid);
  if (allowed === null) return { server: null, client: null, note: "CPUs not pinned: taskset is not available or not permitted" };
  if (serverCpus > 1 && allowed.length < serverCpus + 1) {
    return {
      server: null,
      client: null,
      note: `CPUs not pinned: --server-cpus ${serverCpus} needs ${serverCpus + 1} CPUs (${serverCpus} for the server processes, 1 for the load generator), only ${allowed.length} available (server processes and load generator share them)`,
    };
  }
  if (allowed.length < 2) return { server: null, client: null, note: `CPUs not pinned: only ${allowed.length} CPU available (server and load generator share it)` };
  const server = allowed.slice(0, serverCpus).join(",");
  const client = String(allowed[serverCpus]);
  const where = serverCpus > 1 ? `${serverCpus} server processes pinned to CPUs ${server}` : `server pinned to CPU ${server}`;
  return { server, client, note: `${where}, load generator to CPU ${client} (taskset)` };
}

/** Pins this process (all threads) to `cpus` and returns a function restoring the previous affinity. */
export function pinSelf(cpus: string): (() => void) | null {
  const before = affinityOf(process.pid);
  if (before === null || !pinProcess(process.pid, cpus)) return null;
  if (pinDepth++ === 0) unpinnedAffinity = before;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    pinProcess(process.pid, before.join(","));
    if (--pinDepth === 0) unpinnedAffinity = null;
  };
}
