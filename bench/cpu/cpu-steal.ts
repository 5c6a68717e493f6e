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

/** Steal as a fraction of the CPUs' time between two readings; null when either is missing or no tick passed. */
export function stealFraction(before: CpuTicks | null, after: CpuTicks | null): number | null {
  if (before === null || after === null || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}
