// The two servers the stream family talks to: child processes pinned away from this process (the client)
// when the machine allows, or remote targets given on the command line (then no server CPU/RSS).
import { SERVER_DEFAULTS } from "../../servers/server-arm.js";
import { planPinning, pinSelf } from "../cpu/cpu-pinning.js";
import { startServerProcess, type ServerProcess } from "../server-process/server-process.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";

export interface StreamServer {
  protocol: "grpc" | "rest";
  /** grpc: host:port; rest: http://host:port */
  target: string;
  process: ServerProcess | null;
}

export interface StreamServers {
  grpc: StreamServer;
  rest: StreamServer;
  seed: number;
  pinningNote: string;
  stop(): Promise<void>;
}

export async function startStreamServers(options: {
  targets: { grpc: string | null; rest: string | null };
  maxUploadBytes: number;
}): Promise<StreamServers> {
  const pinning = planPinning();
  const restoreAffinity = pinning.client ? pinSelf(pinning.client) : null;
  const serverOptions = {
    seed: DEFAULT_SEED,
    // REST reads uploads as a stream without a total limit and gRPC limits each message; raise the limit
    // anyway so neither side can refuse the largest upload for a reason the other does not share.
    maxRequestBytes: Math.max(SERVER_DEFAULTS.maxRequestBytes, options.maxUploadBytes + 1024 * 1024),
    maxDelayMs: 0,
    compression: false,
  };
  const started: ServerProcess[] = [];
  const one = async (protocol: "grpc" | "rest"): Promise<StreamServer> => {
    const remote = options.targets[protocol];
    if (remote) return { protocol, target: protocol === "rest" && !/^https?:\/\//.test(remote) ? `http://${remote}` : remote, process: null };
    const proc = await startServerProcess({ arm: protocol, cpus: pinning.server, serverOptions });
    started.push(proc);
    return { protocol, target: proc.target, process: proc };
  };
  try {
    // Both start at once; allSettled so a failing start never leaves the other one running unseen.
    const [grpcStart, restStart] = await Promise.allSettled([one("grpc"), one("rest")]);
    if (grpcStart.status === "rejected") throw grpcStart.reason;
    if (restStart.status === "rejected") throw restStart.reason;
    const grpc = grpcStart.value;
    const rest = restStart.value;
    return {
      grpc,
      rest,
      seed: serverOptions.seed,
      pinningNote: pinning.note,
      async stop() {
        await Promise.all(started.map((p) => p.stop()));
        restoreAffinity?.();
      },
    };
  } catch (err) {
    await Promise.all(started.map((p) => p.stop()));
    restoreAffinity?.();
    throw err;
  }
}
