// A server the harness did not start (a --target), seen through its monitor endpoint as a ServerProcess the
// families and the load engine measure like one of their own: CPU time at the window edges (one snapshot each, as
// the local servers answer over IPC) and RSS sampled from the monitor's stream during each window. The figures are
// the remote process's as a whole: whatever else it did meanwhile (other clients, its own monitor) is in them.
//
// What it never does: look its pid up in this host's /proc (the pid is another host's), stop the server (stop()
// closes the monitor only), or decide the server died. `alive` stays true: a monitor that stops answering says
// nothing about the server, and the calls' own errors say what the clients saw.
import type { ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import type { ArmApi } from "../../servers/server-arm.js";
import type { Arm } from "../model/arm.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { tokenOf } from "../run-token.js";
import type { CpuSnapshot, MemorySnapshot } from "../server-process/server-ipc.js";
import type { ServerExitStatus, ServerProcess } from "../server-process/server-process.js";
import { MonitorRefusedError, monitorClient, type MonitorClient, type MonitorWatch } from "./monitor-client.js";

const MB = 1024 * 1024;

export interface RemoteServerOptions {
  /** how often the monitor stream samples (default MONITOR_SAMPLE_MS) */
  sampleMs?: number;
  /** how long a snapshot may take (default 3000 ms) */
  timeoutMs?: number;
  /** the token the monitor needs: undefined the run's (bench/run-token.ts), null none */
  token?: string | null;
}

/** The monitor stream's period: a window's peak RSS is the highest of its samples (and of its edge snapshots). */
export const MONITOR_SAMPLE_MS = 100;

/** Raised by snapshot() and so by cpuUsage()/memory(): why there is no figure (no monitor, or it did not answer). */
export class MonitorUnavailableError extends Error {
  override name = "MonitorUnavailableError";
}

/** The RSS samples one measured window saw. */
export interface RemoteRssWindow {
  /** the highest RSS sampled since the window opened, MB; null when no sample came */
  peakMb(): number | null;
  /** samples counted (edge snapshots included) */
  readonly samples: number;
  /** why the stream was not running for the whole window, when it was not */
  readonly gap: string | null;
  /** pids the samples came from (more than one: the remote process changed mid-window) */
  readonly pids: ReadonlySet<number>;
  close(): void;
}

class RssWindow implements RemoteRssWindow {
  private peak = 0;
  samples = 0;
  gap: string | null = null;
  readonly pids = new Set<number>();

  constructor(private readonly windows: Set<RssWindow>) {
    windows.add(this);
  }

  add(metrics: ProcessMetrics): void {
    this.samples++;
    this.peak = Math.max(this.peak, metrics.rssBytes);
    this.pids.add(metrics.pid);
  }

  peakMb(): number | null {
    return this.samples > 0 ? this.peak / MB : null;
  }

  close(): void {
    this.windows.delete(this);
  }
}

export class RemoteServer implements ServerProcess {
  readonly remote = true;
  readonly arm: string;
  readonly api: ArmApi;
  readonly host: string;
  readonly port: number;
  readonly pinnedCpus = null;
  readonly target: string;
  readonly caveats: string[] = [];
  readonly exitStatus: ServerExitStatus | null = null;
  /** the remote pid, as its monitor said (on its own host); -1 while none did */
  pid = -1;
  private readonly windows = new Set<RssWindow>();
  private watchHandle: MonitorWatch | null = null;
  /** why the sample stream is down (it is restarted when the next window opens) */
  private streamDown: string | null = null;
  private stopped = false;

  constructor(
    arm: Pick<Arm, "id" | "api">,
    target: string,
    /** null when the target offers no monitor */
    private readonly client: MonitorClient | null,
    /** why there is no monitor (client null) */
    private readonly unavailable: string | null,
    private readonly options: Required<Omit<RemoteServerOptions, "token">>,
  ) {
    this.arm = arm.id;
    this.api = arm.api;
    this.target = target;
    const endpoint = targetEndpoint(target);
    this.host = endpoint.host;
    this.port = endpoint.port;
  }

  /** Always true: see the file's comment. */
  get alive(): boolean {
    return true;
  }

  /** Never calls back: a remote server's exit is not something this side can see. */
  onExit(): void {}

  /** how the monitor is reached ("gRPC /grb.monitor.v1.Monitor/Watch"), or null without one */
  get via(): string | null {
    return this.client?.via ?? null;
  }

  /** Why this server's figures are not measured at all (the target offers no monitor), or null. */
  get notMeasuredReason(): string | null {
    return this.client === null ? this.unavailable : null;
  }

  get sampleMs(): number {
    return this.options.sampleMs;
  }

  /** One snapshot now; every open RSS window counts it as a sample. */
  async snapshot(): Promise<ProcessMetrics> {
    if (this.client === null || this.stopped) throw new MonitorUnavailableError(this.unavailable ?? "the monitor is closed");
    let metrics: ProcessMetrics;
    try {
      metrics = await this.client.snapshot(this.options.timeoutMs);
    } catch (error) {
      throw new MonitorUnavailableError(`the monitor did not answer (${(error as Error).message})`);
    }
    this.sample(metrics);
    return metrics;
  }

  async cpuUsage(): Promise<CpuSnapshot> {
    const m = await this.snapshot();
    return { user: m.cpuUserUs, system: m.cpuSystemUs };
  }

  /** peakRssMb is the remote process's lifetime peak (the monitor's peakRssBytes). */
  async memory(): Promise<MemorySnapshot> {
    const m = await this.snapshot();
    return { rssMb: m.rssBytes / MB, peakRssMb: m.peakRssBytes / MB };
  }

  /** Opens a window on the RSS samples (restarting the stream if it broke): the window's peak is the highest sample. */
  openRssWindow(seed?: ProcessMetrics): RemoteRssWindow {
    this.ensureStream();
    const window = new RssWindow(this.windows);
    if (seed !== undefined) window.add(seed);
    if (this.streamDown !== null) window.gap = this.streamDown;
    return window;
  }

  /** Starts the sample stream when it is not running (called by the family before the first window). */
  ensureStream(): void {
    if (this.client === null || this.stopped || this.watchHandle !== null) return;
    const handle = this.client.watch(
      this.options.sampleMs,
      (metrics) => this.sample(metrics),
      (error) => {
        if (this.watchHandle === handle) this.watchHandle = null;
        if (error === null || this.stopped) return;
        this.streamDown = `the monitor stream broke (${error.message})`;
        for (const window of this.windows) window.gap ??= this.streamDown;
      },
    );
    this.watchHandle = handle;
    this.streamDown = null;
  }

  private sample(metrics: ProcessMetrics): void {
    if (this.pid === -1) this.pid = metrics.pid;
    for (const window of this.windows) window.add(metrics);
  }

  /** Closes the monitor's stream and connections; the remote server keeps running. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.watchHandle?.close();
    this.watchHandle = null;
    this.client?.close();
  }

  /** Called once after the first snapshot: what the monitor says about the server that the arm does not. */
  noteIdentity(first: ProcessMetrics): void {
    this.pid = first.pid;
    if (first.arm !== this.arm) this.caveats.push(`the target's monitor says it serves arm "${first.arm}", not "${this.arm}"`);
  }
}

/**
 * The remote server behind `arm.target`, through its monitor: a first snapshot says whether there is one. Never
 * throws: a target without a monitor gives a RemoteServer whose figures are "not measured" with the reason.
 */
export async function openRemoteServer(arm: Pick<Arm, "id" | "api" | "transport" | "target">, options: RemoteServerOptions = {}): Promise<RemoteServer> {
  const target = arm.target;
  if (target === null) throw new Error(`arm ${arm.id} is not a remote target`);
  const resolved = { sampleMs: options.sampleMs ?? MONITOR_SAMPLE_MS, timeoutMs: options.timeoutMs ?? 3000 };
  const client = monitorClient({ arm, target, token: tokenOf(options.token) });
  let first: ProcessMetrics;
  try {
    first = await client.snapshot(resolved.timeoutMs);
  } catch (error) {
    if (error instanceof MonitorRefusedError) {
      client.close();
      return new RemoteServer(arm, target, null, `the target offers no monitor (${error.message})`, resolved);
    }
    // The network, or a server too busy to answer: later windows ask again.
    const server = new RemoteServer(arm, target, client, null, resolved);
    server.caveats.push(`its monitor did not answer when the family started (${(error as Error).message}); each window asks again`);
    server.ensureStream();
    return server;
  }
  const server = new RemoteServer(arm, target, client, null, resolved);
  server.noteIdentity(first);
  server.ensureStream();
  return server;
}

export function isRemoteServer(server: ServerProcess | null | undefined): server is RemoteServer {
  return server instanceof RemoteServer;
}
