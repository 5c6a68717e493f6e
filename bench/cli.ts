// `npm run bench`: the entry point. Resolves options, runs the families through the orchestrator, writes the
// report. This file is the composition root of the pipeline: it is the one module in bench/ that imports from
// reports/ (to write the outputs); everything else in bench/ produces the model and never sees a writer.
//
// Exit codes: 0 completed; 1 a family failed or a server process the harness started died during the run (the
// report is still written, and names the server in report.serverExits and the caveats); 2 usage error, unreachable
// target, unwritable output; 130 / 143 stopped by SIGINT / SIGTERM after writing what was measured.
//
// Testing hook (documented in reports/README.md): GRPC_REST_BENCH_TEST_FAMILIES=/abs/module.ts replaces the families
// that module exports (`export const families: Partial<Record<FamilyName, Family>>`). The report records the path in
// options.testFamilies and says in its caveats that those entries are not measurements.
import { mkdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { captureEnvironment, defaultOutputRoot, toolVersion } from "./environment.js";
import { planPinning } from "./cpu/cpu-pinning.js";
import { NOISE_PROBE_WHAT, runNoiseProbe } from "./cpu/noise-probe.js";
import type { Family } from "./family.js";
import { FAMILY_LOADERS } from "./families/registry.js";
import { FAMILIES, type FamilyName, type Report } from "./model/report.js";
import { exitCause } from "./model/server-exit.js";
import type { BenchRun, FamilyLoaders } from "./orchestrator.js";
import { QUICK_PROFILE_BUDGET_S } from "./profile.js";
import { progressDisplay } from "./progress-display.js";
import { armModulesOf, resolveRunOptions, usage, UsageError, type RunOptions } from "./run-options.js";
import { loadArmModules } from "../servers/registry.js";
import { targetProblem } from "./target-reachability.js";
import { configTargetProblem } from "./user-api/config-targets.js";
import { setUserApiConfig, userApiConfig } from "./user-api/run-user-api.js";
import { runTrust } from "./run-tls-setup.js";
import { setLoadSplit } from "./load/load-split.js";
import { setRunServerCpus } from "./server-process/run-server-cpus.js";
import { shardRecord, splitOptions } from "./shard/shard-record.js";
import { loadConfig } from "./config/load-config.js";
import { applyRunConfig } from "./config/config-run-options.js";
import { setRunConfig } from "./config/run-config.js";

export const TEST_FAMILIES_ENV = "GRPC_REST_BENCH_TEST_FAMILIES";

class ExitError extends Error {}

function fail(message: string): never {
  throw new ExitError(message);
}

/**
 * Every --target answers (a TLS one: a handshake under the run's --ca / --insecure), else one line and exit 2; so do a
 * --config run's targets when a family loads them (the line names the config file and key).
 */
async function checkTargets(options: RunOptions): Promise<void> {
  const trust = runTrust(options, null);
  const config = userApiConfig();
  if (config !== null && options.families.some((f) => f === "load" || f === "multiplex")) {
    const problem = await configTargetProblem(config.file ?? "--config", config.targets, trust);
    if (problem !== null) fail(problem);
  }
  for (const [arm, target] of Object.entries(options.targets)) {
    const problem = await targetProblem(arm, target, trust);
    if (problem !== null) fail(problem);
  }
}

/** Plugin arms first, so --arms and --baseline can name them; the registry passes them on to server child processes. */
async function loadPluginArms(argv: readonly string[]): Promise<void> {
  try {
    await loadArmModules(armModulesOf(argv));
  } catch (error) {
    throw new UsageError(`--arm-module: ${(error as Error).message.split("\n")[0]}`);
  }
}

async function loaders(): Promise<{ loaders: FamilyLoaders; testFamilies: string | null }> {
  const path = process.env[TEST_FAMILIES_ENV];
  if (!path) return { loaders: FAMILY_LOADERS, testFamilies: null };
  const abs = resolve(path);
  let injected: Partial<Record<FamilyName, Family>>;
  try {
    injected = ((await import(pathToFileURL(abs).href)) as { families?: Partial<Record<FamilyName, Family>> }).families ?? {};
  } catch (error) {
    fail(`${TEST_FAMILIES_ENV}=${path}: cannot load (${(error as Error).message.split("\n")[0]})`);
  }
  const merged: FamilyLoaders = { ...FAMILY_LOADERS };
  for (const [name, family] of Object.entries(injected) as [FamilyName, Family][]) merged[name] = async () => family;
  return { loaders: merged, testFamilies: abs };
}

async function main(): Promise<number> {
  const wallStart = Date.now();
  await loadPluginArms(process.argv.slice(2));
  let options = resolveRunOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  // --config: the protos, calls and messages are checked now (a mistake is one line, exit 2), before any server.
  const config = options.config !== undefined ? loadConfig(options.config.file) : null;
  if (config !== null) {
    options = applyRunConfig(options, config);
    setRunConfig(config);
    setUserApiConfig(config);
  }
  await checkTargets(options);
  // --workers / --shard / --start-at: how every load scenario's load is split (bench/load/load-split.ts)
  setLoadSplit({ workers: options.workers ?? 1, shard: options.shard ?? null, startAtMs: options.startAtMs ?? null });
  // --server-cpus N: every server the run starts is N processes on N CPUs (bench/server-process/run-server-cpus.ts)
  setRunServerCpus(options.serverCpus ?? 1);
  const shard = await shardRecord(options, runTrust(options, null));
  // Loaded once the arguments and targets are known good: the writers (vega, vega-lite) and the orchestrator's
  // module graph are most of this command's start-up, which a mistake in the arguments should not wait for.
  const [{ timestampedDir, updateLatest, writeRunOutputs }, { BenchRun }] = await Promise.all([import("../reports/run-output.js"), import("./orchestrator.js")]);
  const defaultOut = options.out === null;
  const dir = defaultOut ? timestampedDir(join(defaultOutputRoot(), "reports", "out"), new Date()) : isAbsolute(options.out!) ? options.out! : resolve(options.out!);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    fail(`cannot create the output directory ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const { loaders: familyLoaders, testFamilies } = await loaders();

  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  let run: BenchRun | null = null;
  let writing: Promise<unknown> | null = null;

  const save = async (report: Report): Promise<void> => {
    const outputs = await writeRunOutputs(dir, shard === null ? report : { ...report, shard }, run?.rejected ?? []);
    for (const problem of outputs.problems) process.stderr.write(`bench: ${problem}\n`);
    for (const warning of new Set(outputs.warnings)) process.stderr.write(`bench: chart warning: ${warning}\n`);
    if (outputs.rejected) process.stderr.write(`bench: entries that did not match the result model are in ${outputs.rejected}\n`);
    if (defaultOut && outputs.json) {
      try {
        updateLatest(join(defaultOutputRoot(), "reports", "latest"), dir);
      } catch (error) {
        process.stderr.write(`bench: could not update reports/latest (${(error as Error).message.split("\n")[0]})\n`);
      }
    }
    for (const path of [outputs.json, outputs.html, outputs.summary]) if (path) process.stdout.write(`${path}\n`);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy === null) {
      stoppedBy = signal;
      process.stderr.write(`\nbench: ${signal}: stopping the current family and writing what was measured (again to write now)\n`);
      controller.abort(new Error(`stopped by ${signal}`));
      return;
    }
    // a second signal: write the report as it stands and leave
    if (run && writing === null) {
      writing = save(run.snapshot("aborted")).finally(() => process.exit(exitCodeFor(stoppedBy)));
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const fatal = (error: unknown) => {
    process.stderr.write(`bench: fatal: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
    if (run && writing === null) writing = save(run.snapshot("failed")).finally(() => process.exit(1));
    else if (writing === null) process.exit(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);

  // The reference loop runs where the servers will: its readings describe the CPU that serves the calls.
  const probeCpus = planPinning().server;
  const environment = captureEnvironment();
  if (!testFamilies) environment.referenceProbe = { what: NOISE_PROBE_WHAT, cpus: probeCpus, ms: [] };
  run = new BenchRun(options, {
    loaders: familyLoaders,
    environment,
    ...(testFamilies ? {} : { probe: () => runNoiseProbe(probeCpus, 4) }),
    tool: toolVersion(),
    signal: controller.signal,
    onProgress: progressDisplay(process.stderr),
    extraOptions: { out: dir, ...splitOptions(options), ...(testFamilies ? { testFamilies } : {}), ...(config !== null ? { config: config.file } : {}) },
    caveats: testFamilies ? [`test families injected from ${testFamilies} (${TEST_FAMILIES_ENV}): their entries are not measurements`] : [],
  });
  const report = await run.run();
  if (writing !== null) {
    await writing;
    return exitCodeFor(stoppedBy);
  }
  writing = save(report);
  await writing;

  const wallS = (Date.now() - wallStart) / 1000;
  const budget = options.profile === "quick" && options.families.length >= FAMILIES.length - 1 ? ` (quick profile goal: about ${QUICK_PROFILE_BUDGET_S} s)` : "";
  const failed = report.families.filter((f) => f.endReason === "failed");
  const died = report.serverExits ?? [];
  process.stderr.write(
    `bench: ${report.endReason} in ${wallS.toFixed(1)} s wall time${budget}; ${report.findings.length} findings, ${report.caveats.length} caveats` +
      `${failed.length > 0 ? `; failed: ${failed.map((f) => f.family).join(", ")}` : ""}` +
      `${died.length > 0 ? `; server died: ${died.map((e) => `${e.arm} (pid ${e.pid}, ${exitCause(e)})`).join(", ")}` : ""}\n`,
  );
  if (stoppedBy !== null) return exitCodeFor(stoppedBy);
  return failed.length > 0 || died.length > 0 ? 1 : 0;
}

function exitCodeFor(signal: NodeJS.Signals | null): number {
  return signal === "SIGTERM" ? 143 : signal === "SIGINT" ? 130 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ExitError) {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
    process.exit(1);
  },
);
