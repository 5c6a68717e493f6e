// Entry point of a server child process: starts one arm from the registry and answers the harness over IPC
// (CPU and memory of THIS process, plus those of the upstream process the arm started, if any; stop). Never
// prints to stdout: the harness owns it. With --server-cpus N (config.processes) this process is the primary of N
// server processes (servers/processes/process-group.ts) and every figure it reports is the sum over all of them.
// The registry loads plugin arms named in GRB_ARM_MODULES (inherited from the harness) as it is imported.
import { startProcessGroup, type ProcessGroup } from "../../servers/processes/process-group.js";
import { armIds, findArm } from "../../servers/registry.js";
import type { ProcessUsage, RunningServer } from "../../servers/server-arm.js";
import type { ChildMessage, CpuSnapshot, MemorySnapshot, ParentMessage, ServerChildConfig } from "./server-ipc.js";

const MB = 1024 * 1024;

/** What this child serves through: the arm in this process, or a group of worker processes. */
interface Served {
  host: string;
  port: number;
  caveats: readonly string[];
  upstreamPids: number[];
  workerPids: number[];
  /** everything serving the arm: this process, any workers, their upstreams; and the upstreams' share */
  usage(): Promise<{ total: ProcessUsage; upstream: ProcessUsage | null }>;
  close(): Promise<void>;
}

function ownUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  return { cpu: { user: cpu.user, system: cpu.system }, rssMb: process.memoryUsage.rss() / MB, peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB };
}

/**
 * The arm served by this process alone. Its upstream's usage (the gateway's grpc arm) is part of this server's CPU
 * and memory; a failed read of it leaves this process alone: better this process than none.
 */
function alone(server: RunningServer): Served {
  return {
    host: server.host,
    port: server.port,
    caveats: server.caveats,
    upstreamPids: server.upstream !== undefined ? [server.upstream.pid] : [],
    workerPids: [],
    async usage() {
      const up = server.upstream === undefined ? null : await server.upstream.usage().catch(() => null);
      const own = ownUsage();
      if (up === null) return { total: own, upstream: null };
      return {
        total: { cpu: { user: own.cpu.user + up.cpu.user, system: own.cpu.system + up.cpu.system }, rssMb: own.rssMb + up.rssMb, peakRssMb: own.peakRssMb + up.peakRssMb },
        upstream: up,
      };
    },
    close: () => server.close(),
  };
}

function grouped(group: ProcessGroup): Served {
  return {
    host: group.host,
    port: group.port,
    caveats: group.caveats,
    upstreamPids: [...group.upstreamPids],
    workerPids: [...group.workerPids],
    usage: () => group.usage(),
    close: () => group.close(),
  };
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) return resolve();
    process.send(message, () => resolve());
  });
}

/** The arm and its options, asked of the parent over IPC (bench/server-process/server-ipc.ts: never in the env). */
function receiveConfig(): Promise<ServerChildConfig> {
  return new Promise((resolve) => {
    const onMessage = (raw: unknown) => {
      const message = raw as ParentMessage;
      if (message.type !== "config") return;
      process.off("message", onMessage);
      resolve(message.config);
    };
    process.on("message", onMessage);
    void send({ type: "awaiting-config" });
  });
}

async function main(): Promise<void> {
  if (process.send === undefined) {
    process.stderr.write("server-child: must be started by bench/server-process/server-process.ts\n");
    process.exit(2);
  }
  const config = await receiveConfig();
  const arm = findArm(config.arm);
  if (arm === undefined) {
    await send({ type: "start-failed", message: `unknown server arm "${config.arm}" (known: ${armIds().join(", ")})`, code: null });
    process.exit(2);
  }
  const processes = config.processes ?? 1;
  let server: Served;
  try {
    if (processes > 1) {
      const group = await startProcessGroup({ arm: arm.id, options: config.options, processes });
      // A dead worker leaves the group serving less than it was measured as: the whole server dies with it, so the
      // harness sees a server exit (report.serverExits) rather than quietly slower figures.
      group.onWorkerDeath((pid, code, signal) => {
        process.stderr.write(`server-child: ${arm.id} worker ${pid} exited (${signal ?? `exit ${code}`}); stopping the group\n`);
        void group.close().finally(() => process.exit(1));
      });
      server = grouped(group);
    } else {
      server = alone(await arm.start(config.options));
    }
  } catch (error) {
    const err = error as { message?: string; code?: string };
    await send({ type: "start-failed", message: err.message ?? String(error), code: err.code ?? null });
    process.exit(1);
  }
  // The parent going away (crash, Ctrl-C) must not leave an orphan server holding a port and a CPU.
  process.on("disconnect", () => {
    setTimeout(() => process.exit(0), 3000).unref();
    void server.close().finally(() => process.exit(0));
  });
  process.on("message", (raw) => {
    const message = raw as ParentMessage;
    switch (message.type) {
      case "cpu": {
        void server.usage().then(
          ({ total, upstream }) => {
            const cpu: CpuSnapshot = { user: total.cpu.user, system: total.cpu.system, ...(upstream !== null ? { upstream: upstream.cpu } : {}) };
            return send({ id: message.id, type: "cpu", cpu });
          },
          // A worker that cannot answer: the harness's read fails (the window is "not measured"), never hangs.
          (error: Error) => send({ id: message.id, type: "failed", message: error.message }),
        );
        break;
      }
      case "memory": {
        void server.usage().then(
          ({ total, upstream }) => {
            const memory: MemorySnapshot = {
              rssMb: total.rssMb,
              peakRssMb: total.peakRssMb,
              ...(upstream !== null ? { upstream: { rssMb: upstream.rssMb, peakRssMb: upstream.peakRssMb } } : {}),
            };
            return send({ id: message.id, type: "memory", memory });
          },
          (error: Error) => send({ id: message.id, type: "failed", message: error.message }),
        );
        break;
      }
      case "stop":
        // Open keep-alive connections can hold close() open: give it a moment, then leave anyway.
        setTimeout(() => process.exit(0), processes > 1 ? 6000 : 3000).unref();
        void server
          .close()
          .catch(() => {})
          .then(() => send({ id: message.id, type: "stopped" }))
          .finally(() => process.exit(0));
        break;
    }
  });
  await send({
    type: "ready",
    arm: arm.id,
    api: arm.api,
    host: server.host,
    port: server.port,
    caveats: [...server.caveats],
    upstreamPids: server.upstreamPids,
    workerPids: server.workerPids,
  });
}

void main();
