// proto/monitor.proto's messages, encoded and decoded by protobufjs reflection (a side channel: a few calls per
// measured window, so no generated static codec), and ProcessMetrics in its canonical JSON form for HTTP arms.
import protobuf from "protobufjs";
import { fileURLToPath } from "node:url";
import type { ProcessMetrics } from "./monitor-contract.js";

const root = protobuf.loadSync(fileURLToPath(new URL("../../proto/monitor.proto", import.meta.url)));
const WatchRequest = root.lookupType("grb.monitor.v1.WatchRequest");
const ProcessMetricsType = root.lookupType("grb.monitor.v1.ProcessMetrics");

const FIELDS: readonly (keyof ProcessMetrics)[] = ["pid", "arm", "cpuUserUs", "cpuSystemUs", "rssBytes", "peakRssBytes", "callsServed", "uptimeMs", "nodeVersion", "hostCpus"];
const REQUIRED_JSON: readonly (keyof ProcessMetrics)[] = ["pid", "cpuUserUs", "cpuSystemUs", "rssBytes"];
const TEXT_FIELDS = new Set<keyof ProcessMetrics>(["arm", "nodeVersion"]);

export function encodeWatchRequest(intervalMs: number): Uint8Array {
  return WatchRequest.encode(WatchRequest.create({ intervalMs })).finish();
}

export function decodeWatchRequest(bytes: Uint8Array): { intervalMs: number } {
  const message = WatchRequest.toObject(WatchRequest.decode(bytes), { longs: Number, defaults: true }) as { intervalMs: number };
  return { intervalMs: message.intervalMs };
}

export function encodeProcessMetrics(metrics: ProcessMetrics): Uint8Array {
  return ProcessMetricsType.encode(ProcessMetricsType.fromObject({ ...metrics })).finish();
}

/** A message off the wire; a field of the wrong kind is an error (a target that is not what it claims). */
export function decodeProcessMetrics(bytes: Uint8Array): ProcessMetrics {
  return fromPlain(ProcessMetricsType.toObject(ProcessMetricsType.decode(bytes), { longs: Number, defaults: true }));
}

/** The canonical JSON mapping (64-bit integers as strings, as proto3 JSON writes them). */
export function processMetricsToJson(metrics: ProcessMetrics): Record<string, unknown> {
  const json = ProcessMetricsType.toObject(ProcessMetricsType.fromObject({ ...metrics }), { longs: String, defaults: true });
  // A single process sends exactly the fields it sent before the group fields existed.
  if (metrics.processes === undefined) {
    delete json["processes"];
    delete json["serving"];
  }
  return json;
}

export function processMetricsFromJson(json: unknown): ProcessMetrics {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("monitor reply is not a JSON object");
  // Defaults would turn any JSON object (an error body) into an all-zero snapshot: the core fields must be there.
  const missing = REQUIRED_JSON.filter((field) => !Object.hasOwn(json, field));
  if (missing.length > 0) throw new Error(`monitor reply lacks ${missing.join(", ")}`);
  const error = ProcessMetricsType.verify(json);
  // verify() wants numbers for 64-bit fields; the JSON mapping sends strings, which fromObject accepts.
  const message = ProcessMetricsType.fromObject(json as Record<string, unknown>);
  if (error !== null && !/integer|Long/.test(error)) throw new Error(`monitor reply: ${error}`);
  return fromPlain(ProcessMetricsType.toObject(message, { longs: Number, defaults: true }));
}

function fromPlain(plain: Record<string, unknown>): ProcessMetrics {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = plain[field];
    if (TEXT_FIELDS.has(field) ? typeof value !== "string" : typeof value !== "number" || !Number.isFinite(value)) {
      throw new Error(`monitor reply: field ${field} is missing or not a ${TEXT_FIELDS.has(field) ? "string" : "number"}`);
    }
    out[field] = value;
  }
  // A group's fields (absent or 0 from one process, and from servers older than them).
  const processes = plain["processes"];
  if (typeof processes === "number" && Number.isSafeInteger(processes) && processes > 0) {
    out["processes"] = processes;
    const serving = Array.isArray(plain["serving"]) ? (plain["serving"] as Record<string, unknown>[]) : [];
    out["serving"] = serving.map((p) => {
      if (typeof p["pid"] !== "number" || typeof p["callsServed"] !== "number") throw new Error("monitor reply: a serving process lacks pid or callsServed");
      return { pid: p["pid"], callsServed: p["callsServed"] };
    });
  }
  return out as unknown as ProcessMetrics;
}
