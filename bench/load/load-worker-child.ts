// A load-generator worker process (--workers N): runs its share of each scenario the family's process sends, with
// this process's own event loop and CPU, and sends back the LoadResult of that share. It reads no server: the
// family's process reads the server once over the common window (run-load-workers.ts). It exits when the family's
// process goes away (the IPC channel closes), so a crashed run never leaves workers behind.
import { setRunTlsTrust } from "../run-tls.js";
import { setRunToken } from "../run-token.js";
import type { FromWorker, ToWorker } from "./load-worker-ipc.js";
import { loadDriver, runLoadScenario } from "./run-load.js";

const send = (message: FromWorker) => process.send?.(message);

const aborts = new Map<number, AbortController>();
const begins = new Map<number, (beginAtMs: number) => void>();

async function run(id: number, request: Extract<ToWorker, { type: "run" }>["request"]): Promise<void> {
  setRunToken(request.token);
  setRunTlsTrust(request.trust);
  const controller = new AbortController();
  aborts.set(id, controller);
  try {
    const result = await runLoadScenario({
      scenario: request.scenario,
      target: request.target,
      server: null,
      workers: 1,
      ...(request.rateRps !== undefined ? { rateRps: request.rateRps } : {}),
      ...(request.failAfterMs !== undefined ? { failAfterMs: request.failAfterMs } : {}),
      pinning: { server: null, client: request.clientCpu },
      signal: controller.signal,
      connected: () =>
        new Promise<number>((resolve) => {
          begins.set(id, resolve);
          send({ type: "connected", id });
        }),
    });
    send({ type: "result", id, result });
  } catch (error) {
    send({ type: "error", id, message: (error as Error).message.split("\n")[0] ?? "unknown error" });
  } finally {
    aborts.delete(id);
    begins.delete(id);
  }
}

process.on("message", (message: ToWorker) => {
  if (message.type === "run") void run(message.id, message.request);
  else if (message.type === "prepare") {
    void Promise.all(message.drivers.map(loadDriver)).then(
      () => send({ type: "prepared", id: message.id }),
      (error: unknown) => send({ type: "error", id: message.id, message: (error as Error).message.split("\n")[0] ?? "unknown error" }),
    );
  }
  else if (message.type === "begin") begins.get(message.id)?.(message.beginAtMs);
  else if (message.type === "abort") {
    aborts.get(message.id)?.abort();
    // a worker still waiting for "begin" starts at once, sees the abort and reports what it has
    begins.get(message.id)?.(Date.now());
  }
});
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the whole process group: the family's process decides (it sends "abort", and the worker reports
// what it measured), so a worker does not die with its window's calls unrecorded.
process.on("SIGINT", () => {});
send({ type: "ready" });
