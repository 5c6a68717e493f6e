// One arm served by N processes on one port (--server-cpus N): this process becomes a node:cluster primary and forks
// N workers (group-worker.ts), each running the arm. Node 20 has no SO_REUSEPORT (net's reusePort arrived in 22.12),
// so the workers share one listening socket through cluster, round-robin (SCHED_RR, set here whatever
// NODE_CLUSTER_SCHED_POLICY says): the primary accepts each connection and hands it to the next worker, which spreads
// HTTP/1.1 and HTTP/2 connections alike and evenly, where the kernel's shared accept() is known to pile them onto a
// few workers. That accepting costs the primary CPU, so every figure here sums the primary and the workers (and any
// upstream a worker started: a gateway worker starts its own grpc upstream, so both tiers are N processes).
//
// A connection stays with the worker that got it: a client with fewer connections than processes (one HTTP/2
// connection, as a gRPC channel opens) keeps the other workers idle. The caveat below says so.
import cluster, { type Worker } from "node:cluster";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import type { ProcessMetrics } from "../monitor/monitor-contract.js";
import { childEntry, PACKAGE_ROOT } from "../node-entry.js";
import { ListenError, type ProcessUsage, type ServerOptions } from "../server-arm.js";
import { isWorkerMessage, type GroupWorkerConfig, type PrimaryMessage, type WorkerMessage, type WorkerUsage } from "./group-ipc.js";

// group-worker.ts under tsx, group-worker.js compiled (dist/)
const WORKER = childEntry("group-worker", import.meta.url);
const MB = 1024 * 1024;
const HOST_CPUS = cpus().length;
const ASK_TIMEOUT_MS = 5000;

export interface ProcessGroupOptions {
  arm: string;
  options: ServerOptions;
  /** how many server processes (workers); 2 or more */
  processes: number;
  startTimeoutMs?: number;
}

/** CPU time and memory of a group: the primary, the workers and their upstreams. */
export interface GroupUsage {
  /**
   * Summed over every process: CPU time, current RSS, and peakRssMb the sum of each process's own lifetime peak (an
   * upper bound of the group's peak, since the processes need not peak at once).
   */
  total: ProcessUsage;
  /** the workers' upstreams' share of total, when they started any */
  upstream: ProcessUsage | null;
  workers: WorkerUsage[];
}

export interface ProcessGroup {
  readonly host: string;
  readonly port: number;
  readonly caveats: readonly string[];
  readonly workerPids: readonly number[];
  /** the processes the workers started to serve their calls through (the gateway's grpc upstreams) */
  readonly upstreamPids: readonly number[];
  usage(): Promise<GroupUsage>;
  /** the group's monitor snapshot: what every worker's monitor endpoint answers */
  metrics(): Promise<ProcessMetrics>;
  /** `listener` runs once if a worker exits other than through close(): the group no longer serves as measured */
  onWorkerDeath(listener: (pid: number, code: number | null, signal: string | null) => void): void;
  close(): Promise<void>;
}

/** Raised when a worker cannot start the arm; `listenError` when the reason is the user's (port in use, bad host). */
export class GroupStartError extends Error {
  override name = "GroupStartError";
  constructor(
    message: string,
    readonly code: string | null,
    readonly listenError: boolean,
  ) {
    super(message);
  }
}

function zero(): ProcessUsage {
  return { cpu: { user: 0, system: 0 }, rssMb: 0, peakRssMb: 0 };
}

function add(into: ProcessUsage, u: ProcessUsage): void {
  into.cpu.user += u.cpu.user;
  into.cpu.system += u.cpu.system;
  into.rssMb += u.rssMb;
  into.peakRssMb += u.peakRssMb;
}

function ownUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  return { cpu: { user: cpu.user, system: cpu.system }, rssMb: process.memoryUsage.rss() / MB, peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB };
}

function send(worker: Worker, message: PrimaryMessage): void {
  if (worker.isConnected()) worker.send(message);
}

export function groupCaveat(processes: number): string {
  return (
    `${processes} server processes (node:cluster, round-robin): the primary accepts each connection and hands it to a worker (its CPU is counted); ` +
    `a connection stays on one worker, so fewer connections than processes leave some idle`
  );
}

export async function startProcessGroup(o: ProcessGroupOptions): Promise<ProcessGroup> {
  if (!cluster.isPrimary) throw new Error("a process group's primary cannot itself be a cluster worker");
  if (!Number.isSafeInteger(o.processes) || o.processes < 2) throw new Error(`a process group needs 2 or more processes, got ${o.processes}`);
  cluster.schedulingPolicy = cluster.SCHED_RR;
  cluster.setupPrimary({
    exec: WORKER.file,
    execArgv: WORKER.execArgv,
    cwd: PACKAGE_ROOT,
    // stdout belongs to whoever started the primary (serve prints exactly one line); errors still show.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "json",
  });
  // Plugin arms reach the workers through GRB_ARM_MODULES, which cluster.fork passes on with the environment.
  const config: GroupWorkerConfig = { arm: o.arm, options: o.options };
  const workers: Worker[] = [];
  const startOne = (): Promise<Extract<WorkerMessage, { grb: "ready" }>> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      workers.push(worker);
      const timeoutMs = o.startTimeoutMs ?? 30_000;
      const timer = setTimeout(() => reject(new GroupStartError(`server "${o.arm}" worker did not start within ${timeoutMs} ms`, "ETIMEDOUT", false)), timeoutMs);
      const onMessage = (message: unknown): void => {
        if (!isWorkerMessage(message)) return;
        if (message.grb === "awaiting-config") send(worker, { grb: "config", config });
        else if (message.grb === "ready") {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("exit", onExit);
          resolve(message);
        } else if (message.grb === "start-failed") {
          clearTimeout(timer);
          reject(new GroupStartError(message.message, message.code, message.listenError));
        }
      };
      const onExit = (code: number | null, signal: string | null): void => {
        clearTimeout(timer);
        reject(new GroupStartError(`server "${o.arm}" worker exited before it was ready (${signal ?? `exit ${code}`})`, null, false));
      };
      worker.on("message", onMessage);
      worker.once("exit", onExit);
    });
  // All at once: they ask the primary for the same host:port, and the first ask makes the shared socket (listen on
  // port 0 gives every worker the same port: cluster keys the socket on the address asked for).
  const starts = await Promise.allSettled(Array.from({ length: o.processes }, startOne));
  const failed = starts.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed !== undefined) {
    await Promise.all(workers.map((w) => killWorker(w)));
    throw failed.reason;
  }
  const ready = starts.map((s) => (s as PromiseFulfilledResult<Extract<WorkerMessage, { grb: "ready" }>>).value);
  const first = ready[0]!;
  const ports = new Set(ready.map((r) => r.port));
  if (ports.size !== 1) {
    await Promise.all(workers.map((w) => killWorker(w)));
    throw new GroupStartError(`server "${o.arm}" workers listen on different ports (${[...ports].join(", ")}): the arm does not listen through node:net`, null, false);
  }
  return new ClusterGroup(o.arm, workers, first.host, first.port, [...first.caveats, groupCaveat(o.processes)], ready.map((r) => r.upstreamPid).filter((p): p is number => p !== null));
}

function killWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) return resolve();
    worker.once("exit", () => resolve());
    worker.process.kill("SIGKILL");
  });
}

class ClusterGroup implements ProcessGroup {
  readonly workerPids: readonly number[];
  private closing = false;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (u: WorkerUsage) => void; reject: (e: Error) => void }>();
  private readonly startedAt = performance.now();
  private deathListeners: ((pid: number, code: number | null, signal: string | null) => void)[] = [];

  constructor(
    private readonly arm: string,
    private readonly workers: readonly Worker[],
    readonly host: string,
    readonly port: number,
    readonly caveats: readonly string[],
    readonly upstreamPids: readonly number[],
  ) {
    this.workerPids = workers.map((w) => w.process.pid ?? -1);
    for (const worker of workers) {
      worker.on("message", (message: unknown) => {
        if (!isWorkerMessage(message)) return;
        if (message.grb === "usage") {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          waiter?.resolve(message.usage);
        } else if (message.grb === "group-metrics") {
          // A worker's monitor endpoint wants the whole group; null lets it fall back to its own figures.
          this.metrics().then(
            (metrics) => send(worker, { grb: "group-metrics", id: message.id, metrics }),
            () => send(worker, { grb: "group-metrics", id: message.id, metrics: null }),
          );
        }
      });
      worker.once("exit", (code, signal) => {
        if (this.closing) return;
        for (const listener of this.deathListeners) listener(worker.process.pid ?? -1, code, signal);
      });
    }
  }

  onWorkerDeath(listener: (pid: number, code: number | null, signal: string | null) => void): void {
    this.deathListeners.push(listener);
  }

  private ask(worker: Worker): Promise<WorkerUsage> {
    if (worker.isDead() || !worker.isConnected()) return Promise.reject(new Error(`server "${this.arm}" worker ${worker.process.pid} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`server "${this.arm}" worker ${worker.process.pid} did not report its usage within ${ASK_TIMEOUT_MS} ms`));
      }, ASK_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (u) => {
          clearTimeout(timer);
          resolve(u);
        },
        reject,
      });
      send(worker, { grb: "usage", id });
    });
  }

  async usage(): Promise<GroupUsage> {
    const workers = await Promise.all(this.workers.map((w) => this.ask(w)));
    const total = ownUsage();
    let upstream: ProcessUsage | null = null;
    for (const w of workers) {
      add(total, w.own);
      if (w.upstream !== null) {
        add(total, w.upstream);
        upstream ??= zero();
        add(upstream, w.upstream);
      }
    }
    return { total, upstream, workers };
  }

  async metrics(): Promise<ProcessMetrics> {
    const { total, workers } = await this.usage();
    return {
      pid: process.pid,
      arm: this.arm,
      cpuUserUs: Math.round(total.cpu.user),
      cpuSystemUs: Math.round(total.cpu.system),
      rssBytes: Math.round(total.rssMb * MB),
      peakRssBytes: Math.round(total.peakRssMb * MB),
      callsServed: workers.reduce((n, w) => n + w.callsServed, 0),
      uptimeMs: Math.round(performance.now() - this.startedAt),
      nodeVersion: process.version,
      hostCpus: HOST_CPUS,
      processes: workers.length,
      serving: workers.map((w) => ({ pid: w.pid, callsServed: w.callsServed })),
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            // The worker closes its server (3 s at most, open keep-alive connections can hold it); then it is killed.
            const kill = setTimeout(() => worker.process.kill("SIGKILL"), 5000);
            worker.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            send(worker, { grb: "stop" });
          }),
      ),
    );
  }
}

/** A worker's start failure as the CLI shows it: a ListenError when it is the user's to fix. */
export function asListenError(error: unknown): ListenError | null {
  return error instanceof GroupStartError && error.listenError ? new ListenError(error.message) : null;
}
