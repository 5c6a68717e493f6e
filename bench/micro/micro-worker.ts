// The micro family's measuring worker: one round in a fresh V8 isolate. It builds the tasks (seeded messages, as the
// servers build them), says "ready", and on "go" measures each task of the round's order once, posting every
// result as it comes. A task that throws is posted as errored and the round goes on.
import { parentPort, threadId } from "node:worker_threads";
import type { BuildMicroTasks, MicroTask } from "./micro-tasks.js";
import { microTaskKey } from "./micro-tasks.js";
import { measureRepetition } from "./measure-repetition.js";
import type { MicroGo, MicroWorkerBoot, MicroWorkerMessage } from "./micro-round-messages.js";
import { moduleWorkerData } from "./module-worker.js";

const post = (m: MicroWorkerMessage) => parentPort!.postMessage(m);

/** Runs each task for `ms` (at least once); a task that throws is left to its measurement to report. */
function warmUp(tasks: readonly [string, MicroTask][], ms: number): void {
  for (const [key, t] of tasks) {
    post({ type: "warming", key });
    const end = performance.now() + ms;
    try {
      do t.fn();
      while (performance.now() < end);
    } catch {
      // measured next, and recorded as errored there
    }
  }
  post({ type: "warmed" });
}

async function measure(boot: MicroWorkerBoot, byKey: ReadonlyMap<string, MicroTask>, go: MicroGo): Promise<void> {
  const order = go.order ?? [...byKey.keys()];
  if (boot.roundWarmupMs > 0) warmUp(order.flatMap((key) => (byKey.has(key) ? [[key, byKey.get(key)!] as [string, MicroTask]] : [])), boot.roundWarmupMs);
  for (const key of order) {
    post({ type: "start", key });
    const task = byKey.get(key);
    const figures = task ? await measureRepetition(task, go.calls[key], boot.settings) : { state: "errored" as const, error: "no such task in this round" };
    post({ type: "repetition", key, figures });
  }
  post({ type: "done" });
}

async function main(boot: MicroWorkerBoot): Promise<void> {
  const started = performance.now();
  const { buildMicroTasks } = (await import(boot.taskModule)) as { buildMicroTasks: BuildMicroTasks };
  const tasks = buildMicroTasks(boot.selection);
  const byKey = new Map<string, MicroTask>(tasks.map((t) => [microTaskKey(t), t]));
  parentPort!.once("message", (go: MicroGo) => void measure(boot, byKey, go));
  post({
    type: "ready",
    threadId,
    buildMs: performance.now() - started,
    tasks: tasks.map((t) => ({ key: microTaskKey(t), format: t.format, op: t.op, message: t.message, payload: t.payload, does: t.does })),
  });
}

await main(moduleWorkerData<MicroWorkerBoot>());
