// A reference workload for telling "the server got slower" from "the machine got slower". On shared hosts
// other tenants' cache and memory-bandwidth use inflates the CPU time of memory-heavy code (a server's) while
// an arithmetic loop stays flat; this probe is memory-bound on purpose, so its spread shows that noise.
import { execFileSync } from "node:child_process";

// Random-access reads and writes over a 64 MB array: misses caches the way a server's heap does.
const probe = (rounds: number) => `const b=new Float64Array(8e6);const t=process.cpuUsage();let x=0;
for(let r=0;r<${rounds};r++){for(let i=0;i<b.length;i+=8){b[i]+=i;x+=b[(i*7919)%b.length]}}
const u=process.cpuUsage(t);process.stdout.write(String((u.user+u.system)/1000+(x>0?0:0)))`;

export const NOISE_PROBE_WHAT = "random access over a 64 MB Float64Array in a fresh node process (CPU ms, lower = faster machine)";

/** CPU ms of one probe run (`rounds` passes, ~70 ms each here) on the given CPUs (taskset), or null when it cannot run. */
export function runNoiseProbe(cpus: string | null, rounds = 12): number | null {
  try {
    const argv = ["-e", probe(rounds)];
    const out = cpus === null ? execFileSync(process.execPath, argv, { encoding: "utf8" }) : execFileSync("taskset", ["-c", cpus, process.execPath, ...argv], { encoding: "utf8" });
    const ms = Number(out.trim());
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}
