// Entry point of a server child process: starts one arm from the registry and answers the harness over IPC
// (CPU and memory of THIS process, plus those of the upstream process the arm started, if any; stop). Never
// prints to stdout: the harness owns it.
// The registry loads plugin arms named in GRB_ARM_MODULES (inherited from the harness) as it is imported.
import { armIds, findArm } from "../../servers/registry.js";
import type { ProcessUsage, RunningServer } from "../../servers/server-arm.js";
import type { ChildMessage, ParentMessage, ServerChildConfig } from "./server-ipc.js";

/**
 * The usage of the process the arm started to serve its calls (the gateway's grpc arm), which is part of this
 * server's CPU and memory; null when there is none. A failed read is null too: better this process alone than none.
 */
function withUpstream(server: RunningServer): Promise<ProcessUsage | null> {
  return server.upstream === undefined ? Promise.resolve(null) : server.upstream.usage().catch(() => null);
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
  let server: RunningServer;
  try {
    server = await arm.start(config.options);
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
        const cpu = process.cpuUsage();
        void withUpstream(server).then((up) =>
          send({
            id: message.id,
            type: "cpu",
            cpu: up === null ? { user: cpu.user, system: cpu.system } : { user: cpu.user + up.cpu.user, system: cpu.system + up.cpu.system, upstream: up.cpu },
          }),
        );
        break;
      }
      case "memory": {
        const mb = 1024 * 1024;
        const rssMb = process.memoryUsage.rss() / mb;
        const peakRssMb = (process.resourceUsage().maxRSS * 1024) / mb;
        void withUpstream(server).then((up) =>
          send({
            id: message.id,
            type: "memory",
            memory:
              up === null
                ? { rssMb, peakRssMb }
                : { rssMb: rssMb + up.rssMb, peakRssMb: peakRssMb + up.peakRssMb, upstream: { rssMb: up.rssMb, peakRssMb: up.peakRssMb } },
          }),
        );
        break;
      }
      case "stop":
        // Open keep-alive connections can hold close() open: give it a moment, then leave anyway.
        setTimeout(() => process.exit(0), 3000).unref();
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
    caveats: [...(server.caveats ?? [])],
    upstreamPids: server.upstream !== undefined ? [server.upstream.pid] : [],
  });
}

void main();
