// The gateway's own upstream: the grpc arm in a child process of the gateway (upstream-child.ts), so the two run
// as grpc-gateway and its gRPC server do, in separate processes on the same CPUs (a forked child inherits the
// gateway's affinity). Over IPC the child says where it listens, reports its CPU time and memory, and stops.
import { fork, type ChildProcess } from "node:child_process";
import { childEntry, PACKAGE_ROOT } from "../node-entry.js";
import type { ProcessUsage, ServerOptions, UpstreamProcess } from "../server-arm.js";

// upstream-child.ts under tsx, upstream-child.js compiled (dist/)
const CHILD = childEntry("upstream-child", import.meta.url);
/** The child's ServerOptions, as JSON. */
export const UPSTREAM_OPTIONS_ENV = "GRB_GATEWAY_UPSTREAM";
const START_TIMEOUT_MS = 30_000;

export type UpstreamRequest = { id: number; type: "usage" | "stop" };
export type UpstreamMessage =
  | { type: "ready"; port: number }
  | { type: "start-failed"; message: string }
  | { id: number; type: "usage"; usage: ProcessUsage }
  | { id: number; type: "stopped" };

export interface ChildUpstream extends UpstreamProcess {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startUpstreamProcess(options: ServerOptions): Promise<ChildUpstream> {
  const child: ChildProcess = fork(CHILD.file, [], {
    cwd: PACKAGE_ROOT,
    execArgv: CHILD.execArgv,
    env: { ...process.env, [UPSTREAM_OPTIONS_ENV]: JSON.stringify(options) },
    // stdout belongs to whoever runs the gateway (serve prints exactly one line); errors still show.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "json",
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the gateway's grpc upstream did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: UpstreamMessage): void => {
      if (message.type === "ready") {
        done();
        resolve(message.port);
      } else if (message.type === "start-failed") {
        done();
        reject(new Error(`the gateway's grpc upstream failed to start: ${message.message}`));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done();
      reject(new Error(`the gateway's grpc upstream exited before it was ready (${signal ?? `exit ${code}`})`));
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
  return new UpstreamChild(child, port);
}

class UpstreamChild implements ChildUpstream {
  readonly pid: number;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: UpstreamMessage) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;
  private gone = false;

  constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.pid = child.pid ?? -1;
    child.on("message", (message: UpstreamMessage) => {
      if (!("id" in message)) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", () => {
        this.gone = true;
        for (const waiter of this.pending.values()) waiter.reject(new Error(`the gateway's grpc upstream (pid ${this.pid}) has exited`));
        this.pending.clear();
        resolve();
      });
    });
  }

  private ask(type: UpstreamRequest["type"]): Promise<UpstreamMessage> {
    if (this.gone || !this.child.connected) return Promise.reject(new Error(`the gateway's grpc upstream (pid ${this.pid}) is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, type } satisfies UpstreamRequest);
    });
  }

  async usage(): Promise<ProcessUsage> {
    const reply = await this.ask("usage");
    if (reply.type !== "usage") throw new Error(`unexpected reply ${reply.type}`);
    return reply.usage;
  }

  async stop(): Promise<void> {
    if (this.gone) return;
    const kill = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await this.ask("stop").catch(() => {});
    await this.exited;
    clearTimeout(kill);
  }
}
