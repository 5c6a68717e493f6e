// The options of `npm run bench:crosscheck`, parsed and checked in full before anything is measured or looked up:
// a mistake in the arguments is the same mistake whether or not wrk and h2load are installed (exit 2, one line).
// Light on purpose (no servers, drivers or tools are loaded), so a usage error answers at once.
import { parseArgs } from "node:util";
import { givenToken } from "../../servers/handlers/bearer-token.js";
import type { DriverName } from "../load/load-scenario.js";
import type { PayloadClass } from "../model/measurement.js";

export const USAGE = `usage: npm run bench:crosscheck -- [--duration S] [--warmup S] [--rounds N] [--payload small|medium|large]
                                  [--concurrency N] [--grpc-connections N] [--arms grpc,rest,json-h2 | --protocol grpc|rest]
                                  [--all-drivers] [--max-steal PCT] [--cpu-cv [--runs N] [--slices K]] [--soak S [--rate RPS]]
                                  [--token T]
  default: h2-frames vs h2load (gRPC, arm grpc), autocannon vs wrk (REST, arm rest) and h2-frames' REST mode vs
           h2load's GET (REST over h2c, arm json-h2) on one server per arm: --rounds rounds (default 120), each one
           --duration window (default 1 s) per driver, order rotating; the verdict is the paired ratio over rounds in
           which the hypervisor took at most --max-steal % (default 2) of either CPU; the run goes on until --rounds
           such rounds, at most twice --rounds in all (about 5 minutes per arm on a quiet host, up to about 12).
           --all-drivers adds h2-node and h1-lean to every round of their arm
  --arms: the arms to check (default grpc,rest,json-h2; grpc,rest with --cpu-cv and --soak); --protocol P is --arms P.
          --grpc-connections is the HTTP/2 connections of grpc and json-h2 (streams: --concurrency / it)
  --cpu-cv: N runs (default 5) per arm with our server-view drivers; prints server CPU µs/call and its CV.
            A run is --duration S (default 40) measured in K windows (default 40), interleaved across runs and
            arms so the host's drift falls on all runs alike; --slices 1 gives contiguous runs
  --soak S: an S-second open-loop run per arm at --rate (default 2000/s); prints the load generator's RSS
  --token T: the servers require "authorization: Bearer T" and every driver sends it, wrk and h2load too (-H);
             GRB_TOKEN=T does the same without putting T in our argv (wrk's and h2load's still show it in \`ps\`)`;

export class UsageError extends Error {}

export interface ArmCase {
  /** progress lines name it */
  label: string;
  /** the arm's server-view driver, and the drivers --all-drivers adds */
  driver: DriverName;
  extraDrivers: DriverName[];
  tool: "h2load" | "wrk";
  /** HTTP/2: --grpc-connections × streams; HTTP/1.1: --concurrency connections */
  h2: boolean;
}

/** The arms a crosscheck can load: one per server-view driver mode, each with the neutral tool that checks it. */
export const ARM_CASES = {
  // node:http2 is the obvious design; h2-node's row shows why it is not the default driver.
  grpc: { label: "gRPC", driver: "h2-frames", extraDrivers: ["h2-node"], tool: "h2load", h2: true },
  rest: { label: "REST", driver: "autocannon", extraDrivers: ["h1-lean"], tool: "wrk", h2: false },
  "json-h2": { label: "json-h2", driver: "h2-frames", extraDrivers: [], tool: "h2load", h2: true },
} satisfies Record<string, ArmCase>;
export type CrosscheckArm = keyof typeof ARM_CASES;
export const CROSSCHECK_ARMS = Object.keys(ARM_CASES) as CrosscheckArm[];
export const TOOL_PACKAGES: Record<ArmCase["tool"], string> = { h2load: "nghttp2-client", wrk: "wrk" };

export interface CrosscheckOptions {
  durationS: number;
  warmupS: number;
  rounds: number;
  payload: PayloadClass;
  concurrency: number;
  grpcConnections: number;
  cpuCv: boolean;
  allDrivers: boolean;
  /** a window counts when the hypervisor took at most this fraction of either CPU */
  maxSteal: number;
  runs: number;
  slices: number;
  soakS: number | null;
  rate: number;
  arms: CrosscheckArm[];
  /** the bearer token of the run (bench/run-token.ts), null for none */
  token: string | null;
}

/** The options, or "help" for --help; throws UsageError (one line) for anything a user can get wrong. */
export function parseCrosscheckOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): CrosscheckOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      rounds: { type: "string" },
      payload: { type: "string" },
      concurrency: { type: "string" },
      "grpc-connections": { type: "string" },
      "cpu-cv": { type: "boolean" },
      "all-drivers": { type: "boolean" },
      "max-steal": { type: "string" },
      runs: { type: "string" },
      slices: { type: "string" },
      soak: { type: "string" },
      rate: { type: "string" },
      protocol: { type: "string" },
      arms: { type: "string" },
      token: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return "help";
  const num = (name: string, value: string | undefined, fallback: number, integer = false, zero = false): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    const kind = `${zero ? "non-negative" : "positive"} ${integer ? "integer" : "number"}`;
    if (value.trim() === "" || !Number.isFinite(n) || n < 0 || (n === 0 && !zero) || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be a ${kind}, got ${value}`);
    return n;
  };
  const payload = (values.payload ?? "small") as PayloadClass;
  if (!["small", "medium", "large", "xlarge"].includes(payload)) throw new UsageError(`--payload must be small, medium, large or xlarge, got ${values.payload}`);
  const options: CrosscheckOptions = {
    // --cpu-cv: a run's measured seconds in all (40 windows of 1 s, each after a 0.25 s warm-up)
    // crosscheck: 1 s windows with no warm-up of their own (the server stays warm between them; wrk has no warm-up)
    durationS: num("duration", values.duration, values["cpu-cv"] ? 40 : 1),
    warmupS: num("warmup", values.warmup, values["cpu-cv"] ? 0.25 : values.soak !== undefined ? 1 : 0, false, true),
    rounds: num("rounds", values.rounds, 120, true),
    payload,
    concurrency: num("concurrency", values.concurrency, 32, true),
    grpcConnections: num("grpc-connections", values["grpc-connections"], 4, true),
    cpuCv: values["cpu-cv"] ?? false,
    allDrivers: values["all-drivers"] ?? false,
    maxSteal: num("max-steal", values["max-steal"], 2, false, true) / 100,
    runs: num("runs", values.runs, 5, true),
    slices: num("slices", values.slices, values["cpu-cv"] ? 40 : 1, true),
    soakS: values.soak === undefined ? null : num("soak", values.soak, 600),
    rate: num("rate", values.rate, 2000),
    arms: armsOf(values.protocol, values.arms, values["cpu-cv"] === true || values.soak !== undefined),
    token: tokenOf(values.token, env),
  };
  if (!options.cpuCv && options.soakS === null) checkCrosscheck(options);
  return options;
}

/** What only the driver-vs-tool crosscheck needs: whole streams per HTTP/2 connection, and windows wrk can run. */
function checkCrosscheck(o: CrosscheckOptions): void {
  if (o.arms.some((arm) => ARM_CASES[arm].h2) && !Number.isInteger(o.concurrency / o.grpcConnections)) {
    throw new UsageError(`--concurrency ${o.concurrency} is not a multiple of --grpc-connections ${o.grpcConnections}`);
  }
  // wrk takes whole seconds only; a window it silently lengthened would not be comparable.
  if (o.arms.includes("rest") && !Number.isInteger(o.durationS)) throw new UsageError(`--duration must be whole seconds when wrk runs (REST), got ${o.durationS}`);
}

function tokenOf(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  const given = givenToken(flag, env);
  if ("problem" in given) throw new UsageError(given.problem);
  return given.token;
}

function armsOf(protocol: string | undefined, arms: string | undefined, cpuCvOrSoak: boolean): CrosscheckArm[] {
  if (protocol !== undefined && arms !== undefined) throw new UsageError("give --arms or --protocol, not both");
  if (protocol !== undefined) {
    if (protocol !== "grpc" && protocol !== "rest") throw new UsageError(`--protocol must be grpc or rest, got ${protocol}`);
    return [protocol];
  }
  // --cpu-cv and --soak measure the server and the load generator, not a driver mode: the two protocols by default.
  if (arms === undefined) return cpuCvOrSoak ? ["grpc", "rest"] : [...CROSSCHECK_ARMS];
  const list = arms.split(",").map((a) => a.trim());
  const unknown = list.find((a) => !(CROSSCHECK_ARMS as string[]).includes(a));
  if (unknown !== undefined || list.length === 0) throw new UsageError(`--arms must list some of ${CROSSCHECK_ARMS.join(", ")}, got ${arms}`);
  return [...new Set(list as CrosscheckArm[])];
}
