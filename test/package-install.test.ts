// The package as users get it: `npm pack` (its prepack builds dist/), the tarball installed into a fresh project
// with npm, and the grpc-rest-bench command run from another directory on plain node — no tsx, no checkout.
//
// The install is offline, from the npm cache `npm ci` filled, and a test may not reach the registry: npm resolves a
// new dependency from full packuments, which `npm ci` never caches (it reads corgis), so `npm install -g TARBALL
// --offline` cannot resolve here. The project instead gets this checkout's package-lock.json, its devDependencies
// left out (tsx among them), with each tarball's registry address and integrity: npm then fetches nothing, and the
// command runs on exactly the versions the checkout pins. Dependencies are hoisted into the project's
// node_modules, above the package — the layout `npm i TARBALL` and npx give — which the command must cope with too.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runtimeAssets } from "../bench/bin/build.js";
import { readReport } from "../reports/report-file.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NAME = "grpc-rest-bench";
const STEP_TIMEOUT_MS = 90_000;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * This test's node first on PATH (the command's shebang is `env node`); nothing that would load tsx or plugin arms
 * of the test run (.ts files) into the command; none of the npm_* settings `npm test` exports (npm_config_local_prefix
 * would point npm at the checkout instead of the probe project).
 */
function commandEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` };
  for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
  for (const name of ["NODE_OPTIONS", "NODE_TEST_CONTEXT", "GRB_ARM_MODULES", "GRPC_REST_BENCH_TEST_FAMILIES"]) delete env[name];
  return env;
}

function start(command: string, args: readonly string[], cwd: string): ChildProcess {
  return spawn(command, args, { cwd, env: commandEnv(), stdio: ["ignore", "pipe", "pipe"] });
}

async function run(command: string, args: readonly string[], cwd: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Ran> {
  const child = start(command, args, cwd);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, stdout, stderr };
}

function ok(ran: Ran, what: string): Ran {
  assert.equal(ran.code, 0, `${what}: exit ${ran.code ?? ran.signal}\n${ran.stderr.slice(-2000)}`);
  return ran;
}

/** A project whose lockfile holds the checkout's runtime dependencies, each with its tarball's address and integrity. */
function probeProject(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, Record<string, unknown>> };
  const root = { name: "install-probe", version: "0.0.0", private: true, dependencies: manifest.dependencies };
  const packages: Record<string, unknown> = { "": root };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "" || entry.dev === true) continue;
    const name = typeof entry.name === "string" ? entry.name : path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const resolved = entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${String(entry.version)}.tgz`;
    packages[path] = { ...entry, resolved };
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify(root, null, 2));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages }, null, 2));
}

describe("the npm package: packed, installed, run as a command without tsx", { timeout: 240_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), "grb-package-"));
  const project = join(tmp, "project");
  const cwd = join(tmp, "elsewhere"); // the user's directory: neither the checkout nor the install
  const bin = join(project, "node_modules", ".bin", NAME);
  const installed = join(project, "node_modules", NAME);
  let files: string[] = [];
  const started = Date.now();

  before(async () => {
    mkdirSync(project);
    mkdirSync(cwd);
    // The build's type check repeats the `tsc --noEmit` npm test starts with: skipped here, to keep CI in its minutes.
    process.env.GRB_BUILD_NO_TYPECHECK = "1";
    const packed = ok(await run("npm", ["pack", "--json", "--pack-destination", tmp, "--loglevel=error"], ROOT, 120_000), "npm pack");
    // The prepack build prints to stdout before npm's JSON.
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
    files = info!.files.map((f) => f.path);
    probeProject(project);
    ok(await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", join(tmp, info!.filename)], project, 120_000), "npm install TARBALL");
    process.stderr.write(`package-install: packed and installed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`package-install: ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`);
  });

  it("the tarball holds the compiled code and its runtime files, and no sources, tests, outputs or node_modules", () => {
    for (const path of ["package.json", "README.md", `dist/bench/bin/${NAME}.js`, "dist/bench/cli.js", "dist/servers/serve.js", "reports/report.schema.json", "proto/shop.proto"]) {
      assert.ok(files.includes(path), `${path} is missing from the tarball`);
    }
    for (const asset of runtimeAssets()) assert.ok(files.includes(`dist/${asset}`), `dist/${asset} (read at run time) is missing`);
    if (existsSync(join(ROOT, "examples"))) assert.ok(files.some((f) => f.startsWith("examples/")), "examples/ is missing");
    const unwanted = files.filter((f) => /\.ts$/.test(f) || /(^|\/)(test|node_modules)\//.test(f) || f.startsWith("reports/out/") || f.startsWith("reports/latest"));
    assert.deepEqual(unwanted, []);
  });

  it("installs without tsx or any devDependency", () => {
    for (const dev of ["tsx", "typescript", "playwright-core", "esbuild"]) assert.ok(!existsSync(join(project, "node_modules", dev)), `${dev} was installed`);
    assert.ok(existsSync(bin), `${bin} was not linked`);
  });

  it("--help lists the commands; each command's --help is its usage, exit 0; an unknown command is one line, exit 2", async () => {
    const help = ok(await run(bin, ["--help"], cwd), "--help");
    for (const command of ["bench", "serve", "compare", "merge", "report"]) assert.match(help.stdout, new RegExp(`^  ${command} `, "m"));
    for (const command of ["bench", "serve", "compare", "merge", "report"]) {
      const usage = ok(await run(bin, [command, "--help"], cwd), `${command} --help`);
      assert.match(usage.stdout, /^usage: /, `${command} --help`);
      assert.equal(usage.stderr, "", `${command} --help`);
    }
    // npx in the project finds the installed command (offline: nothing to fetch)
    assert.equal(ok(await run("npx", ["--offline", NAME, "--version"], project), "npx").stdout, `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`);
    const unknown = await run(bin, ["benhc"], cwd);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, "");
    assert.match(unknown.stderr, /^grpc-rest-bench: unknown command "benhc" \(commands: bench, serve, compare, merge, report; .*\)\n$/);
  });

  it("bench --only size --out writes a valid report", async () => {
    const out = join(tmp, "out");
    const ran = ok(await run(bin, ["bench", "--only", "size", "--out", out], cwd), "bench --only size --out");
    assert.equal(ran.stdout, `${join(out, "report.json")}\n${join(out, "report.html")}\n${join(out, "summary.md")}\n`);
    const report = readReport(join(out, "report.json")); // throws unless it is a report the schema accepts
    assert.ok(report.sizes.length > 0);
    assert.match(readFileSync(join(out, "report.html"), "utf8"), /^<!doctype html>[\s\S]*<svg/i, "report.html with its vega charts");
    assert.equal(report.tool.name, NAME);
    assert.equal(report.environment.gitCommit, null, "the installed package is no checkout; the commit of any repository around it is not its own");
    assert.match(report.environment.packages["protobufjs"] ?? "", /^\d+\.\d+\.\d+/, "versions of dependencies hoisted above the package");
  });

  it("compare reads what bench wrote", async () => {
    // (report re-renders what bench already rendered with the same writers; its --help above shows it dispatches)
    const report = join(tmp, "out", "report.json");
    const compared = ok(await run(bin, ["compare", report, report], cwd), "compare");
    assert.ok(compared.stdout.length > 0);
  });

  it("serve starts an arm from the compiled code, the gateway with its own upstream process, and stops on SIGTERM", async (t) => {
    const child = start(bin, ["serve", "--server", "gateway", "--port", "0"], cwd);
    t.after(() => child.kill("SIGKILL")); // a failed assertion must not leave it running (no-op once it exited)
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const listening = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`no listening line within 30 s: ${stderr}`)), 30_000);
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("\n")) {
          clearTimeout(timer);
          resolve(stdout.split("\n")[0]!);
        }
      });
      child.once("exit", (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    const match = /^listening gateway 127\.0\.0\.1:(\d+)$/.exec(listening);
    assert.ok(match, listening);
    const status = await new Promise<number>((resolve, reject) => {
      get(`http://127.0.0.1:${match[1]}/v1/users/u-1`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject);
    });
    assert.equal(status, 200, "a call through the gateway to its upstream");
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0, stderr);
  });

  it("the harness forks its server processes and starts its worker threads (micro) on the compiled code, without tsx", async () => {
    const dist = (path: string) => JSON.stringify(pathToFileURL(join(installed, "dist", path)).href);
    const script = `const { startServerProcess } = await import(${dist("bench/server-process/server-process.js")});
const server = await startServerProcess({ arm: "rest", cpus: null });
const cpu = await server.cpuUsage();
await server.stop();
const { startModuleWorker } = await import(${dist("bench/micro/module-worker.js")});
const worker = startModuleWorker(new URL(${dist("bench/families/measured-messages.js")}), null);
const workerExit = await new Promise((resolve) => { worker.once("error", (e) => resolve(String(e))); worker.once("exit", resolve); });
console.log(JSON.stringify({ target: server.target, user: cpu.user, workerExit }));`;
    // A file, not `--input-type=module -e`: workers inherit execArgv, and the worker's CommonJS bootstrap would then be ESM.
    writeFileSync(join(cwd, "harness-children.mjs"), script);
    const ran = ok(await run(process.execPath, ["harness-children.mjs"], cwd), "startServerProcess, startModuleWorker");
    const result = JSON.parse(ran.stdout) as { target: string; user: number; workerExit: unknown };
    assert.match(result.target, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(result.user > 0);
    assert.equal(result.workerExit, 0, "a worker thread imports a compiled module");
  });

  it("without --out the outputs go under the user's directory, never into node_modules (--config: the user's messages)", async () => {
    // With --config once bench has it (sizes of the user's messages, no servers), else the built-in messages.
    const withConfig = (await run(bin, ["bench", "--help"], cwd)).stdout.includes("--config");
    let args = ["--only", "size"];
    if (withConfig) {
      const dir = join(tmp, "config");
      mkdirSync(dir);
      writeFileSync(join(dir, "point.proto"), 'syntax = "proto3";\npackage probe.v1;\nmessage Point { int32 latitude = 1; int32 longitude = 2; string label = 3; }\n');
      writeFileSync(join(dir, "point.json"), JSON.stringify({ latitude: 409146138, longitude: -746188906, label: "Patriots Path, Mendham, NJ" }));
      writeFileSync(join(dir, "bench.yaml"), "protos: [point.proto]\nmessages:\n  - type: probe.v1.Point\n    samples: [point.json]\nfamilies: [size]\n");
      args = ["--config", join(dir, "bench.yaml")];
    } else process.stderr.write("package-install: bench has no --config yet: the default output directory checked with --only size\n");
    const ran = ok(await run(bin, args, cwd), args.join(" "));
    const json = ran.stdout.split("\n")[0]!;
    assert.ok(json.startsWith(join(cwd, "reports", "out") + "/") && json.endsWith("/report.json"), json);
    const report = readReport(json);
    if (withConfig) assert.ok(report.sizes.some((s) => s.message.includes("Point")), JSON.stringify(report.sizes.map((s) => s.message)));
    assert.ok(existsSync(join(cwd, "reports", "latest", "report.json")));
    assert.ok(!existsSync(join(installed, "reports", "out")), "nothing written inside node_modules");
  });
});


// A child process or worker started on a fixed ".ts" file, or with tsx named by hand, breaks the installed command
// (compiled .js, no tsx): servers/node-entry.ts childEntry() and bench/micro/module-worker.ts pick both by run mode.
it("no runtime module names tsx or a .ts entry of its own", () => {
  const offenders: string[] = [];
  for (const dir of ["bench", "servers", "reports", "payloads", "proto"]) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file === "node-entry.ts") continue;
      const path = `${dir}/${file}`;
      const lines = readFileSync(join(ROOT, path), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (/["'`]tsx["'`]|new URL\(\s*["'`][^"'`]+\.ts["'`]/.test(line)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  assert.deepEqual(offenders, []);
});
