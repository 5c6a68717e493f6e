// What the family and its measuring worker say to each other. The worker starts with a boot request (workerData),
// builds its tasks and says "ready"; it measures only when told "go", with the round's order, so several workers
// can start side by side while none is measuring. Each result is posted as soon as it is true, so a terminated
// or crashed worker loses nothing already measured.
import type { MicroTaskSelection } from "./micro-tasks.js";
import type { RepetitionFigures, RepetitionSettings } from "./measure-repetition.js";

export interface MicroWorkerBoot {
  /** URL of the module exporting buildMicroTasks (bench/micro/micro-tasks; tests pass their own). */
  taskModule: string;
  selection: MicroTaskSelection;
  settings: RepetitionSettings;
  /**
   * Before measuring, every task of the round runs this long, in the round's order: in a fresh isolate the code all
   * tasks share (JSON, Buffer, protobufjs's writer, tinybench itself) starts cold, which would slow whichever task
   * comes first. 0: no warm-up pass.
   */
  roundWarmupMs: number;
}

/** A task as the report names it (its function stays in the worker). */
export interface MicroTaskInfo {
  key: string;
  format: string;
  op: "encode" | "decode";
  message: string;
  payload: string;
  does: string;
}

export interface MicroGo {
  type: "go";
  /** Task keys in this round's running order; null: every task built, in forward order. */
  order: string[] | null;
  /** callsPerSample per task key, calibrated by the first round; a task without one calibrates. */
  calls: Record<string, number>;
}

export type MicroWorkerMessage =
  /** The tasks are built; `tasks` in forward order. */
  | { type: "ready"; threadId: number; buildMs: number; tasks: MicroTaskInfo[] }
  /** A task's repetition begins: if the worker dies before its result, the task is the one that killed it. */
  | { type: "start"; key: string }
  /** The warm-up pass runs this task (a death now is also the task's); "warmed": the pass is over. */
  | { type: "warming"; key: string }
  | { type: "warmed" }
  | { type: "repetition"; key: string; figures: RepetitionFigures }
  | { type: "done" };
