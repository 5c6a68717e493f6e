// How much of a CPU's time the hypervisor gave to other guests (steal, from /proc/stat). On a shared VM a window
// in which the server's or the load generator's CPU was taken away measures the host, not the driver, and no
// driver can cause steal. Linux only; elsewhere every reading is null.
import { readFileSync } from "node:fs";
import { parseCpuList } from "./cpu-pinning.js";

export interface CpuTicks {
  total: number;
  steal: number;
}

/** /proc/stat's text, or null where there is none. One read serves every CPU set of the same instant. */
export function readProcStat(): string | null {
  try {
    return readFileSync("/proc/stat", "utf8");
  } catch {
    return null;
  }
}

/** Summed ticks of the given CPUs ("0", "1-3"), or of all CPUs when null, in a /proc/stat text; null without one. */
export function readCpuTicks(cpus: string | null, stat: string | null): CpuTicks | null {
  if (stat === null) return null;
  const wanted = cpus === null ? null : new Set(parseCpuList(cpus).map((c) => `cpu${c}`));
  const sum: CpuTicks = { total: 0, steal: 0 };
  let found = false;
  for (const line of stat.split("\n")) {
    const [name, ...fields] = line.trim().split(/\s+/);
    if (name === undefined || !(wanted === null ? name === "cpu" : wanted.has(name))) continue;
    // user nice system idle iowait irq softirq steal; guest time is already counted in user
    const ticks = fields.slice(0, 8).map(Number);
    if (ticks.length < 8 || ticks.some((x) => !Number.isFinite(x))) continue;
    sum.total += ticks.reduce((s, x) => s + x, 0);
    sum.steal += ticks[7]!;
    found = true;
  }
  return found ? sum : null;
}

/**
 * Steal as a fraction of the CPUs' time between two readings, in [0, 1]; null when either is missing or no tick
 * passed. Clamped: some hypervisors' steal counters have been seen to step backwards.
 */
export function stealFraction(before: CpuTicks | null, after: CpuTicks | null): number | null {
  if (before === null || after === null || after.total <= before.total) return null;
  return Math.min(1, Math.max(0, (after.steal - before.steal) / (after.total - before.total)));
}

/**
 * A measured window whose server or load generator lost more than this fraction of its CPUs' time to steal is
 * "heavy": flagged in the report (Measurement.heavySteal), and the paired arm ratios leave it out. Looser than
 * the crosscheck's default --max-steal (2 %): the crosscheck runs extra rounds until enough are clean, while a
 * bench run has a fixed time budget, and its short windows on one pinned CPU are ~100 ticks a second (USER_HZ
 * 100), in which 2 % is two ticks, near the counters' own rounding. 5 % is a twentieth of a CPU, about the
 * precision the quick profile's ratios aim for.
 */
export const HEAVY_STEAL = 0.05;

/** Steal over one window, of the server's CPUs and of the load generator's; null where it could not be read. */
export interface WindowSteal {
  server: number | null;
  client: number | null;
}

export const isHeavySteal = (steal: WindowSteal): boolean => (steal.server ?? 0) > HEAVY_STEAL || (steal.client ?? 0) > HEAVY_STEAL;

/** The CPUs whose steal a window records: each a CPU list ("1", "0-3"), null for every CPU, or absent (not read). */
export interface StealCpus {
  /** absent for a server that is not a process on this host (a remote target, or none) */
  server?: string | null;
  client: string | null;
}

export interface StealTicks {
  server: CpuTicks | null;
  client: CpuTicks | null;
}

/** The ticks at one window edge: one /proc/stat read serves both CPU sets. */
export function readStealTicks(cpus: StealCpus): StealTicks {
  const stat = readProcStat();
  return { server: cpus.server === undefined ? null : readCpuTicks(cpus.server, stat), client: readCpuTicks(cpus.client, stat) };
}

export function windowSteal(begin: StealTicks, end: StealTicks): WindowSteal {
  return { server: stealFraction(begin.server, end.server), client: stealFraction(begin.client, end.client) };
}

/**
 * The CPUs a process may run on, as the kernel has it (/proc/PID/status Cpus_allowed_list): the load generator's
 * own when the harness pinned it, whoever did. Null where there is no /proc (every CPU is then read).
 */
export function allowedCpus(pid: number | "self"): string | null {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? null;
  } catch {
    return null;
  }
}
