// One round of the micro family in a fresh worker thread (a fresh V8 isolate: its own JIT decisions and heap).
// Starting is apart from running: the family starts the workers of several rounds side by side (their start-up is
// most of a round's cost, and nothing is being measured then), then runs the rounds one at a time. A round
// resolves with every repetition that finished, however it ended: done, aborted (the worker is terminated at
// once, even inside a call), or the worker died (the task it was measuring is recorded as errored, with the reason).
import type { Worker } from "node:worker_threads";
import type { RepetitionFigures } from "./measure-repetition.js";
import type { MicroGo, MicroTaskInfo, MicroWorkerBoot, MicroWorkerMessage } from "./micro-round-messages.js";
import { startModuleWorker } from "./module-worker.js";

export interface MicroRoundOutcome {
  /** The worker's threadId; null when it never got as far as building its tasks. */
  threadId: number | null;
  /** The tasks the worker built, in forward order (empty when it never got ready). */
  tasks: MicroTaskInfo[];
  /** Time the worker took to import and build its tasks, ms. */
  buildMs: number | null;
  /** Every repetition that finished, in run order. */
  results: { key: string; figures: RepetitionFigures }[];
  ended: "done" | "aborted" | "failed-to-start" | "crashed";
  /** Why the worker failed or died. */
  failure?: string;
}

interface Running {
  outcome: MicroRoundOutcome;
  current: string | null;
  onStart: ((key: string) => void) | undefined;
  finish: (ended: MicroRoundOutcome["ended"], failure?: string) => void;
}

export class MicroRoundWorker {
  private readonly worker: Worker;
  private info: { threadId: number; buildMs: number; tasks: MicroTaskInfo[] } | null = null;
  private death: string | null = null;
  private running: Running | null = null;
  private used = false;
  /** Resolves once the worker has built its tasks, or has died trying (run() then reports "failed-to-start"). */
  readonly ready: Promise<void>;

  constructor(workerModule: URL, boot: MicroWorkerBoot) {
    this.worker = startModuleWorker(workerModule, boot);
    let settle!: () => void;
    this.ready = new Promise((resolve) => (settle = resolve));
    this.worker.on("message", (m: MicroWorkerMessage) => {
      if (m.type === "ready") {
        this.info = { threadId: m.threadId, buildMs: m.buildMs, tasks: m.tasks };
        settle();
        return;
      }
      const r = this.running;
      if (!r) return;
      if (m.type === "start") {
        r.current = m.key;
        r.onStart?.(m.key);
      } else if (m.type === "warming") {
        r.current = m.key;
      } else if (m.type === "warmed") {
        r.current = null;
      } else if (m.type === "repetition") {
        r.current = null;
        r.outcome.results.push({ key: m.key, figures: m.figures });
      } else if (m.type === "done") {
        r.finish("done");
      }
    });
    const died = (why: string) => {
      this.death ??= why;
      settle();
      this.running?.finish(this.info === null ? "failed-to-start" : "crashed", why);
    };
    this.worker.on("error", (err: Error) => died(err.message));
    this.worker.on("exit", (code: number) => died(`it exited with code ${code}`));
  }

  /** Measures the round: every task of `order` (null: all, forward) once. Call once, after `ready`. */
  async run(go: Omit<MicroGo, "type">, signal: AbortSignal, onStart?: (key: string) => void): Promise<MicroRoundOutcome> {
    if (this.used) throw new Error("a micro round worker runs one round");
    this.used = true;
    // An abort while the worker is still starting must not wait for it to finish starting.
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        signal.removeEventListener("abort", done);
        resolve();
      };
      signal.addEventListener("abort", done, { once: true });
      void this.ready.then(done);
    });
    const outcome: MicroRoundOutcome = { threadId: this.info?.threadId ?? null, tasks: this.info?.tasks ?? [], buildMs: this.info?.buildMs ?? null, results: [], ended: "done" };
    if (this.info === null && !signal.aborted) {
      await this.terminate();
      return { ...outcome, ended: "failed-to-start", failure: this.death ?? "no reason given" };
    }
    if (signal.aborted || this.death !== null) {
      await this.terminate();
      return signal.aborted ? { ...outcome, ended: "aborted" } : { ...outcome, ended: "crashed", failure: this.death ?? "no reason given" };
    }
    return new Promise((resolve) => {
      const onAbort = () => running.finish("aborted");
      const running: Running = {
        outcome,
        current: null,
        onStart,
        finish: (ended, failure) => {
          if (this.running !== running) return;
          this.running = null;
          signal.removeEventListener("abort", onAbort);
          // A worker that dies mid-task was killed by that task (or by the machine while running it): errored,
          // never silently missing. An abort is no fault of the task: its unfinished repetition is simply not there.
          if (running.current !== null && ended === "crashed") outcome.results.push({ key: running.current, figures: { state: "errored", error: `the measuring worker died: ${failure ?? "no reason given"}` } });
          outcome.ended = ended;
          if (failure !== undefined) outcome.failure = failure;
          // Wait for the thread to stop, so the next round does not share the CPU with a dying one.
          void this.terminate().then(() => resolve(outcome));
        },
      };
      this.running = running;
      signal.addEventListener("abort", onAbort, { once: true });
      this.worker.postMessage({ type: "go", order: go.order, calls: go.calls } satisfies MicroGo);
    });
  }

  /** Stops the thread (also inside a call that never returns); safe to call more than once. */
  async terminate(): Promise<void> {
    await this.worker.terminate().catch(() => undefined);
  }
}
