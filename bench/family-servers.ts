// The servers a family talks to, one per arm of the run: child processes pinned away from this process (the
// client) when the machine allows, or the running servers the user named with --target, measured through their
// monitor endpoint (bench/server-metrics/remote-server.ts; "not measured", with the reason, when they offer none).
// A set is never restarted: a server that dies stays dead for the rest of the family (its later cases fail, with
// their errors counted), and the family's ServerExitWatch reports it.
import { DEFAULT_SEED } from "../payloads/generator.js";
import { SERVER_DEFAULTS, type ServerOptions } from "../servers/server-arm.js";
import { planPinning, pinSelf, type PinningPlan } from "./cpu/cpu-pinning.js";
import type { Arm } from "./model/arm.js";
import type { ServerExitWatch } from "./server-process/server-exit-watch.js";
import { startServerProcess, type ServerProcess } from "./server-process/server-process.js";
import { openRemoteServer, type RemoteServer } from "./server-metrics/remote-server.js";

export interface FamilyServer {
  arm: Arm;
  /** gRPC arms: host:port; REST arms: http://host:port */
  target: string;
  /** the child process we started, or for a --target the remote server seen through its monitor (process.remote) */
  process: ServerProcess | null;
}

export interface FamilyServers {
  /** in the run's arm order */
  list: FamilyServer[];
  get(armId: string): FamilyServer | undefined;
  seed: number;
  /** how the CPUs were pinned, or why not */
  pinningNote: string;
  pinned: boolean;
  stop(): Promise<void>;
}

export interface FamilyServerOptions {
  arms: readonly Arm[];
  /** passed to every arm (the same for all, so no arm gets a configuration another lacks) */
  serverOptions?: Omit<ServerOptions, "host" | "port">;
  /** pin this process to the client CPU for as long as the servers run (default true) */
  pinClient?: boolean;
  /** the plan to follow; pass one plan made before any set starts when a family starts several sets */
  pinning?: PinningPlan;
  /**
   * The family's watch: a server of this set that dies is reported (report.serverExits) against the case the family
   * said it was measuring. null only outside a family (a test of the servers themselves).
   */
  exits: ServerExitWatch | null;
}

export async function startFamilyServers(options: FamilyServerOptions): Promise<FamilyServers> {
  const pinning = options.pinning ?? planPinning();
  const restoreAffinity = pinning.client && options.pinClient !== false ? pinSelf(pinning.client) : null;
  const serverOptions = {
    seed: DEFAULT_SEED,
    maxRequestBytes: SERVER_DEFAULTS.maxRequestBytes,
    maxDelayMs: SERVER_DEFAULTS.maxDelayMs,
    compression: SERVER_DEFAULTS.compression,
    ...options.serverOptions,
  };
  const started: ServerProcess[] = [];
  // Remote servers' monitors: opened before the first window, closed with the set (the servers themselves run on).
  const monitors: RemoteServer[] = [];
  const one = async (arm: Arm): Promise<FamilyServer> => {
    if (arm.target !== null) {
      const remote = await openRemoteServer(arm);
      monitors.push(remote);
      return { arm, target: arm.target, process: remote };
    }
    const proc = await startServerProcess({ arm: arm.id, cpus: pinning.server, serverOptions });
    started.push(proc);
    options.exits?.watch(proc);
    return { arm, target: proc.target, process: proc };
  };
  const stopAll = async () => {
    await Promise.all([...started, ...monitors].map((p) => p.stop()));
    restoreAffinity?.();
  };
  // All start at once; allSettled so a failing start never leaves another one running unseen.
  const starts = await Promise.allSettled(options.arms.map(one));
  const failed = starts.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed !== undefined) {
    await stopAll();
    throw failed.reason;
  }
  const list = starts.map((s) => (s as PromiseFulfilledResult<FamilyServer>).value);
  return {
    list,
    get: (id) => list.find((s) => s.arm.id === id),
    seed: serverOptions.seed,
    pinningNote: pinning.note,
    pinned: pinning.server !== null,
    stop: stopAll,
  };
}
