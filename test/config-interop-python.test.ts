// Bring your own API, against servers this project did not write for a proto it did not write: gRPC's route_guide
// example (test/fixtures/byo-api/, with a google.api.http annotation added to GetFeature) served by a Python grpcio
// server and a Python http.server, loaded with `npm run bench -- --config`. Zero errors, sizes for the config's
// messages, the REST path of GetFeature derived from the annotation, every load figure labelled with the config's
// call name; an unreachable target is one line naming the config's key (exit 2); and `check: equal-json` counts the
// replies of a REST server that differs from the gRPC one as "mismatch". Python's grpcio and grpc_tools come from
// Debian (python3-grpcio, python3-grpc-tools): without them the suite is skipped with one line (a failure under CI).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import type { FamilyContext } from "../bench/family.js";
import type { LoadResult } from "../bench/model/load-result.js";
import type { Report } from "../bench/model/report.js";
import { runUserApiLoad } from "../bench/user-api/user-api-load-family.js";
import { userApiArms } from "../bench/user-api/user-api-arms.js";
import type { UserApiConfig } from "../bench/user-api/user-call.js";
import { needsTool, SYSTEM_PYTHON, TOOLS } from "./fixtures/requires-tool.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURE = join(REPO, "test", "fixtures", "byo-api");
const SHORT_FAMILY = join(REPO, "test", "fixtures", "short-user-api-family.ts");
const CALLS = ["get-feature", "lookup-feature"];
const MESSAGES = ["routeguide.Feature", "routeguide.Point", "routeguide.RouteNote", "routeguide.RouteSummary"];

interface PythonServer {
  child: ChildProcess;
  /** host:port it printed */
  address: string;
}

/** Starts a fixture server on a free port and waits for its `listening <kind> host:port` line. */
function startPython(script: string, kind: "grpc" | "rest", args: string[] = []): Promise<PythonServer> {
  const child = spawn(SYSTEM_PYTHON, [join(FIXTURE, script), "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} printed no listening line within 30 s: ${err}`));
    }, 30_000);
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = new RegExp(`^listening ${kind} (\\S+)$`, "m").exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, address: m[1] as string });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}: ${err}`));
    });
  });
}

function stop(server: PythonServer | undefined): Promise<void> {
  if (server === undefined || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.child.kill("SIGKILL"), 5000);
    server.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.kill("SIGTERM");
  });
}

function bench(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", join(REPO, "bench", "cli.ts"), ...args], { cwd: REPO, env: { ...process.env, ...env }, timeout: 120_000, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** The fixture (config, proto, samples) copied into `dir` with the targets pointed at the running servers. */
function configCopy(dir: string, grpc: string, rest: string): string {
  for (const name of ["byo-api.yaml", "route_guide.proto", "samples"]) cpSync(join(FIXTURE, name), join(dir, name), { recursive: true });
  const file = join(dir, "byo-api.yaml");
  const text = readFileSync(file, "utf8");
  assert.match(text, /grpc:\/\/127\.0\.0\.1:50051/);
  assert.match(text, /http:\/\/127\.0\.0\.1:8080/);
  writeFileSync(file, text.replace("grpc://127.0.0.1:50051", `grpc://${grpc}`).replace("http://127.0.0.1:8080", `http://${rest}`));
  return file;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("--config against Python route_guide servers", needsTool(TOOLS.pythonGrpc), () => {
  let grpcServer: PythonServer | undefined;
  let restServer: PythonServer | undefined;
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "grb-byo-api-"));
    [grpcServer, restServer] = await Promise.all([startPython("grpc_server.py", "grpc"), startPython("rest_server.py", "rest")]);
  });

  after(async () => {
    await Promise.all([stop(grpcServer), stop(restServer)]);
    rmSync(tmp, { recursive: true, force: true });
  });

  test("npm run bench -- --config: zero errors, sizes, the REST path from the annotation, figures labelled by call", async () => {
    const dir = mkdtempSync(join(tmp, "run-"));
    const file = configCopy(dir, (grpcServer as PythonServer).address, (restServer as PythonServer).address);
    const out = join(dir, "out");
    const r = await bench(["--config", file, "--only", "size,load", "--out", out], { GRPC_REST_BENCH_TEST_FAMILIES: SHORT_FAMILY });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report;

    assert.deepEqual(
      report.arms.map((a) => [a.id, a.label, a.api, a.transport, a.target]),
      [
        ["grpc", "your gRPC server", "grpc", "h2c", `grpc://${grpcServer?.address}`],
        ["rest", "your REST server", "rest", "http/1.1", `http://${restServer?.address}`],
      ],
    );

    // sizes: every message of the config, with its JSON and protobuf bytes
    for (const type of MESSAGES) {
      const entries = report.sizes.filter((s) => s.message.includes(type.split(".")[1] as string));
      assert.ok(entries.length > 0, `no size entry for ${type}: ${report.sizes.map((s) => s.message).join(", ")}`);
      for (const e of entries) assert.ok(e.json.raw > 0 && e.protobuf.raw > 0, `${e.message}: ${JSON.stringify(e)}`);
    }

    // load: both calls × both arms × both views, every one labelled with the call's name, none with an error
    const load = report.load as LoadResult[];
    assert.equal(load.length, CALLS.length * 2 * 2, load.map((l) => l.scenario).join("\n"));
    for (const l of load) {
      assert.ok(CALLS.includes(l.call), `call ${l.call}`);
      assert.equal(l.payload, "config");
      assert.match(l.scenario, new RegExp(`^load/${l.arm}/${l.view}/${l.call}/config/closed/c`));
      assert.equal(l.endReason, "completed", `${l.scenario}: ${l.failure ?? ""}`);
      assert.ok(l.requests > 0, `${l.scenario}: no calls`);
      assert.equal(l.errors.total, 0, `${l.scenario}: ${JSON.stringify(l.errors.byCode)}`);
    }
    for (const call of CALLS) for (const arm of ["grpc", "rest"]) for (const view of ["server", "end-to-end"]) assert.ok(load.some((l) => l.call === call && l.arm === arm && l.view === view), `${call} ${arm} ${view}`);

    // the REST side of get-feature came from the annotation; lookup-feature's from the config
    const restNote = (call: string) => (load.find((l) => l.call === call && l.arm === "rest")?.notes ?? []).join("\n");
    assert.match(restNote("get-feature"), /REST GET \/v1\/features\/409146138\/-746188906 \(first of 3\): derived from the google\.api\.http annotation of routeguide\.RouteGuide\.GetFeature/);
    assert.match(restNote("lookup-feature"), /REST POST \/v1\/features:lookup: as the config's rest gives it/);
    // every end-to-end reply was compared with the reference (check: equal-json), and none differed
    for (const l of load.filter((x) => x.view === "end-to-end")) assert.match((l.notes ?? []).join("\n"), /compared with the reference reply/);
    assert.ok(!report.caveats.some((c) => /differs from the gRPC reply|mismatch/.test(c)), report.caveats.join("\n"));
  });

  test("an unreachable target: one line naming the config's targets.grpc, exit 2", async () => {
    const dir = mkdtempSync(join(tmp, "unreachable-"));
    const port = await closedPort();
    const file = configCopy(dir, `127.0.0.1:${port}`, (restServer as PythonServer).address);
    const r = await bench(["--config", file, "--only", "load", "--out", join(dir, "out")]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0] as string, new RegExp(`byo-api\\.yaml: targets\\.grpc \\(grpc://127\\.0\\.0\\.1:${port}\\) is not reachable \\(ECONNREFUSED\\)`));
  });

  test("check: equal-json counts the replies of a REST server that differs as mismatch", async (t) => {
    const wrong = await startPython("rest_server.py", "rest", ["--wrong-names"]);
    t.after(() => stop(wrong));
    // The call as the config loader resolves it, built here from the fixture proto (the loader has its own tests).
    const root = new protobuf.Root();
    const protobufjsDir = dirname(createRequire(import.meta.url).resolve("protobufjs/package.json"));
    root.resolvePath = (_origin, target) =>
      isAbsolute(target) ? target : target.startsWith("google/protobuf/") ? join(protobufjsDir, target) : target.startsWith("google/") ? join(REPO, "proto", target) : join(FIXTURE, target);
    root.loadSync(join(FIXTURE, "route_guide.proto"));
    root.resolveAll();
    const Point = root.lookupType("routeguide.Point");
    const Feature = root.lookupType("routeguide.Feature");
    const points = [
      { latitude: 409146138, longitude: -746188906 },
      { latitude: 1, longitude: 2 }, // no feature: an empty name, the same on both sides
    ];
    const config: UserApiConfig = {
      calls: [
        {
          name: "get-feature",
          grpc: { path: "/routeguide.RouteGuide/GetFeature", requestType: Point, responseType: Feature, requests: points.map((p) => Point.encode(p).finish()), serverStreaming: false, clientStreaming: false },
          rest: { method: "GET", requests: points.map((p) => ({ path: `/v1/features/${p.latitude}/${p.longitude}`, body: null })), derivedFrom: "annotation" },
          check: "equal-json",
        },
      ],
      targets: { grpc: `grpc://${grpcServer?.address}`, rest: `http://${wrong.address}` },
    };
    const records: LoadResult[] = [];
    const caveats: string[] = [];
    const ctx: FamilyContext = {
      profile: "quick",
      signal: new AbortController().signal,
      arms: userApiArms(config.targets as { grpc: string; rest: string }),
      baseline: "rest",
      record: (_section, entry) => void records.push(entry as LoadResult),
      caveat: (text) => void caveats.push(text),
      leftOut: () => {},
      serverExit: () => {},
      progress: () => {},
    };
    await runUserApiLoad(ctx, config, {
      templates: [
        { view: "server", mode: "closed" },
        { view: "end-to-end", mode: "closed" },
      ],
      defaults: { concurrency: 2, warmupS: 0.05, durationS: 0.2, repetitions: 1 },
      firstRunWarmup: { s: 0.05, minCalls: 10, maxS: 0.5 },
    });
    assert.ok(
      caveats.some((c) => c.includes("call get-feature request 1: the REST reply to GET /v1/features/409146138/-746188906 differs from the gRPC reply at .name")),
      caveats.join("\n"),
    );
    const of = (arm: string, view: string) => records.find((r) => r.arm === arm && r.view === view) as LoadResult;
    // status only in the server view: both sides answer 200 / OK
    assert.equal(of("rest", "server").errors.total, 0);
    assert.equal(of("grpc", "server").errors.total, 0);
    // end to end, request 1's replies differ (upper-cased name), request 2's (no name) do not
    assert.equal(of("grpc", "end-to-end").errors.total, 0);
    const rest = of("rest", "end-to-end");
    assert.ok((rest.errors.byCode["mismatch"] ?? 0) > 0, JSON.stringify(rest.errors));
    assert.equal(rest.errors.total, rest.errors.byCode["mismatch"]);
    assert.ok(rest.requests > 0, "the replies to request 2 still count as successes");
    assert.ok(caveats.some((c) => /load\/rest\/end-to-end\/get-feature\/config\/closed\/c2: \d+ repl(y|ies) differed from the reference/.test(c)), caveats.join("\n"));
  });
});
