// What the micro family times: for every response message of every size class (and one StreamOrders item and one
// Chat echo), the REST path (canonical-JSON mapping + JSON.stringify + UTF-8 bytes, and back) against protobufjs's
// generated static code and its reflection API, plus the mapping alone. This module is also the default task
// module of the measuring worker (bench/micro/micro-worker.ts), which builds the tasks afresh in every round.
// A --config run's messages (its samples) have no generated code: their tasks are the same minus protobuf-static.
import type { PayloadClass } from "../model/measurement.js";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import { measuredMessages, type MeasuredMessage } from "../families/measured-messages.js";
import { loadConfigMessages, type ConfigMessageSpec } from "../config/config-messages.js";

export type MicroFormat = "json" | "protobuf-static" | "protobuf-reflect" | "canonical-json-mapping";
export type MicroOp = "encode" | "decode";

export interface MicroTask {
  format: MicroFormat;
  op: MicroOp;
  message: string;
  /** the size class, or a config message's sample file */
  payload: PayloadClass | string;
  /** What one call does, in words, for the report. */
  does: string;
  fn: () => unknown;
}

/** One task's identity across rounds (and the compare key's parts). */
export function microTaskKey(t: Pick<MicroTask, "message" | "payload" | "op" | "format">): string {
  return `${t.message} ${t.payload} ${t.op} ${t.format}`;
}

// Results go here so the optimizer cannot drop the work.
let sink: unknown;

/** The eight tasks of one message (six without generated code). Inputs are prepared once, outside the timed calls. */
export function microTasks(m: MeasuredMessage): MicroTask[] {
  const json = canonicalJsonCodec(m.type);
  const reflect = m.type;
  const codec = m.codec;
  const jsonBytes = Buffer.from(JSON.stringify(json.toJson(m.value)), "utf8");
  const jsonValue = JSON.parse(jsonBytes.toString("utf8")) as JsonValue;
  const protobufBytes = (codec ?? reflect).encode(m.value).finish();
  const value = m.value;
  const base = { message: m.message, payload: m.payload };
  const task = (op: MicroOp, format: MicroFormat, does: string, fn: () => void): MicroTask => ({ ...base, op, format, does, fn });
  const tasks = [
    task("encode", "json", "toCanonicalJson + JSON.stringify + Buffer.from (UTF-8)", () => {
      sink = Buffer.from(JSON.stringify(json.toJson(value)), "utf8");
    }),
    task("encode", "protobuf-static", "generated static encode().finish()", () => {
      sink = codec!.encode(value).finish();
    }),
    task("encode", "protobuf-reflect", "reflection Type.encode().finish() (protobufjs generates the encoder at runtime)", () => {
      sink = reflect.encode(value).finish();
    }),
    task("encode", "canonical-json-mapping", "toCanonicalJson only: object to canonical JSON value, no stringify", () => {
      sink = json.toJson(value);
    }),
    task("decode", "json", "UTF-8 toString + JSON.parse + fromCanonicalJson", () => {
      sink = json.fromJson(JSON.parse(jsonBytes.toString("utf8")) as JsonValue);
    }),
    task("decode", "protobuf-static", "generated static decode()", () => {
      sink = codec!.decode(protobufBytes);
    }),
    task("decode", "protobuf-reflect", "reflection Type.decode() (runtime-generated decoder)", () => {
      sink = reflect.decode(protobufBytes);
    }),
    task("decode", "canonical-json-mapping", "fromCanonicalJson only: parsed JSON value to object", () => {
      sink = json.fromJson(jsonValue);
    }),
  ];
  return codec === null ? tasks.filter((t) => t.format !== "protobuf-static") : tasks;
}

/** Which tasks a round builds: the worker passes this to its task module's buildMicroTasks. */
export interface MicroTaskSelection {
  seed: number;
  classes: readonly PayloadClass[];
  /** Leave out the reflection and mapping-alone tasks of these classes. */
  coreOnlyClasses: readonly PayloadClass[];
  /** A --config run: its sample messages instead of the shop's classes (the worker loads the protos itself). */
  config?: ConfigMessageSpec;
}

/** A task module (the worker imports one by URL) exports this; tests swap in tasks that throw or hang. */
export type BuildMicroTasks = (selection: MicroTaskSelection) => MicroTask[];

/** Every task of the selection, in the family's forward order: class by class, message by message, eight each. */
export const buildMicroTasks: BuildMicroTasks = ({ seed, classes, coreOnlyClasses, config }) => {
  if (config !== undefined) return loadConfigMessages(config).flatMap(microTasks);
  const tasks: MicroTask[] = [];
  for (const cls of classes) {
    const coreOnly = coreOnlyClasses.includes(cls);
    for (const m of measuredMessages(seed, { classes: [cls], roles: ["response", "stream-item"] })) {
      for (const t of microTasks(m)) {
        if (coreOnly && (t.format === "protobuf-reflect" || t.format === "canonical-json-mapping")) continue;
        tasks.push(t);
      }
    }
  }
  return tasks;
};
