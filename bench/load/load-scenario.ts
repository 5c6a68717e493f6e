// Load scenarios are data: a typed list of defineScenario({...}) entries, resolved once against the profile's
// defaults and validated, and the resolved configuration is copied into every result.
//
// Fairness is enforced here rather than trusted to each list: `concurrency` is the total number of calls in
// flight and is the same number whatever the protocol; for gRPC it is connections × streamsPerConnection,
// for REST connections × pipelining (pipelining 1 = off unless a scenario says otherwise).
import type { LoadMode, LoadView } from "../model/load-result.js";
import type { PayloadClass, Protocol } from "../model/measurement.js";
import { SIZE_CLASSES } from "../../payloads/size-classes.js";

export type DriverName = "h2-frames" | "h2-node" | "autocannon" | "h1-lean" | "grpc-js" | "undici";

/** The open-loop rate: calls per second, or a fraction of the slowest closed-loop server-view throughput measured for the same call in this run. */
export type RateSpec = number | { fractionOfClosed: number; fallbackRps: number };

export interface ScenarioInput {
  protocol: Protocol;
  view: LoadView;
  payload: PayloadClass;
  mode: LoadMode;
  /** total calls in flight (closed loop), or the in-flight cap (open loop) */
  concurrency?: number;
  /** gRPC default 4 (h2load -c 4 -m concurrency/4); REST default concurrency / pipelining */
  connections?: number;
  /** REST only; 1 = no pipelining */
  pipelining?: number;
  rate?: RateSpec;
  warmupS?: number;
  durationS?: number;
  repetitions?: number;
  /** override the default driver for (protocol, view, mode) */
  driver?: DriverName;
  timeoutMs?: number;
  /** server arm to start; defaults to the protocol's name (grpc, rest) */
  server?: string;
}

export interface ScenarioDefaults {
  concurrency: number;
  grpcConnections: number;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
}

export interface ResolvedScenario {
  id: string;
  protocol: Protocol;
  view: LoadView;
  call: string;
  payload: PayloadClass;
  mode: LoadMode;
  server: string;
  driver: DriverName;
  connections: number;
  concurrency: number;
  streamsPerConnection: number | null;
  pipelining: number;
  rate: RateSpec | null;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
}

export function defineScenario(input: ScenarioInput): ScenarioInput {
  return input;
}

export class ScenarioError extends Error {
  override name = "ScenarioError";
}

function defaultDriver(protocol: Protocol, view: LoadView, mode: LoadMode): DriverName {
  if (view === "end-to-end") return protocol === "grpc" ? "grpc-js" : "undici";
  if (protocol === "grpc") return "h2-frames";
  return mode === "closed" ? "autocannon" : "h1-lean";
}

const DRIVER_FITS: Record<DriverName, { protocol: Protocol; view: LoadView; modes: LoadMode[] }> = {
  "h2-frames": { protocol: "grpc", view: "server", modes: ["closed", "open"] },
  "h2-node": { protocol: "grpc", view: "server", modes: ["closed", "open"] },
  autocannon: { protocol: "rest", view: "server", modes: ["closed"] },
  "h1-lean": { protocol: "rest", view: "server", modes: ["closed", "open"] },
  "grpc-js": { protocol: "grpc", view: "end-to-end", modes: ["closed", "open"] },
  undici: { protocol: "rest", view: "end-to-end", modes: ["closed", "open"] },
};

function positiveInt(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ScenarioError(`${what} must be a positive integer, got ${value}`);
  return value;
}

function positive(what: string, value: number, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new ScenarioError(`${what} must be ${allowZero ? ">= 0" : "> 0"}, got ${value}`);
  return value;
}

export function resolveScenario(input: ScenarioInput, defaults: ScenarioDefaults): ResolvedScenario {
  const cls = SIZE_CLASSES[input.payload];
  if (cls === undefined) throw new ScenarioError(`unknown payload class ${String(input.payload)}`);
  const driver = input.driver ?? defaultDriver(input.protocol, input.view, input.mode);
  const fit = DRIVER_FITS[driver];
  if (fit === undefined) throw new ScenarioError(`unknown driver ${driver}`);
  if (fit.protocol !== input.protocol || fit.view !== input.view || !fit.modes.includes(input.mode)) {
    throw new ScenarioError(`driver ${driver} cannot run ${input.protocol} ${input.view} ${input.mode}-loop load`);
  }
  const concurrency = positiveInt("concurrency", input.concurrency ?? defaults.concurrency);
  let connections: number;
  let streamsPerConnection: number | null = null;
  let pipelining = 1;
  if (input.protocol === "grpc") {
    if (input.pipelining !== undefined && input.pipelining !== 1) throw new ScenarioError("pipelining is an HTTP/1.1 setting; gRPC multiplexes streams");
    connections = positiveInt("connections", input.connections ?? Math.min(defaults.grpcConnections, concurrency));
    if (concurrency % connections !== 0) throw new ScenarioError(`gRPC concurrency ${concurrency} is not a multiple of connections ${connections}`);
    streamsPerConnection = concurrency / connections;
  } else {
    pipelining = positiveInt("pipelining", input.pipelining ?? 1);
    connections = positiveInt("connections", input.connections ?? Math.ceil(concurrency / pipelining));
    if (connections * pipelining !== concurrency) {
      throw new ScenarioError(`REST concurrency ${concurrency} must equal connections ${connections} × pipelining ${pipelining}`);
    }
  }
  let rate: RateSpec | null = null;
  if (input.mode === "open") {
    if (input.rate === undefined) throw new ScenarioError("an open-loop scenario needs a rate");
    rate = typeof input.rate === "number" ? positive("rate", input.rate) : input.rate;
    if (typeof rate !== "number") {
      positive("rate.fractionOfClosed", rate.fractionOfClosed);
      positive("rate.fallbackRps", rate.fallbackRps);
    }
  } else if (input.rate !== undefined) {
    throw new ScenarioError("a closed-loop scenario has no rate");
  }
  const resolved: ResolvedScenario = {
    id: "",
    protocol: input.protocol,
    view: input.view,
    call: cls.call,
    payload: input.payload,
    mode: input.mode,
    server: input.server ?? input.protocol,
    driver,
    connections,
    concurrency,
    streamsPerConnection,
    pipelining,
    rate,
    warmupS: positive("warmupS", input.warmupS ?? defaults.warmupS, true),
    durationS: positive("durationS", input.durationS ?? defaults.durationS),
    repetitions: positiveInt("repetitions", input.repetitions ?? defaults.repetitions),
    timeoutMs: positive("timeoutMs", input.timeoutMs ?? defaults.timeoutMs),
  };
  resolved.id = scenarioId(resolved);
  return resolved;
}

export function scenarioId(s: Omit<ResolvedScenario, "id">): string {
  const shape = s.protocol === "grpc" ? `c${s.connections}x${s.streamsPerConnection}` : s.pipelining > 1 ? `c${s.connections}p${s.pipelining}` : `c${s.connections}`;
  const rate = s.mode === "open" && s.rate !== null ? (typeof s.rate === "number" ? `@${s.rate}rps` : `@${s.rate.fractionOfClosed}xclosed`) : "";
  return `load/${s.protocol}/${s.view}/${s.call}/${s.payload}/${s.mode}/${shape}${rate}`;
}

/** Resolves a whole list and rejects duplicate ids (a list that measures the same thing twice is a mistake). */
export function resolveScenarios(inputs: readonly ScenarioInput[], defaults: ScenarioDefaults): ResolvedScenario[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    let resolved: ResolvedScenario;
    try {
      resolved = resolveScenario(input, defaults);
    } catch (error) {
      throw new ScenarioError(`scenario #${index + 1}: ${(error as Error).message}`);
    }
    if (seen.has(resolved.id)) throw new ScenarioError(`scenario #${index + 1}: duplicate ${resolved.id}`);
    seen.add(resolved.id);
    return resolved;
  });
}
