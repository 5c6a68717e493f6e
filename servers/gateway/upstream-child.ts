// Entry of the gateway's own upstream process (started by upstream-process.ts): the grpc arm with the gateway's
// options, answering the gateway over IPC with its port, its CPU time and memory, and stopping when told to or
// when the gateway goes away. Never prints to stdout.
import { arm } from "../arms/grpc.js";
import type { ServerOptions } from "../server-arm.js";
import { UPSTREAM_OPTIONS_ENV, type UpstreamMessage, type UpstreamRequest } from "./upstream-process.js";

function send(message: UpstreamMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) return resolve();
    process.send(message, () => resolve());
  });
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env[UPSTREAM_OPTIONS_ENV] ?? "null") as ServerOptions | null;
  if (options === null || process.send === undefined) {
    process.stderr.write("upstream-child: must be started by servers/gateway/upstream-process.ts\n");
    process.exit(2);
  }
  // Ctrl-C in a terminal reaches the whole process group: the gateway stops this process when it closes.
  process.on("SIGINT", () => {});
  const server = await arm.start(options).catch(async (err: unknown) => {
    await send({ type: "start-failed", message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  });
  const stop = (): void => {
    setTimeout(() => process.exit(0), 3000).unref();
    void server.close().finally(() => process.exit(0));
  };
  // The gateway gone (crash, SIGKILL) must not leave an orphan holding a port.
  process.on("disconnect", stop);
  process.on("message", (raw) => {
    const message = raw as UpstreamRequest;
    if (message.type === "usage") {
      const cpu = process.cpuUsage();
      const mb = 1024 * 1024;
      void send({
        id: message.id,
        type: "usage",
        usage: { cpu: { user: cpu.user, system: cpu.system }, rssMb: process.memoryUsage.rss() / mb, peakRssMb: (process.resourceUsage().maxRSS * 1024) / mb },
      });
    } else if (message.type === "stop") {
      void server
        .close()
        .then(() => send({ id: message.id, type: "stopped" }))
        .finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    }
  });
  await send({ type: "ready", port: server.port });
}

void main();
