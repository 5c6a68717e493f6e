// The gRPC + REST server pair a family talks to: child processes pinned away from this process (the client)
// when the machine allows, or the remote targets given on the command line (then no server CPU/RSS).
import { DEFAULT_SEED } from "../payloads/generator.js";
import { SERVER_DEFAULTS, type ServerOptions } from "../servers/server-arm.js";
import { planPinning, pinSelf, type PinningPlan } from "./cpu/cpu-pinning.js";
import { startServerProcess, type ServerProcess } from "./server-process/server-process.js";

export interface FamilyServer {
  protocol: "grpc" | "rest";
  /** grpc: host:port; rest: http://host:port */
  target: string;
  process: ServerProcess | null;
}

export interface FamilyServers {
  grpc: FamilyServer;
  rest: FamilyServer;
  seed: number;
  /** how the CPUs were pinned, or why not */
  pinningNote: string;
  pinned: boolean;
  stop(): Promise<void>;
}

export interface FamilyServerOptions {
  targets: { grpc: string | null; rest: string | null };
  /** passed to both arms (the same for both, so neither side gets a configuration the other lacks) */
  serverOptions?: Omit<ServerOptions, "host" | "port">;
  /** pin this process to the client CPU for as long as the servers run (default true) */
  pinClient?: boolean;
  /** the plan to follow; pass one plan made before any pair starts when a family starts several pairs */
  pinning?: PinningPlan;
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
  const one = async (protocol: "grpc" | "rest"): Promise<FamilyServer> => {
    const remote = options.targets[protocol];
    if (remote) return { protocol, target: protocol === "rest" && !/^https?:\/\//.test(remote) ? `http://${remote}` : remote, process: null };
    const proc = await startServerProcess({ arm: protocol, cpus: pinning.server, serverOptions });
    started.push(proc);
    return { protocol, target: proc.target, process: proc };
  };
  const stopAll = async () => {
    await Promise.all(started.map((p) => p.stop()));
    restoreAffinity?.();
  };
  // Both start at once; allSettled so a failing start never leaves the other one running unseen.
  const [grpcStart, restStart] = await Promise.allSettled([one("grpc"), one("rest")]);
  if (grpcStart.status === "rejected" || restStart.status === "rejected") {
    await stopAll();
    throw grpcStart.status === "rejected" ? grpcStart.reason : (restStart as PromiseRejectedResult).reason;
  }
  return {
    grpc: grpcStart.value,
    rest: restStart.value,
    seed: serverOptions.seed,
    pinningNote: pinning.note,
    pinned: pinning.server !== null,
    stop: stopAll,
  };
}
