// Load scenarios are data: a typed list of defineScenario({...}) entries, resolved once against the profile's
// defaults and validated, and the resolved configuration is copied into every result.
//
// Fairness is enforced here rather than trusted to each list, and keyed by the arm's transport, not its name:
// `concurrency` is the total number of calls in flight and is the same number for every arm of a scenario; on an
// HTTP/2 arm it is connections × streamsPerConnection, on an HTTP/1.1 arm connections × pipelining (pipelining
// 1 = off unless a scenario says otherwise). Drivers are chosen per (api, transport, wire, view, mode) and whether the
// arm is reached over TLS.
import type { Arm, ArmApi, ArmTransport, ArmWire } from "../model/arm.js";
import type { LoadMode, LoadPayload, LoadView } from "../model/load-result.js";
import type { Protocol } from "../model/measurement.js";
import { SIZE_CLASSES } from "../../payloads/size-classes.js";
import { findArm } from "../../servers/registry.js";

/** What resolving a scenario needs to know of its arm. */
export interface ScenarioArm {
  id: string;
  api: ArmApi;
  transport: ArmTransport;
  /** absent: json for a rest arm, protobuf for a grpc arm */
  wire?: ArmWire;
  /** reached over TLS (a --tls run's local server, an https:// or grpcs:// target); absent: cleartext */
  tls?: boolean;
}

export type DriverName = "h2-frames" | "h2-node" | "autocannon" | "h1-lean" | "grpc-js" | "undici" | "h2-json";

/** An arm's wire format, defaulted from its api when a lookup leaves it out. */
export function wireOf(arm: ScenarioArm): ArmWire {
  return arm.wire ?? (arm.api === "grpc" ? "protobuf" : "json");
}

/** The open-loop rate: calls per second, or a fraction of the slowest closed-loop server-view throughput measured for the same call in this run. */
export type RateSpec = number | { fractionOfClosed: number; fallbackRps: number };

export interface ScenarioInput {
  /** arm id from the server registry */
  arm: string;
  view: LoadView;
  payload: LoadPayload;
  /** payload "config" only: the --config call's name (a shop call follows from its payload class) */
  call?: string;
  mode: LoadMode;
  /** total calls in flight (closed loop), or the in-flight cap (open loop) */
  concurrency?: number;
  /** HTTP/2 arms default 4 (h2load -c 4 -m concurrency/4); HTTP/1.1 arms default concurrency / pipelining */
  connections?: number;
  /** HTTP/1.1 arms only; 1 = no pipelining */
  pipelining?: number;
  rate?: RateSpec;
  warmupS?: number;
  durationS?: number;
  repetitions?: number;
  /** override the default driver for (api, transport, view, mode) */
  driver?: DriverName;
  timeoutMs?: number;
}

/** A scenario before it is given an arm: the load family applies each template to every arm of the run. */
export type ScenarioTemplate = Omit<ScenarioInput, "arm">;

export interface ScenarioDefaults {
  concurrency: number;
  /** connections of an HTTP/2 arm when a scenario does not say */
  h2Connections: number;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
}

export interface ResolvedScenario {
  id: string;
  arm: string;
  /** the arm's api */
  protocol: Protocol;
  transport: ArmTransport;
  /** the arm's wire format: what an end-to-end driver decodes */
  wire: ArmWire;
  view: LoadView;
  call: string;
  payload: LoadPayload;
  mode: LoadMode;
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

/** No driver can load this arm in this view and mode yet: the arm is left out of the scenario, never loaded wrongly. */
export class NoDriverError extends ScenarioError {
  override name = "NoDriverError";
}

interface DriverFit {
  apis: ArmApi[];
  transport: ArmTransport;
  /** the wire formats it can load; a server-view driver that only reads statuses takes any */
  wires: ArmWire[];
  view: LoadView;
  modes: LoadMode[];
  /**
   * whether it can load an arm over TLS within the run's trust and byte meter. autocannon cannot: it opens its own TLS
   * sockets, verifies nothing and is not seen by the socket bytes meter, so TLS arms get h1-lean instead.
   */
  tls: boolean;
}

// autocannon, h1-lean and h2-frames (REST mode) send no Accept (nor any other wire-specific header): a GET is the
// same bytes for a JSON and a protobuf arm, so a server-view step between two such arms differs by the reply's
// encoding alone.
const ANY_WIRE: ArmWire[] = ["json", "protobuf"];

/** Which (api, transport, wire, view, mode) each driver can load; the first fit in this order is the default. */
export const DRIVER_FITS: Record<DriverName, DriverFit> = {
  "h2-frames": { apis: ["grpc", "rest"], transport: "h2c", wires: ANY_WIRE, view: "server", modes: ["closed", "open"], tls: true },
  "h2-node": { apis: ["grpc"], transport: "h2c", wires: ["protobuf"], view: "server", modes: ["closed", "open"], tls: true },
  autocannon: { apis: ["rest"], transport: "http/1.1", wires: ANY_WIRE, view: "server", modes: ["closed"], tls: false },
  "h1-lean": { apis: ["rest"], transport: "http/1.1", wires: ANY_WIRE, view: "server", modes: ["closed", "open"], tls: true },
  "grpc-js": { apis: ["grpc"], transport: "h2c", wires: ["protobuf"], view: "end-to-end", modes: ["closed", "open"], tls: true },
  undici: { apis: ["rest"], transport: "http/1.1", wires: ["json", "protobuf"], view: "end-to-end", modes: ["closed", "open"], tls: true },
  "h2-json": { apis: ["rest"], transport: "h2c", wires: ["json"], view: "end-to-end", modes: ["closed", "open"], tls: true },
};

const fits = (fit: DriverFit, arm: ScenarioArm, view: LoadView, mode: LoadMode) =>
  fit.apis.includes(arm.api) &&
  fit.transport === arm.transport &&
  fit.wires.includes(wireOf(arm)) &&
  fit.view === view &&
  fit.modes.includes(mode) &&
  (arm.tls !== true || fit.tls);

function defaultDriver(arm: ScenarioArm, view: LoadView, mode: LoadMode): DriverName {
  const found = (Object.keys(DRIVER_FITS) as DriverName[]).find((d) => fits(DRIVER_FITS[d], arm, view, mode));
  if (found === undefined) {
    throw new NoDriverError(`no ${view}-view driver for ${arm.api} (${wireOf(arm)}) over ${arm.transport}${arm.tls === true ? " with TLS" : ""} in a ${mode} loop (arm ${arm.id})`);
  }
  return found;
}

/** The registry's arms; tests pass their own lookup. */
export const registryArm = (id: string): ScenarioArm | undefined => findArm(id);

/**
 * The run's arms (report.arms, as a family's context holds them) as scenarios see them: the registry's descriptor
 * plus whether the run reaches the arm over TLS (Arm.tls), which rules autocannon out.
 */
export function runArmLookup(arms: readonly Pick<Arm, "id" | "tls">[], armOf: (id: string) => ScenarioArm | undefined = registryArm): (id: string) => ScenarioArm | undefined {
  return (id) => {
    const arm = armOf(id);
    if (arm === undefined) return undefined;
    const tls = arms.find((a) => a.id === id)?.tls?.enabled === true;
    return tls ? { ...arm, tls } : arm;
  };
}

function positiveInt(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new ScenarioError(`${what} must be a positive integer, got ${value}`);
  return value;
}

function positive(what: string, value: number, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new ScenarioError(`${what} must be ${allowZero ? ">= 0" : "> 0"}, got ${value}`);
  return value;
}

export function resolveScenario(input: ScenarioInput, defaults: ScenarioDefaults, armOf: (id: string) => ScenarioArm | undefined = registryArm): ResolvedScenario {
  const call = input.payload === "config" ? input.call : SIZE_CLASSES[input.payload]?.call;
  if (call === undefined) throw new ScenarioError(input.payload === "config" ? "a config scenario needs its call's name" : `unknown payload class ${String(input.payload)}`);
  const arm = armOf(input.arm);
  if (arm === undefined) throw new ScenarioError(`unknown arm ${JSON.stringify(input.arm)}`);
  const driver = input.driver ?? defaultDriver(arm, input.view, input.mode);
  const fit = DRIVER_FITS[driver];
  if (fit === undefined) throw new ScenarioError(`unknown driver ${driver}`);
  if (!fits(fit, arm, input.view, input.mode)) {
    throw new ScenarioError(`driver ${driver} cannot run ${input.view}-view ${input.mode}-loop load of ${arm.api} (${wireOf(arm)}) over ${arm.transport}${arm.tls === true ? " with TLS" : ""} (arm ${arm.id})`);
  }
  const concurrency = positiveInt("concurrency", input.concurrency ?? defaults.concurrency);
  let connections: number;
  let streamsPerConnection: number | null = null;
  let pipelining = 1;
  if (arm.transport === "h2c") {
    if (input.pipelining !== undefined && input.pipelining !== 1) throw new ScenarioError("pipelining is an HTTP/1.1 setting; HTTP/2 multiplexes streams");
    connections = positiveInt("connections", input.connections ?? Math.min(defaults.h2Connections, concurrency));
    if (concurrency % connections !== 0) throw new ScenarioError(`HTTP/2 concurrency ${concurrency} is not a multiple of connections ${connections}`);
    streamsPerConnection = concurrency / connections;
  } else {
    pipelining = positiveInt("pipelining", input.pipelining ?? 1);
    connections = positiveInt("connections", input.connections ?? Math.ceil(concurrency / pipelining));
    if (connections * pipelining !== concurrency) {
      throw new ScenarioError(`HTTP/1.1 concurrency ${concurrency} must equal connections ${connections} × pipelining ${pipelining}`);
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
    arm: arm.id,
    protocol: arm.api,
    transport: arm.transport,
    wire: wireOf(arm),
    view: input.view,
    call,
    payload: input.payload,
    mode: input.mode,
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

/** How the calls in flight are carried, as scenario ids name it: c4x8 (connections × streams), c32p2 (pipelined), c32. */
export function connectionShape(s: { connections: number; streamsPerConnection: number | null; pipelining: number }): string {
  if (s.streamsPerConnection !== null) return `c${s.connections}x${s.streamsPerConnection}`;
  return s.pipelining > 1 ? `c${s.connections}p${s.pipelining}` : `c${s.connections}`;
}

export function scenarioId(s: Omit<ResolvedScenario, "id">): string {
  const shape = connectionShape(s);
  const rate = s.mode === "open" && s.rate !== null ? (typeof s.rate === "number" ? `@${s.rate}rps` : `@${s.rate.fractionOfClosed}xclosed`) : "";
  return `load/${s.arm}/${s.view}/${s.call}/${s.payload}/${s.mode}/${shape}${rate}`;
}

/**
 * Resolves a whole list and rejects duplicate ids (a list that measures the same thing twice is a mistake). A
 * scenario no driver can run yet is passed to `onNoDriver` and left out when that is given, else it is an error.
 */
export function resolveScenarios(
  inputs: readonly ScenarioInput[],
  defaults: ScenarioDefaults,
  armOf: (id: string) => ScenarioArm | undefined = registryArm,
  onNoDriver?: (input: ScenarioInput, why: string) => void,
): ResolvedScenario[] {
  const seen = new Set<string>();
  const resolved: ResolvedScenario[] = [];
  for (const [index, input] of inputs.entries()) {
    let one: ResolvedScenario;
    try {
      one = resolveScenario(input, defaults, armOf);
    } catch (error) {
      if (error instanceof NoDriverError && onNoDriver !== undefined) {
        onNoDriver(input, error.message);
        continue;
      }
      throw new ScenarioError(`scenario #${index + 1}: ${(error as Error).message}`);
    }
    if (seen.has(one.id)) throw new ScenarioError(`scenario #${index + 1}: duplicate ${one.id}`);
    seen.add(one.id);
    resolved.push(one);
  }
  return resolved;
}
