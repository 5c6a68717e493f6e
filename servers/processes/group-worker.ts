// Entry point of one worker of a process group (process-group.ts): a node:cluster worker that starts the arm on the
// group's host:port (cluster shares one listening socket among the workers), reports its own CPU, memory and calls
// served when the primary asks, and answers its monitor endpoint with the group's sum, asked of the primary. Never
// prints to stdout: whoever started the primary owns it.
import cluster from "node:cluster";
import type { ProcessMetrics } from "../monitor/monitor-contract.js";
import { callsServedByThisProcess, joinProcessGroup } from "../monitor/server-monitor.js";
import { ListenError, type ProcessUsage, type RunningServer } from "../server-arm.js";
import type { GroupWorkerConfig, PrimaryMessage, WorkerMessage } from "./group-ipc.js";

const MB = 1024 * 1024;

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) return resolve();
    process.send(message, () => resolve());
  });
}

function ownUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  return { cpu: { user: cpu.user, system: cpu.system }, rssMb: process.memoryUsage.rss() / MB, peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB };
}

function receiveConfig(): Promise<GroupWorkerConfig> {
  return new Promise((resolve) => {
    const onMessage = (raw: unknown) => {
      const message = raw as PrimaryMessage;
      if (message.grb !== "config") return;
      process.off("message", onMessage);
      resolve(message.config);
    };
    process.on("message", onMessage);
    void send({ grb: "awaiting-config" });
  });
}

async function main(): Promise<void> {
  if (cluster.isPrimary || process.send === undefined) {
    process.stderr.write("group-worker: must be started by servers/processes/process-group.ts\n");
    process.exit(2);
  }
  const config = await receiveConfig();
  let server: RunningServer;
  try {
    // Imported here: the registry loads GRB_ARM_MODULES (inherited: every plugin arm the primary loaded, by absolute
    // path) as it is imported, and a failure there is a start failure.
    const registry = await import("../registry.js");
    const arm = registry.findArm(config.arm);
    if (arm === undefined) throw new Error(`unknown server arm "${config.arm}"`);
    server = await arm.start(config.options);
  } catch (error) {
    const err = error as { message?: string; code?: string };
    await send({ grb: "start-failed", message: err.message ?? String(error), code: err.code ?? null, listenError: error instanceof ListenError });
    process.exit(1);
  }
  const running = server;
  // The group's sum for this worker's monitor endpoint: one request at a time per id.
  let nextId = 1;
  const pending = new Map<number, (metrics: ProcessMetrics | null) => void>();
  joinProcessGroup(
    (own) =>
      new Promise((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(own);
        }, 5000);
        pending.set(id, (metrics) => {
          clearTimeout(timer);
          resolve(metrics ?? own);
        });
        void send({ grb: "group-metrics", id });
      }),
  );
  const close = (): void => {
    setTimeout(() => process.exit(0), 3000).unref();
    void running
      .close()
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  // The primary going away (crash, kill) must not leave an orphan worker holding a CPU.
  process.on("disconnect", close);
  // Ctrl-C reaches every process of the terminal's group: the primary stops the workers in order, so a worker leaves
  // it to the primary (and goes anyway when the primary does: the disconnect above).
  process.on("SIGINT", () => {});
  process.on("SIGTERM", close);
  process.on("message", (raw) => {
    const message = raw as PrimaryMessage;
    switch (message.grb) {
      case "usage": {
        const own = ownUsage();
        const upstream = running.upstream === undefined ? Promise.resolve(null) : running.upstream.usage().catch(() => null);
        void upstream.then((up) => send({ grb: "usage", id: message.id, usage: { pid: process.pid, own, upstream: up, callsServed: callsServedByThisProcess() } }));
        break;
      }
      case "group-metrics": {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.metrics);
        break;
      }
      case "stop":
        close();
        break;
    }
  });
  await send({ grb: "ready", host: running.host, port: running.port, caveats: [...running.caveats], upstreamPid: running.upstream?.pid ?? null });
}

void main();
