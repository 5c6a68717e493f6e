// Interop with a client this project did not write: Python's grpcio with stubs that grpc_tools generates from
// proto/ at test time. test/interop/python_client.py calls every RPC on the gRPC server and the same request on
// the REST server, and prints one JSON line per comparison of MessageToDict(response) with the REST JSON. It runs
// grpc (grpc-js) against every REST/JSON arm of the registry (rest, rest-node, plugin arms), and every other gRPC
// arm of the registry (grpc-raw, plugin arms) against the reference REST arm (rest).
import { after, before, describe, test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { protoDir, protoFile, protoPackage, root, vendoredProtoFiles } from "../proto/schema.js";
import { SIZE_CLASSES } from "../payloads/size-classes.js";
import type { ServerOptions } from "../servers/server-arm.js";
import { allArms, findArm } from "../servers/registry.js";
import { needsTool, SYSTEM_PYTHON, TOOLS } from "./fixtures/requires-tool.js";
import { REFERENCE_REST_ARM, restJsonArms, startArm } from "./fixtures/shop-clients.js";

// Debian's interpreter: the one python3-grpcio, python3-grpc-tools and python3-websocket install into
// (a `python3` earlier on PATH may be another interpreter without them). Without them the Python tests skip with
// one line naming the packages, and fail with it when CI is set (test/fixtures/requires-tool.ts).
const PYTHON = SYSTEM_PYTHON;
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), "interop", "python_client.py");
// xlarge responses are about 4 MB as JSON but smaller as protobuf; the client keeps grpcio's default
// 4 MiB receive limit unless this says otherwise, so the default is what gets exercised.
const MAX_RECEIVE_BYTES = 0;

interface Comparison {
  name: string;
  rpc: string;
  equal: boolean;
  diff?: unknown;
  failedChecks?: string[];
  excluded?: Record<string, string>;
}

interface Summary {
  summary: true;
  comparisons: number;
  equal: number;
  mismatched: string[];
  rpcs: string[];
}

function allRpcNames(): string[] {
  const pkg = root.lookup(protoPackage) as protobuf.Namespace;
  return pkg.nestedArray
    .filter((item): item is protobuf.Service => item instanceof protobuf.Service)
    .flatMap((svc) => svc.methodsArray.map((m) => m.name))
    .sort();
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Generates the Python stubs from proto/ into `stubs` (a fresh temp dir). */
async function generateStubs(stubs: string): Promise<void> {
  const include = spawnSync(PYTHON, ["-c", "import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), '_proto'))"], {
    encoding: "utf8",
  }).stdout.trim();
  const gen = await run(
    PYTHON,
    // proto/ is the include path of shop.proto's own imports (google/api/, vendored there); their _pb2 modules
    // are generated beside shop_pb2, which imports them (Debian's `google` is a namespace package).
    [
      "-m", "grpc_tools.protoc", "-I", protoDir, "-I", include, `--python_out=${stubs}`, `--grpc_python_out=${stubs}`,
      protoFile, ...vendoredProtoFiles.map((file) => join(protoDir, file)),
    ],
    60_000,
  );
  assert.equal(gen.code, 0, `grpc_tools.protoc failed: ${gen.stderr}`);
}

/** The reference gRPC arm (grpc-js): every REST arm is checked against it. */
const REFERENCE_GRPC_ARM = "grpc";

/** Every other gRPC arm of the registry (grpc-raw, plugin arms): each is checked against the reference REST arm. */
function otherGrpcArms(): string[] {
  return allArms().filter((arm) => arm.api === "grpc" && arm.id !== REFERENCE_GRPC_ARM).map((arm) => arm.id);
}

/**
 * Starts one gRPC arm and one REST arm on port 0, runs the Python client against them, returns its parsed output.
 * overLimit: the client's ListOrders limit=20000 call (past grpcio's 4 MiB default, a 10 MB reply: half the run).
 */
async function runClient(t: TestContext, stubs: string, grpcArm: string, restArm: string, overLimit: boolean, restOptions: Partial<ServerOptions> = {}) {
  const grpcServer = await startArm(grpcArm);
  t.after(() => grpcServer.close());
  const restServer = await startArm(restArm, restOptions);
  t.after(() => restServer.close());

  // execFile, not spawnSync: the servers live in this process and must keep serving while Python runs.
  const args = [
    CLIENT,
    "--stubs", stubs,
    "--grpc", `127.0.0.1:${grpcServer.port}`,
    "--rest", `http://127.0.0.1:${restServer.port}`,
    "--size-classes", JSON.stringify(SIZE_CLASSES),
  ];
  if (MAX_RECEIVE_BYTES) args.push("--max-receive-bytes", String(MAX_RECEIVE_BYTES));
  if (!overLimit) args.push("--skip-over-limit");
  // An arm that serves some calls only (the gateway) is compared on those.
  const restCalls = findArm(restArm)?.calls;
  if (restCalls !== undefined) args.push("--rest-calls", restCalls.join(","));
  const result = await run(PYTHON, args, 180_000);

  const lines = result.stdout.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Comparison | Summary);
  const summary = lines.at(-1) as Summary | undefined;
  assert.ok(summary && "summary" in summary, `the client printed no summary (exit ${result.code}): ${result.stderr.slice(-2000)}`);
  return { result, summary, comparisons: lines.slice(0, -1) as Comparison[] };
}

/**
 * grpc against every REST arm, then every other gRPC arm against the reference REST arm. The over-4-MiB call runs
 * once per gRPC arm, against the reference REST arm: the gRPC side is that arm's, and every other REST arm's reply to
 * it is checked byte for byte against the reference's by test/servers-parity.test.ts (ListOrders limit 20000).
 */
const PAIRS: { grpcArm: string; restArm: string; name: string }[] = [
  ...restJsonArms().map((arm) => ({
    grpcArm: REFERENCE_GRPC_ARM,
    restArm: arm.id,
    name: `a stock grpcio client's MessageToDict of every RPC equals the REST JSON of ${arm.id}`,
  })),
  ...otherGrpcArms().map((id) => ({
    grpcArm: id,
    restArm: REFERENCE_REST_ARM,
    name: `a stock grpcio client's MessageToDict of every RPC on ${id} equals the REST JSON of ${REFERENCE_REST_ARM}`,
  })),
];

test("every gRPC arm of the registry is checked with the stock Python client, grpc-raw included", () => {
  const checked = new Set(PAIRS.map((pair) => pair.grpcArm));
  for (const arm of allArms().filter((a) => a.api === "grpc")) assert.ok(checked.has(arm.id), arm.id);
  assert.ok(checked.has("grpc-raw"));
});

describe("the stock Python client (grpcio, websocket-client)", needsTool(TOOLS.pythonGrpc, TOOLS.pythonWebsocket), () => {
  // One set of stubs for every test: they depend on proto/ alone.
  let stubs = "";
  before(async () => {
    stubs = mkdtempSync(join(tmpdir(), "interop-python-"));
    await generateStubs(stubs);
  });
  after(() => rmSync(stubs, { recursive: true, force: true }));

  test("the Python client's comparison catches what it must (bool vs number, int64 string vs number, order, missing keys)", async () => {
    const result = await run(PYTHON, [CLIENT, "--self-test"], 60_000);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"selfTest": "ok"/);
  });

  for (const { grpcArm, restArm, name } of PAIRS) {
    test(name, { timeout: 240_000 }, async (t) => {
      const { result, summary, comparisons } = await runClient(t, stubs, grpcArm, restArm, restArm === REFERENCE_REST_ARM);

      const mismatches = comparisons.filter((c) => !c.equal).map((c) => ({ name: c.name, diff: c.diff, failedChecks: c.failedChecks }));
      assert.deepEqual(mismatches, [], "every gRPC response's canonical JSON equals the REST response");
      assert.equal(result.code, 0, result.stderr.slice(-2000));
      assert.equal(summary.comparisons, comparisons.length);
      assert.ok(comparisons.length >= 40, `expected the full script, got ${comparisons.length} comparisons`);

      // Every RPC of every service in proto/ the REST arm serves was exercised, and every size class with both
      // GetUser and ListOrders.
      const served = findArm(restArm)?.calls;
      assert.deepEqual(summary.rpcs, allRpcNames().filter((rpc) => served === undefined || served.includes(rpc)));
      for (const cls of Object.keys(SIZE_CLASSES)) {
        for (const rpc of ["GetUser", "ListOrders"]) {
          assert.ok(comparisons.some((c) => c.rpc === rpc && c.name.startsWith(`${rpc} ${cls} `)), `${rpc} for size class ${cls}`);
        }
      }
      // Only the documented, server-assigned or transport-dependent fields are ever left out of an equality.
      const excludedKeys = new Set(comparisons.flatMap((c) => Object.keys(c.excluded ?? {})));
      const transportFields = [...(served === undefined || served.includes("Upload") ? ["chunks"] : []), ...(served === undefined || served.includes("Chat") ? ["serverTime"] : [])];
      assert.deepEqual([...excludedKeys].sort(), ["createdAt", "id", "message", ...transportFields].sort());
    });
  }

  test("the interop check fails when the servers serve different data (a REST server on another seed)", { timeout: 240_000 }, async (t) => {
    const { result, summary, comparisons } = await runClient(t, stubs, REFERENCE_GRPC_ARM, "rest", false, { seed: 7 });
    assert.equal(result.code, 1, "a mismatch exits 1");
    assert.ok(summary.mismatched.length > 0);
    for (const cls of Object.keys(SIZE_CLASSES)) {
      const getUser = comparisons.find((c) => c.name.startsWith(`GetUser ${cls} `));
      assert.equal(getUser?.equal, false, `GetUser ${cls} must differ across seeds`);
    }
    // Seed-independent calls still agree: the failure is the data, not the harness.
    assert.ok(comparisons.filter((c) => c.rpc === "Upload" || c.rpc === "Chat").every((c) => c.equal));
  });
});
