// The load-generator worker processes of a run (--workers N): started once, on first use, and reused by every
// scenario (a fresh process per 0.3 s window would cost more than the window). Processes, not worker threads: a
// grpc-js client saturates its own event loop, and a process has its own CPU time to read and its own CPU to pin.
//
// Pinning: each worker gets its own CPU from the CPUs this run may use, leaving out the server's; with fewer CPUs
// than workers they share the ones there are, and cpuPlan says so (the report shows it as a caveat).
import { fork, type ChildProcess } from "node:child_process";
import { childEntry, PACKAGE_ROOT } from "../../servers/node-entry.js";
import { affinityOf, parseCpuList, pinProcess, unpinnedCpus } from "../cpu/cpu-pinning.js";
import type { LoadResult } from "../model/load-result.js";
import type { DriverName } from "./load-scenario.js";
import type { FromWorker, ToWorker, WorkerRunRequest } from "./load-worker-ipc.js";

const CHILD = childEntry("load-worker-child", import.meta.url);
const READY_TIMEOUT_MS = 30_000;

export interface WorkerCpuPlan {
  /** per worker, its CPU (taskset list), or null: not pinned */
  cpus: (string | null)[];
  /** null when every worker has a CPU of its own; else why not, one sentence */
  note: string | null;
}

/** One CPU per worker from this run's CPUs (before the family pinned itself), the server's left out. */
export function planWorkerCpus(workers: number, serverCpus: string | null): WorkerCpuPlan {
  const before = unpinnedCpus();
  const allowed = before !== null ? parseCpuList(before) : affinityOf(process.pid);
  if (allowed === null) return { cpus: Array<string | null>(workers).fill(null), note: `--workers ${workers}: load generators not pinned (taskset is not available or not permitted)` };
  const server = new Set(serverCpus === null ? [] : parseCpuList(serverCpus));
  const free = allowed.filter((cpu) => !server.has(cpu));
  const pool = free.length > 0 ? free : allowed;
  const cpus = Array.from({ length: workers }, (_, i) => String(pool[i % pool.length]));
  if (pool.length >= workers) return { cpus, note: null };
  const where = free.length > 0 ? `${pool.length} CPU${pool.length === 1 ? "" : "s"} besides the server's` : `${pool.length} CPU${pool.length === 1 ? "" : "s"}, the server's among them`;
  return { cpus, note: `--workers ${workers}: only ${where} (${pool.join(",")}), so the load generators share CPUs: workers on one CPU count as saturated when together they used >= 90% of it` };
}

class LoadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void; connected: () => void }>();
  private readonly preparing = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private exited: string | null = null;
  private pinned: string | null | undefined = undefined;
  readonly ready: Promise<void>;

  constructor(
    readonly index: number,
    private readonly child: ChildProcess,
  ) {
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load worker ${index} did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      child.once("message", () => {
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", () => {
        clearTimeout(timer);
        reject(new Error(`load worker ${index} exited before it was ready`));
      });
    });
    this.ready.catch(() => {});
    child.on("message", (message: FromWorker) => {
      if (message.type === "ready") return;
      const prep = this.preparing.get(message.id);
      if (prep !== undefined) {
        this.preparing.delete(message.id);
        if (message.type === "error") return prep.reject(new Error(message.message));
        return prep.resolve();
      }
      const waiter = this.pending.get(message.id);
      if (waiter === undefined) return;
      if (message.type === "connected") return waiter.connected();
      this.pending.delete(message.id);
      if (message.type === "result") waiter.resolve(message.result);
      else if (message.type === "error") waiter.reject(new Error(message.message));
    });
    child.once("exit", (code, signal) => {
      this.exited = signal ?? `exit ${code}`;
      const gone = new Error(`load worker ${index} (pid ${child.pid}) exited (${this.exited})`);
      for (const waiter of [...this.pending.values(), ...this.preparing.values()]) waiter.reject(gone);
      this.pending.clear();
      this.preparing.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exited === null;
  }

  /** Pins the worker (all its threads) to `cpus`; null: the CPUs the run had before the family pinned itself. */
  pin(cpus: string | null): boolean {
    if (this.pinned === cpus) return true;
    const list = cpus ?? unpinnedCpus();
    const ok = list === null || pinProcess(this.pid, list);
    if (ok) this.pinned = cpus;
    return ok;
  }

  /** Loads these drivers' modules in the worker, so a window's set-up never waits for them. */
  prepare(drivers: DriverName[]): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.alive) return reject(new Error(`load worker ${this.index} has exited (${this.exited})`));
      this.preparing.set(id, { resolve, reject });
      this.send({ type: "prepare", id, drivers });
    });
  }

  /**
   * Runs one share; `connected` fires once the worker's connections are open (or it has already finished), and the
   * returned begin() tells it when its first measured window begins.
   */
  run(request: WorkerRunRequest, connected: () => void): { result: Promise<LoadResult>; begin: (beginAtMs: number) => void; abort: () => void } {
    const id = this.nextId++;
    let said = false;
    const once = () => {
      if (!said) {
        said = true;
        connected();
      }
    };
    const result = new Promise<LoadResult>((resolve, reject) => {
      if (!this.alive) return reject(new Error(`load worker ${this.index} has exited (${this.exited})`));
      this.pending.set(id, { resolve, reject, connected: once });
      this.send({ type: "run", id, request });
    });
    void result.then(once, once);
    return {
      result,
      begin: (beginAtMs) => this.send({ type: "begin", id, beginAtMs }),
      abort: () => this.send({ type: "abort", id }),
    };
  }

  private send(message: ToWorker): void {
    if (!this.alive || !this.child.connected) return;
    try {
      this.child.send(message);
    } catch {
      // the exit handler rejects whatever is pending
    }
  }

  stop(): Promise<void> {
    if (!this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        resolve();
      }, 2000);
      this.child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      // the worker exits when its IPC channel closes
      if (this.child.connected) this.child.disconnect();
      else this.child.kill("SIGTERM");
    });
  }
}

function spawnWorker(index: number): LoadWorker {
  const child = fork(CHILD.file, [], {
    cwd: PACKAGE_ROOT,
    execArgv: CHILD.execArgv,
    env: process.env,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "json",
  });
  // Kept referenced: the family's process may be waiting on nothing but a worker's reply. It ends them with
  // closeLoadWorkers(), and a worker exits by itself when this process does (its IPC channel closes).
  return new LoadWorker(index, child);
}

let workers: LoadWorker[] = [];

/** N running workers, started or replaced as needed (a worker that died is replaced, and its replacement is new). */
export async function loadWorkers(n: number): Promise<readonly LoadWorker[]> {
  for (let i = 0; i < n; i++) {
    const w = workers[i];
    if (w === undefined || !w.alive) workers[i] = spawnWorker(i);
  }
  const wanted = workers.slice(0, n);
  await Promise.all(wanted.map((w) => w.ready));
  return wanted;
}

/**
 * Starts N workers and loads the drivers they will run, before the first window: the load family calls it once, so
 * neither process start-up nor module loading lands in a scenario's set-up (a sharded run's slots assume neither).
 */
export async function prepareLoadWorkers(n: number, drivers: readonly DriverName[]): Promise<void> {
  const all = await loadWorkers(n);
  await Promise.all(all.map((w) => w.prepare([...new Set(drivers)])));
}

/** Stops every worker (the load family calls it when it ends; a new run starts new ones). */
export async function closeLoadWorkers(): Promise<void> {
  const all = workers;
  workers = [];
  await Promise.all(all.map((w) => w.stop()));
}

export type { LoadWorker };
