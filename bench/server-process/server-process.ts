// A server arm in its own child process, optionally pinned to a CPU, that reports its own CPU time and memory
// over IPC. The load engine reads CPU before and after a measured window, so server CPU per call is the
// server process's user+system time over exactly that window. Under --server-cpus N the child is the primary of N
// server processes (bench/server-process/run-server-cpus.ts) and reports their sum.
import { fork, type ChildProcess } from "node:child_process";
import { childEntry, PACKAGE_ROOT } from "../../servers/node-entry.js";
import type { ArmApi, ServerOptions } from "../../servers/server-arm.js";
import { unpinnedCpus } from "../cpu/cpu-pinning.js";
import { noteArmEndpoint } from "../arm-tls-record.js";
import { runTlsServerOption } from "../run-server-tls.js";
import { runTokenServerOption } from "../run-token.js";
import { runServerCpus } from "./run-server-cpus.js";
import type { ChildMessage, CpuSnapshot, MemorySnapshot, ParentMessage, ServerChildConfig } from "./server-ipc.js";

// server-child.ts under tsx, server-child.js compiled (dist/)
const CHILD = childEntry("server-child", import.meta.url);

export interface ServerProcessOptions {
  /** arm name in servers/registry.ts (grpc, rest, …) */
  arm: string;
  host?: string;
  /** 0 (default) picks a free port */
  port?: number;
  /** taskset CPU list; null/undefined leaves the child unpinned: on the CPUs this process had before it pinned
   * itself to the load generator's CPU (cpu-pinning.ts pinSelf), never on that CPU alone */
  cpus?: string | null;
  /** passed to the arm's start() */
  serverOptions?: Omit<ServerOptions, "host" | "port">;
  /** server processes serving the arm (servers/processes/); default the run's --server-cpus, 1 without it */
  processes?: number;
  startTimeoutMs?: number;
}

/** How a server process ended. */
export interface ServerExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** when this process saw the exit */
  at: Date;
  /** true when stop() ended it (on purpose); false for a crash, an OOM kill, a kill from outside */
  stopped: boolean;
}

export interface ServerProcess {
  readonly arm: string;
  readonly api: ArmApi;
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly pinnedCpus: string | null;
  /**
   * what a transport dials: host:port for a gRPC arm, http://host:port for a REST arm; over TLS (ServerOptions.tls,
   * the run's --tls certificate by default) grpcs://host:port and https://host:port
   */
  readonly target: string;
  /** what the arm does differently from what was asked (RunningServer.caveats) */
  readonly caveats: readonly string[];
  /**
   * Processes the server started to serve its calls (the gateway's own grpc arm): cpuUsage() and memory() already
   * include them; a peak-RSS window over the server covers these pids too.
   */
  readonly upstreamPids?: readonly number[];
  /**
   * With N server processes (--server-cpus N): the workers' pids; this.pid is their primary, which accepts the
   * connections. cpuUsage() and memory() already include them. Absent or empty: one process.
   */
  readonly workerPids?: readonly number[];
  /**
   * true for a server the harness did not start (a --target), measured through its monitor endpoint
   * (bench/server-metrics/remote-server.ts): its pid is another host's, so nothing may look it up in this host's
   * /proc (serverPids refuses), and `alive` only means it was not seen to die.
   */
  readonly remote?: boolean;
  /** false once the child exited (crash or stop) */
  readonly alive: boolean;
  /** how it ended; null while it runs */
  readonly exitStatus: ServerExitStatus | null;
  /** Calls `listener` once when the process exits (at once if it already has): a crash is reported when it happens. */
  onExit(listener: (status: ServerExitStatus) => void): void;
  cpuUsage(): Promise<CpuSnapshot>;
  memory(): Promise<MemorySnapshot>;
  stop(): Promise<void>;
}

/** The server process, its workers and the upstream processes they started: what a peak-RSS window over "the server" covers. */
export function serverPids(server: ServerProcess): number[] {
  if (server.remote === true) throw new Error(`server "${server.arm}" is remote: its pid ${server.pid} is not this host's`);
  return [server.pid, ...(server.workerPids ?? []), ...(server.upstreamPids ?? [])];
}

/** Raised when the child cannot start the arm (port in use, unknown arm…): a user-causable error. */
export class ServerStartError extends Error {
  override name = "ServerStartError";
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const config: ServerChildConfig = {
    arm: options.arm,
    // The run's bearer token (bench/run-token.ts) and, under --tls, its certificate (bench/run-server-tls.ts), unless
    // serverOptions names its own: every server of a run requires the token and serves TLS alike.
    options: { ...runTokenServerOption(), ...runTlsServerOption(), ...options.serverOptions, host: options.host ?? "127.0.0.1", port: options.port ?? 0 },
    processes: options.processes ?? runServerCpus(),
  };
  const cpus = options.cpus ?? null;
  // A forked child inherits this process's affinity, which is the client CPU alone while the bench is pinned.
  const affinity = cpus ?? unpinnedCpus();
  // fork() through taskset: taskset execs node, which inherits the IPC channel fd and NODE_CHANNEL_FD.
  const child: ChildProcess = fork(CHILD.file, [], {
    cwd: PACKAGE_ROOT,
    execPath: affinity === null ? process.execPath : "taskset",
    execArgv: affinity === null ? CHILD.execArgv : ["-c", affinity, process.execPath, ...CHILD.execArgv],
    // The config (a TLS private key among it) goes over IPC once the child asks for it, not in the environment.
    env: process.env,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "json",
  });
  const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new ServerStartError(`server "${options.arm}" did not start within ${options.startTimeoutMs ?? 30000} ms`, "ETIMEDOUT"));
    }, options.startTimeoutMs ?? 30000);
    const onMessage = (message: ChildMessage) => {
      if (message.type === "awaiting-config") {
        child.send({ type: "config", config } satisfies ParentMessage);
      } else if (message.type === "ready") {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message);
      } else if (message.type === "start-failed") {
        clearTimeout(timer);
        reject(new ServerStartError(`server "${options.arm}" failed to start: ${message.message}`, message.code));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(new ServerStartError(`server "${options.arm}" exited before it was ready (${signal ?? `exit ${code}`})`, null));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new ServerStartError(`server "${options.arm}" could not be spawned: ${error.message}`, null));
    });
  });
  const server = new ChildServer(child, ready, cpus, config.options.tls !== undefined);
  // Handshakes with this host:port are this arm's from now on (report.arms[].tls).
  noteArmEndpoint(server.arm, server.host, server.port);
  return server;
}

class ChildServer implements ServerProcess {
  readonly arm: string;
  readonly api: ArmApi;
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly target: string;
  readonly caveats: readonly string[];
  readonly upstreamPids: readonly number[];
  readonly workerPids: readonly number[];
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: ChildMessage) => void; reject: (e: Error) => void }>();
  private status: ServerExitStatus | null = null;
  /** set by stop() before it asks: an exit from then on is the harness's doing, not a death */
  private stopping = false;
  private readonly exitPromise: Promise<ServerExitStatus>;

  constructor(
    private readonly child: ChildProcess,
    ready: Extract<ChildMessage, { type: "ready" }>,
    readonly pinnedCpus: string | null,
    readonly tls: boolean,
  ) {
    this.arm = ready.arm;
    this.api = ready.api;
    this.host = ready.host;
    this.port = ready.port;
    this.caveats = ready.caveats;
    this.upstreamPids = ready.upstreamPids;
    this.workerPids = ready.workerPids;
    this.pid = child.pid ?? -1;
    const hostPort = `${formatHost(ready.host)}:${ready.port}`;
    this.target = ready.api === "grpc" ? (tls ? `grpcs://${hostPort}` : hostPort) : `${tls ? "https" : "http"}://${hostPort}`;
    child.on("message", (message: ChildMessage) => {
      if (!("id" in message)) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
    });
    this.exitPromise = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.status = { code, signal, at: new Date(), stopped: this.stopping };
        for (const waiter of this.pending.values()) waiter.reject(new Error(`server "${this.arm}" (pid ${this.pid}) has exited`));
        this.pending.clear();
        resolve(this.status);
      });
    });
  }

  get alive(): boolean {
    return this.status === null;
  }

  get exitStatus(): ServerExitStatus | null {
    return this.status;
  }

  onExit(listener: (status: ServerExitStatus) => void): void {
    // A listener that throws is a bug in the harness; it must not end the run as an unhandled rejection.
    this.exitPromise.then(listener).catch((error: unknown) => process.emitWarning(`server "${this.arm}" exit listener failed: ${(error as Error).message}`));
  }

  private ask(type: Extract<ParentMessage, { id: number }>["type"]): Promise<ChildMessage> {
    if (this.status !== null || !this.child.connected) return Promise.reject(new Error(`server "${this.arm}" (pid ${this.pid}) is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, type } satisfies ParentMessage);
    });
  }

  async cpuUsage(): Promise<CpuSnapshot> {
    const reply = await this.ask("cpu");
    if (reply.type === "failed") throw new Error(`server "${this.arm}" could not read its CPU time: ${reply.message}`);
    if (reply.type !== "cpu") throw new Error(`unexpected reply ${reply.type}`);
    return reply.cpu;
  }

  async memory(): Promise<MemorySnapshot> {
    const reply = await this.ask("memory");
    if (reply.type === "failed") throw new Error(`server "${this.arm}" could not read its memory: ${reply.message}`);
    if (reply.type !== "memory") throw new Error(`unexpected reply ${reply.type}`);
    return reply.memory;
  }

  async stop(): Promise<void> {
    if (this.status !== null) return;
    this.stopping = true;
    // A primary of N processes waits up to 5 s for its workers to close before it exits itself.
    const kill = setTimeout(() => this.child.kill("SIGKILL"), this.workerPids.length > 0 ? 8000 : 5000);
    try {
      await this.ask("stop");
    } catch {
      // already gone
    }
    await this.exitPromise;
    clearTimeout(kill);
  }
}
