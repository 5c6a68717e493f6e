// What one server's monitor reports: this process's CPU time and memory (plus those of the process it serves
// through, the gateway's own grpc upstream, as bench/server-process/server-child.ts sums them for a local server),
// the calls it has served, and how long it has been up. A snapshot is read only when a client asks: nothing here
// runs while nobody watches. In a worker of a process group (servers/processes/, --server-cpus N) a snapshot is the
// whole group's, asked of the primary: a client reaches one worker per connection but must see every process.
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import type { ProcessUsage, UpstreamProcess } from "../server-arm.js";
import { CallsServed } from "./calls-served.js";
import type { ProcessMetrics } from "./monitor-contract.js";

const MB = 1024 * 1024;
const HOST_CPUS = cpus().length;

/** Set in a group's worker: turns this process's snapshot into the group's (servers/processes/group-worker.ts). */
let groupSnapshot: ((own: ProcessMetrics) => Promise<ProcessMetrics>) | null = null;
/** The calls counted by every monitor of this process (an arm makes one; the group's primary asks for the total). */
const processCalls: CallsServed[] = [];

export function joinProcessGroup(sum: (own: ProcessMetrics) => Promise<ProcessMetrics>): void {
  groupSnapshot = sum;
}

/** Shop calls this process has served, over every monitor it made. */
export function callsServedByThisProcess(): number {
  return processCalls.reduce((n, calls) => n + calls.count, 0);
}

export class ServerMonitor {
  readonly calls = new CallsServed();
  private readonly startedAt = performance.now();

  /** `upstream`: a process this server serves every call through; its usage is added in. */
  constructor(
    readonly arm: string,
    private readonly upstream?: UpstreamProcess,
  ) {
    processCalls.push(this.calls);
  }

  /**
   * One snapshot: this process's, or in a group's worker the group's. Never rejects: a group that cannot answer
   * leaves this process's own figures, as an upstream that cannot answer leaves this process's own.
   */
  async snapshot(): Promise<ProcessMetrics> {
    const own = await this.ownSnapshot();
    return groupSnapshot === null ? own : groupSnapshot(own).catch(() => own);
  }

  /** This process's figures (plus its upstream's), whatever group it is in. */
  async ownSnapshot(): Promise<ProcessMetrics> {
    const up = this.upstream === undefined ? null : await this.upstream.usage().catch((): ProcessUsage | null => null);
    const cpu = process.cpuUsage();
    const rss = process.memoryUsage.rss();
    const peakRss = process.resourceUsage().maxRSS * 1024;
    return {
      pid: process.pid,
      arm: this.arm,
      cpuUserUs: cpu.user + (up?.cpu.user ?? 0),
      cpuSystemUs: cpu.system + (up?.cpu.system ?? 0),
      rssBytes: rss + Math.round((up?.rssMb ?? 0) * MB),
      peakRssBytes: peakRss + Math.round((up?.peakRssMb ?? 0) * MB),
      callsServed: this.calls.count,
      uptimeMs: Math.round(performance.now() - this.startedAt),
      nodeVersion: process.version,
      hostCpus: HOST_CPUS,
    };
  }
}
