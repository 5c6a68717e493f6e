// `npm run bench` options, resolved once: parsed, validated and defaulted here, then copied into the report.
// Anything wrong is a UsageError whose message is the one line the CLI prints before exiting 2.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { allArms, defaultArmIds, findArm } from "../servers/registry.js";
import { givenToken, TOKEN_ENV } from "../servers/handlers/bearer-token.js";
import type { ServerArm } from "../servers/server-arm.js";
import { pemCertificates, TlsFileError } from "../servers/tls/tls-files.js";
import { FAMILIES, type FamilyName, type ProfileName } from "./model/report.js";
import { isProfileName, PROFILES } from "./profile.js";
import { MAX_ROUNDS, MIN_ROUNDS, PAIR_ROUNDS } from "./load/paired-rounds.js";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface RunOptions {
  profile: ProfileName;
  /** families to run, in the fixed run order */
  families: FamilyName[];
  /** output directory as given (resolved by the CLI), null for reports/out/<timestamp>/ */
  out: string | null;
  /** arm ids to measure, in registry order */
  arms: string[];
  /** the arm every finding compares the others with */
  baseline: string;
  /**
   * arm id → the running server to measure instead of starting one: host:port or grpcs://host:port (gRPC),
   * http://host:port or https://host:port (REST)
   */
  targets: Record<string, string>;
  /** plugin arm modules (--arm-module), already loaded into the registry by the CLI */
  armModules: string[];
  /**
   * --token (or GRB_TOKEN): every call carries `authorization: Bearer <token>` and the local servers require it.
   * Present only when given, so a run without one resolves exactly as before. Never copied into the report.
   */
  token?: string;
  /** --tls: the servers the run starts serve TLS with a certificate made at run start, which the clients trust */
  tls?: true;
  /** --ca FILE: the certificates (PEM) the clients trust for TLS targets instead of the system roots */
  ca?: { path: string; pem: string };
  /** --insecure: TLS without verifying certificates or host names (a run caveat says so) */
  insecure?: true;
  /** --workers N (2..64): each load scenario's load from N processes; absent for 1, so a run without it resolves as before */
  workers?: number;
  /** --server-cpus N (2..availableParallelism()): every arm the run starts is served by N processes; absent for 1 */
  serverCpus?: number;
  /**
   * --rounds N: paired rounds of the load family's main scenarios for the baseline and grpc (and of every --config
   * call's), instead of the profile's (PAIR_ROUNDS): more rounds, a narrower CI, longer run. Absent: the profile's.
   */
  rounds?: number;
  /** --shard i/N: this run is shard i (0-based) of N, measuring 1/N of every load scenario's load */
  shard?: { index: number; count: number };
  /** --start-at ISO (with --shard): the wall-clock time the sharded load schedule starts at, ms since the epoch */
  startAtMs?: number;
  /**
   * --config FILE: the user's protos, calls, messages and targets (bench/config/); the CLI loads it and settles the
   * families, profile and TLS trust from it (bench/config/config-run-options.ts), where --only and --profile win.
   */
  config?: { file: string; only: boolean; profile: boolean };
  help: boolean;
}

export const DEFAULT_BASELINE = "rest";

export function usage(): string {
  const arms = allArms()
    .map((a) => `                  ${a.id.padEnd(12)} ${a.label}${a.default ? " (default)" : ""}`)
    .join("\n");
  return `usage: npm run bench [-- [--profile ${PROFILES.join("|")}] [--out DIR] [--only FAMILY[,FAMILY]]
                          [--arms ID[,ID]] [--baseline ID] [--target ID=URL]… [--arm-module FILE]… [--token T]
                          [--tls] [--ca FILE | --insecure] [--workers N] [--server-cpus N] [--rounds N]
                          [--shard I/N [--start-at ISO]]
                          [--config FILE] [--help]]

  --profile       quick (default): every family in about 2 minutes (tls only when the run speaks TLS);
                  full: every family, longer, tighter intervals
  --out DIR       where report.json, report.html and summary.md go (default reports/out/<timestamp>/,
                  and reports/latest points at it)
  --only LIST     comma-separated families: ${FAMILIES.join(", ")}
  --arms LIST     comma-separated arms (server stacks) to measure; default: ${defaultArmIds().join(",")}
${arms}
  --baseline ID   the arm findings compare every other arm with (default ${DEFAULT_BASELINE})
  --target ID=URL measure an already running server for arm ID instead of starting one: grpc://HOST:PORT or,
                  over TLS, grpcs://HOST:PORT for gRPC arms; http://HOST:PORT or https://HOST:PORT for REST arms
                  (repeatable; its server CPU and memory are read from the target's monitor endpoint when it
                  serves one, else "not measured")
  --target-grpc   alias of --target grpc=grpc://HOST:PORT (HOST:PORT and grpcs://HOST:PORT are accepted too)
  --target-rest   alias of --target rest=http://HOST:PORT (or https://HOST:PORT)
  --arm-module F  load an arm from a module exporting \`arm\` (a ServerArm), as if it were in the registry
  --token T       every call sends "authorization: Bearer T" (gRPC metadata / HTTP header), and the servers the
                  run starts require it; a refused call counts as UNAUTHENTICATED / 401. ${TOKEN_ENV}=T does the
                  same and keeps the token out of \`ps\`; --token wins when both are set
  --tls           the servers the run starts serve TLS (HTTP/2 arms negotiate h2 by ALPN, HTTP/1.1 arms HTTPS),
                  with a self-signed certificate made at start for 127.0.0.1, ::1 and localhost that the clients
                  trust (beside --ca, or the system roots, for TLS targets). Wire bytes per call then include the
                  TLS records; report.arms[].tls records version, cipher, ALPN and full vs resumed handshakes
  --ca FILE       PEM certificate(s) to trust for https:// and grpcs:// targets instead of the system roots
  --insecure      TLS without verifying certificates or host names (the report says the figures were measured so)
  --workers N     split each load scenario's connections, in-flight calls and open-loop rate over N load-generator
                  processes (1–${MAX_WORKERS}; default 1), each pinned to its own CPU where there are enough; their windows
                  are merged exactly and report.load[].workers keeps each one's figures
  --server-cpus N every server the run starts runs as N processes (node:cluster, round-robin; 1 to this machine's
                  ${availableParallelism()} CPUs; default 1), pinned to N CPUs when one is left for the load generator; server CPU
                  per call and memory are summed over the processes, the primary that hands them connections included
  --rounds N      paired rounds (${MIN_ROUNDS}–${MAX_ROUNDS}) of the load family's main scenarios for the baseline and grpc (every
                  --config call's main scenario too); default ${PAIR_ROUNDS.quick} (quick), ${PAIR_ROUNDS.full} (full). Each round adds a window per arm
                  and scenario (~0.5 s each in quick); an interval narrows with √rounds, and summary.md says how many
                  rounds ±5% would take on this machine
  --shard I/N     this host runs shard I (0-based, as a Job's JOB_COMPLETION_INDEX: 0..N-1) of N: 1/N of every load
                  scenario's load, against the same --target servers as the other shards (every measured arm needs a
                  --target); runs the load family (--only may add the per-host size and micro). Merge the N reports
                  with npm run merge
  --start-at ISO  with --shard: the wall-clock time (e.g. 2026-11-30T20:00:00Z) the shards start their common
                  schedule of load windows; give every shard the same one
  --config FILE   benchmark your own API: a YAML or JSON file naming your protos, calls, targets and sample messages
                  (schema: bench/config/config.schema.json; README "Benchmark your own API"). Families: load and
                  multiplex (its calls against its targets), size and micro (its messages); its targets replace
                  --arms and --target

Results go to the output directory; progress goes to stderr; stdout gets only the paths written.`;
}

function port(text: string, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw new UsageError(`${what}: port must be 1–65535`);
  return n;
}

/**
 * A target URL for an arm → what its drivers dial (bench/drivers/target-address.ts): host:port or grpcs://host:port
 * for gRPC arms, the http:// or https:// origin for REST arms. Any host: the product measures whatever its users name.
 */
export function parseArmTarget(arm: Pick<ServerArm, "id" | "api">, value: string, flag = `--target ${arm.id}=`): string {
  const what = `${flag}${value}`;
  const [scheme, tlsScheme] = arm.api === "grpc" ? ["grpc:", "grpcs:"] : ["http:", "https:"];
  const example = arm.api === "grpc" ? "grpc://127.0.0.1:50051" : "http://127.0.0.1:8080";
  // HOST:PORT alone is the gRPC aliases' historical form.
  const text = arm.api === "grpc" && !value.includes("://") ? `grpc://${value}` : value;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${what}: expected a URL like ${example}`);
  }
  if (url.protocol !== scheme && url.protocol !== tlsScheme) {
    throw new UsageError(`${what}: arm ${arm.id} speaks ${arm.api}, so its target is ${scheme}//HOST:PORT or, over TLS, ${tlsScheme}//HOST:PORT (e.g. ${example})`);
  }
  if (url.hostname === "") throw new UsageError(`${what}: no host`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search !== "" || url.username !== "") throw new UsageError(`${what}: give only the scheme, host and port, no path or query`);
  if (url.port === "") throw new UsageError(`${what}: the port is required (e.g. ${example})`);
  const hostAndPort = `${url.hostname}:${port(url.port, what)}`;
  if (url.protocol === tlsScheme) return `${tlsScheme}//${hostAndPort}`;
  return arm.api === "grpc" ? hostAndPort : `http://${hostAndPort}`;
}

/** true for a target parseArmTarget made for TLS (grpcs://, https://) */
export function isTlsTargetUrl(target: string): boolean {
  return /^(grpcs|https):\/\//.test(target);
}

/** --ca FILE → its PEM text, every certificate in it parsed (servers/tls/tls-files.ts); anything else is a UsageError. */
export function readCaFile(path: string): { path: string; pem: string } {
  const abs = resolve(path);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (error) {
    throw new UsageError(`--ca ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return { path: abs, pem: `${pemCertificates("--ca", path, text).map((c) => c.pem).join("\n")}\n` };
  } catch (error) {
    if (error instanceof TlsFileError) throw new UsageError(error.message);
    throw error;
  }
}

export function parseFamilies(list: string): FamilyName[] {
  const wanted = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--only needs at least one family: ${FAMILIES.join(", ")}`);
  const unknown = wanted.filter((f) => !(FAMILIES as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`--only: unknown famil${unknown.length > 1 ? "ies" : "y"} ${unknown.join(", ")} (known: ${FAMILIES.join(", ")})`);
  return FAMILIES.filter((f) => wanted.includes(f));
}

function knownArm(id: string, flag: string): ServerArm {
  const arm = findArm(id);
  if (arm === undefined) throw new UsageError(`${flag}: unknown arm ${JSON.stringify(id)} (known: ${allArms().map((a) => a.id).join(", ")})`);
  return arm;
}

/** --arms LIST → ids in registry order (the run order), each known, none twice. */
export function parseArms(list: string): string[] {
  const wanted = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError(`--arms needs at least one arm (known: ${allArms().map((a) => a.id).join(", ")})`);
  for (const id of wanted) knownArm(id, "--arms");
  const twice = wanted.find((id, i) => wanted.indexOf(id) !== i);
  if (twice !== undefined) throw new UsageError(`--arms: ${twice} is listed twice`);
  return allArms().map((a) => a.id).filter((id) => wanted.includes(id));
}

/** node:util parseArgs messages carry a long hint after the first sentence; the user needs the first. */
function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");
}

export const MAX_WORKERS = 64;

/** Families a shard may run: load (split over the shards) and the per-host ones that need no server. */
export const SHARD_FAMILIES: readonly FamilyName[] = ["load", "size", "micro"];

/** --workers N → N (1..MAX_WORKERS). */
export function parseWorkers(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_WORKERS) throw new UsageError(`--workers ${text}: expected a whole number of load-generator processes from 1 to ${MAX_WORKERS}`);
  return n;
}

/** --rounds N → N */
export function parseRounds(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < MIN_ROUNDS || n > MAX_ROUNDS) throw new UsageError(`--rounds ${text}: expected a whole number of paired rounds from ${MIN_ROUNDS} to ${MAX_ROUNDS}`);
  return n;
}

/** --server-cpus N → N (1..availableParallelism(): more server processes than CPUs would measure time-sharing). */
export function parseServerCpus(text: string, cpus = availableParallelism()): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > cpus) throw new UsageError(`--server-cpus ${text}: expected a whole number of server processes from 1 to ${cpus} (this machine's CPUs)`);
  return n;
}

/** --shard I/N → {index, count}, index 0-based (0..N-1) as a Kubernetes indexed Job's JOB_COMPLETION_INDEX. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new UsageError(`--shard ${text}: expected I/N, e.g. 0/3 (I is 0-based: 0..N-1)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`--shard ${text}: N must be at least 1`);
  if (index >= count) throw new UsageError(`--shard ${text}: I is 0-based, so it must be 0..${count - 1}${index === count ? ` (shard ${index} of ${count} is ${index - 1}/${count})` : ""}`);
  return { index, count };
}

/** --start-at ISO → ms since the epoch; an ISO time with a date, a time and a zone (Z or ±hh:mm). */
export function parseStartAt(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) || Number.isNaN(ms)) {
    throw new UsageError(`--start-at ${text}: expected an ISO time with its zone, e.g. 2026-11-30T20:00:00Z`);
  }
  return ms;
}

const OPTIONS = {
  profile: { type: "string" },
  out: { type: "string" },
  only: { type: "string" },
  arms: { type: "string" },
  baseline: { type: "string" },
  target: { type: "string", multiple: true },
  "target-grpc": { type: "string" },
  "target-rest": { type: "string" },
  "arm-module": { type: "string", multiple: true },
  token: { type: "string" },
  tls: { type: "boolean" },
  ca: { type: "string" },
  insecure: { type: "boolean" },
  workers: { type: "string" },
  "server-cpus": { type: "string" },
  rounds: { type: "string" },
  shard: { type: "string" },
  "start-at": { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * The families a run without --only runs: every one, except that the quick profile runs the tls family only when the
 * run speaks TLS (--tls or a TLS target). Its ~15 s would put the default quick run past its 150 s goal, and a run
 * that never asked for TLS wants the gRPC/REST answer first; `--only tls` or the full profile measures it anyway.
 */
export function defaultFamilies(profile: ProfileName, tls: boolean): FamilyName[] {
  return FAMILIES.filter((f) => f !== "tls" || profile === "full" || tls);
}

/** --token, else GRB_TOKEN, else null (servers/handlers/bearer-token.ts givenToken); an unusable one is a UsageError. */
export function resolveToken(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const given = givenToken(flag, env);
  if ("problem" in given) throw new UsageError(given.problem);
  return given.token;
}

/** The --arm-module paths alone: the CLI loads them into the registry before resolveRunOptions checks --arms. */
export function armModulesOf(argv: readonly string[]): string[] {
  try {
    return parseArgs({ args: [...argv], strict: false, allowPositionals: true, options: OPTIONS }).values["arm-module"]?.filter((v): v is string => typeof v === "string") ?? [];
  } catch {
    return []; // resolveRunOptions reports the problem
  }
}

export function resolveRunOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: OPTIONS });
  } catch (error) {
    throw new UsageError(firstSentence((error as Error).message));
  }
  const v = parsed.values;
  if (v.config !== undefined) {
    if (v.config.trim() === "") throw new UsageError("--config needs a file");
    // The config names the two servers it measures; the registry's arms and their flags do not apply.
    const clash = (["arms", "baseline", "target", "target-grpc", "target-rest", "arm-module", "tls", "shard", "start-at", "server-cpus"] as const).find((k) => v[k] !== undefined);
    if (clash !== undefined) throw new UsageError(`--config ${v.config} and --${clash} do not go together: the config's targets name the servers it measures`);
  }
  const profile = v.profile ?? "quick";
  if (!isProfileName(profile)) throw new UsageError(`--profile ${profile}: unknown profile (known: ${PROFILES.join(", ")})`);
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError("--out needs a directory");

  const targets: Record<string, string> = {};
  const addTarget = (id: string, url: string, flag: string) => {
    const arm = knownArm(id, flag);
    if (Object.hasOwn(targets, id)) throw new UsageError(`${flag}: arm ${id} has two targets`);
    targets[id] = parseArmTarget(arm, url, flag === "--target" ? `--target ${id}=` : `${flag} `);
  };
  for (const spec of v.target ?? []) {
    const eq = spec.indexOf("=");
    if (eq <= 0) throw new UsageError(`--target ${spec}: expected ID=URL, e.g. grpc=grpc://127.0.0.1:50051`);
    addTarget(spec.slice(0, eq).trim(), spec.slice(eq + 1).trim(), "--target");
  }
  if (v["target-grpc"] !== undefined) addTarget("grpc", v["target-grpc"], "--target-grpc");
  if (v["target-rest"] !== undefined) addTarget("rest", v["target-rest"], "--target-rest");

  let arms = v.arms === undefined ? defaultArmIds() : parseArms(v.arms);
  // A target for an arm outside the default set selects it, so `--target rest-node=…` alone measures it.
  if (v.arms === undefined) arms = allArms().map((a) => a.id).filter((id) => arms.includes(id) || Object.hasOwn(targets, id));
  for (const id of Object.keys(targets)) {
    if (!arms.includes(id)) throw new UsageError(`--target ${id}=…: arm ${id} is not in --arms ${arms.join(",")}`);
  }
  // Without --baseline: rest when it runs, else the first REST arm, else the first arm.
  const baseline =
    v.baseline ?? (arms.includes(DEFAULT_BASELINE) ? DEFAULT_BASELINE : (arms.find((id) => findArm(id)?.api === "rest") ?? (arms[0] as string)));
  knownArm(baseline, "--baseline");
  const token = resolveToken(v.token, env);
  if (!arms.includes(baseline)) throw new UsageError(`--baseline ${baseline}: not among the arms measured (${arms.join(", ")})`);
  const tlsTargets = Object.values(targets).some(isTlsTargetUrl);
  if (v.ca !== undefined && v.insecure === true) throw new UsageError("--ca and --insecure contradict each other: --insecure verifies nothing");
  if (v.ca !== undefined && !tlsTargets && v.config === undefined) throw new UsageError(`--ca ${v.ca}: no https:// or grpcs:// target to verify with it (--tls servers are verified with the run's own certificate)`);
  if (v.insecure === true && !tlsTargets && v.tls !== true && v.config === undefined) throw new UsageError("--insecure: nothing in this run speaks TLS (no --tls, no https:// or grpcs:// target)");
  const ca = v.ca !== undefined ? readCaFile(v.ca) : null;
  const workers = v.workers !== undefined ? parseWorkers(v.workers) : 1;
  const serverCpus = v["server-cpus"] !== undefined ? parseServerCpus(v["server-cpus"]) : 1;
  if (v["server-cpus"] !== undefined && Object.keys(targets).length > 0) {
    throw new UsageError(`--server-cpus applies to the servers the run starts, not to --target ${Object.keys(targets).join(", ")} (run those with npm run serve -- --server-cpus N)`);
  }
  const rounds = v.rounds !== undefined ? parseRounds(v.rounds) : null;
  const shard = v.shard !== undefined ? parseShard(v.shard) : null;
  const startAtMs = v["start-at"] !== undefined ? parseStartAt(v["start-at"]) : null;
  if (startAtMs !== null && shard === null) throw new UsageError("--start-at: only a sharded run (--shard I/N) waits for an agreed start");
  let families = v.only === undefined ? defaultFamilies(profile, v.tls === true || tlsTargets) : parseFamilies(v.only);
  if (shard !== null) {
    // Servers each host started for itself are not one server under N times the load.
    const local = arms.filter((id) => !Object.hasOwn(targets, id));
    if (local.length > 0) throw new UsageError(`--shard ${v.shard}: every shard must load the same running servers: give --target for ${local.join(", ")} (or leave ${local.length > 1 ? "them" : "it"} out of --arms)`);
    if (v.only === undefined) families = ["load"];
    const other = families.filter((f) => !SHARD_FAMILIES.includes(f));
    if (other.length > 0) throw new UsageError(`--shard: ${other.join(", ")} cannot be sharded (only load is split over shards; size and micro run per host): leave ${other.length > 1 ? "them" : "it"} out of --only`);
  }
  return {
    profile,
    families,
    out: v.out ?? null,
    arms,
    baseline,
    targets,
    armModules: v["arm-module"] ?? [],
    ...(token !== null ? { token } : {}),
    ...(v.tls === true ? { tls: true as const } : {}),
    ...(ca !== null ? { ca } : {}),
    ...(v.insecure === true ? { insecure: true as const } : {}),
    ...(workers > 1 ? { workers } : {}),
    ...(serverCpus > 1 ? { serverCpus } : {}),
    ...(rounds !== null ? { rounds } : {}),
    ...(shard !== null ? { shard } : {}),
    ...(startAtMs !== null ? { startAtMs } : {}),
    ...(v.config !== undefined ? { config: { file: v.config, only: v.only !== undefined, profile: v.profile !== undefined } } : {}),
    help: v.help ?? false,
  };
}
