// The arm registry: built-in arms in order, validation, duplicate ids rejected, plugin arms loaded from a module
// (the test fixture, registered without editing any harness file) and handed on to child processes through
// GRB_ARM_MODULES.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ARM_MODULES_ENV, allArms, armIds, defaultArmIds, findArm, loadArmModules, registerArm } from "../servers/registry.js";
import { describeArm, type ServerArm } from "../servers/server-arm.js";
import { restPath } from "../servers/shop-routes.js";
import { rest } from "./fixtures/shop-clients.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURE = "test/fixtures/arms/fixture-arm.ts";

function anArm(overrides: Partial<ServerArm> = {}): ServerArm {
  return {
    id: "test-arm",
    label: "Test arm",
    api: "rest",
    wire: "json",
    transport: "http/1.1",
    framework: "none",
    description: "An arm that is never started.",
    default: false,
    start: () => Promise.reject(new Error("not startable")),
    ...overrides,
  };
}

/** A plain-JS module in a fresh temp dir (removed after the test), for the modules a user gets wrong. */
function tempModule(t: { after(fn: () => void): void }, name: string, source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "arm-module-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const ARM_SOURCE = (id: string) =>
  `{ id: ${JSON.stringify(id)}, label: "Temp", api: "rest", wire: "json", transport: "http/1.1", framework: "none", ` +
  `description: "A temp arm.", default: false, start: async () => { throw new Error("unused"); } }`;

test("built-in arms come first, in order; every built-in arm is in the default set (attribution needs them all)", () => {
  assert.deepEqual(armIds().slice(0, 3), ["grpc", "rest", "rest-node"]);
  assert.deepEqual(defaultArmIds().slice(0, 2), ["grpc", "rest"]);
  for (const id of ["rest-node", "rest-fastify", "json-h2", "protobuf-h1", "grpc-raw", "gateway"]) assert.ok(defaultArmIds().includes(id), `${id} is a default arm`);
  const grpc = findArm("grpc");
  assert.ok(grpc);
  assert.deepEqual(describeArm(grpc), {
    id: "grpc",
    label: "gRPC (grpc-js)",
    api: "grpc",
    wire: "protobuf",
    transport: "h2c",
    framework: "grpc-js",
    description: grpc.description,
  });
  assert.deepEqual(
    allArms().slice(0, 3).map((arm) => [arm.id, arm.label, arm.api, arm.wire, arm.transport, arm.framework]),
    [
      ["grpc", "gRPC (grpc-js)", "grpc", "protobuf", "h2c", "grpc-js"],
      ["rest", "REST (express)", "rest", "json", "http/1.1", "express"],
      ["rest-node", "REST (node:http)", "rest", "json", "http/1.1", "node:http"],
    ],
  );
  for (const arm of allArms()) {
    assert.deepEqual(Object.keys(describeArm(arm)), ["id", "label", "api", "wire", "transport", "framework", "description"], arm.id);
    assert.equal(JSON.parse(JSON.stringify(describeArm(arm))).id, arm.id);
  }
  assert.equal(findArm("soap"), undefined);
});

test("registerArm: appends a valid arm, rejects a duplicate id and invalid fields with a clear Error", () => {
  const before = armIds();
  registerArm(anArm());
  assert.deepEqual(armIds(), [...before, "test-arm"]);
  assert.equal(findArm("test-arm")?.label, "Test arm");
  assert.throws(() => registerArm(anArm()), /^Error: duplicate server arm id "test-arm"/);
  assert.throws(() => registerArm(anArm({ id: "rest", label: "Another REST" })), /duplicate server arm id "rest"/);
  const invalid: [Partial<ServerArm>, RegExp][] = [
    [{ id: "Rest-Node" }, /id must match/],
    [{ id: "-rest" }, /id must match/],
    [{ id: "" }, /id must match/],
    [{ id: "a b" }, /id must match/],
    [{ id: "t1", label: "" }, /label must be a non-empty string/],
    [{ id: "t2", api: "soap" as never }, /api must be one of grpc, rest \(got "soap"\)/],
    [{ id: "t3", wire: "xml" as never }, /wire must be one of protobuf, json/],
    [{ id: "t4", transport: "h3" as never }, /transport must be one of http\/1\.1, h2c/],
    [{ id: "t5", framework: " " }, /framework must be a non-empty string/],
    [{ id: "t6", description: undefined as never }, /description must be a non-empty string/],
    [{ id: "t7", default: "yes" as never }, /default must be a boolean/],
    [{ id: "t8", start: undefined as never }, /start must be a function/],
  ];
  for (const [overrides, message] of invalid) {
    assert.throws(() => registerArm(anArm(overrides)), (err: Error) => message.test(err.message) && !err.message.includes("\n"), JSON.stringify(overrides));
  }
  assert.deepEqual(armIds(), [...before, "test-arm"], "nothing invalid was registered");
});

test("loadArmModules: registers the fixture's arm, once, and lists its absolute path in GRB_ARM_MODULES", async () => {
  const absolute = resolve(ROOT, FIXTURE);
  const loaded = await loadArmModules([FIXTURE]);
  assert.deepEqual(loaded.map((arm) => arm.id), ["rest-fixture"]);
  assert.ok(armIds().indexOf("rest-fixture") > armIds().indexOf("rest-node"), "after the built-in arms");
  assert.deepEqual(describeArm(findArm("rest-fixture")!), {
    id: "rest-fixture",
    label: "REST (fixture)",
    api: "rest",
    wire: "json",
    transport: "http/1.1",
    framework: "node:http",
    description: findArm("rest-fixture")!.description,
  });
  assert.ok((process.env[ARM_MODULES_ENV] ?? "").split(delimiter).includes(absolute));

  // Loading it again, by either path, is not loading it twice.
  const again = await loadArmModules([absolute, FIXTURE]);
  assert.deepEqual(again.map((arm) => arm.id), ["rest-fixture", "rest-fixture"]);
  assert.equal(armIds().filter((id) => id === "rest-fixture").length, 1);
  assert.equal((process.env[ARM_MODULES_ENV] ?? "").split(delimiter).filter((p) => p === absolute).length, 1);

  // It is a working arm, and serves rest-node's bytes.
  const [fixture, restNode] = await Promise.all([findArm("rest-fixture")!, findArm("rest-node")!].map((arm) => arm.start({ host: "127.0.0.1", port: 0 })));
  try {
    assert.equal(fixture!.arm, "rest-fixture");
    const [a, b] = await Promise.all([fixture!, restNode!].map((server) => rest(server.port, "GET", restPath.getUser("u-5"))));
    assert.equal(a!.status, 200);
    assert.equal(a!.text, b!.text);
  } finally {
    await Promise.all([fixture!.close(), restNode!.close()]);
  }
});

test("loadArmModules: a default export works; a bad path, no arm export, an invalid or duplicate arm are one-line Errors naming the path", async (t) => {
  // The temp modules are deleted after this test: later child processes must not be told to load them.
  const environment = process.env[ARM_MODULES_ENV];
  t.after(() => {
    if (environment === undefined) delete process.env[ARM_MODULES_ENV];
    else process.env[ARM_MODULES_ENV] = environment;
  });
  const viaDefault = tempModule(t, "default-arm.mjs", `export default ${ARM_SOURCE("temp-default")};\n`);
  assert.deepEqual((await loadArmModules([viaDefault])).map((arm) => arm.id), ["temp-default"]);

  const missing = join(tmpdir(), "no-such-dir-for-arms", "arm.mjs");
  const noExport = tempModule(t, "no-export.mjs", "export const something = 1;\n");
  const invalid = tempModule(t, "invalid.mjs", `export const arm = { ...${ARM_SOURCE("Bad Id")} };\n`);
  const duplicate = tempModule(t, "duplicate.mjs", `export const arm = ${ARM_SOURCE("rest")};\n`);
  const throwing = tempModule(t, "throwing.mjs", 'throw new Error("module failed\\nsecond line");\n');
  const cases: [string, RegExp][] = [
    [missing, /^cannot load arm module .*no-such-dir-for-arms.arm\.mjs: /],
    [noExport, /^arm module .*no-export\.mjs exports neither `arm` nor a default export$/],
    [invalid, /^arm module .*invalid\.mjs: invalid server arm "Bad Id": id must match/],
    [duplicate, /^arm module .*duplicate\.mjs: duplicate server arm id "rest"/],
    [throwing, /^cannot load arm module .*throwing\.mjs: module failed$/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(loadArmModules([path]), (err: Error) => {
      assert.match(err.message, message);
      assert.ok(!err.message.includes("\n"), "one line");
      return true;
    });
  }
  assert.ok(!armIds().includes("Bad Id"));
  assert.ok(!(process.env[ARM_MODULES_ENV] ?? "").includes("duplicate.mjs"), "a module that failed is not handed on");
});

test("a child process started after loadArmModules sees the plugin arm (GRB_ARM_MODULES)", { timeout: 60_000 }, async () => {
  await loadArmModules([FIXTURE]);
  const script = 'const r = await import("./servers/registry.ts"); console.log(JSON.stringify(r.armIds()));';
  const stdout = await new Promise<string>((resolvePromise, reject) => {
    execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, env: process.env, timeout: 30_000 }, (err, out, errOut) =>
      err ? reject(new Error(`${err.message}\n${errOut}`)) : resolvePromise(out),
    );
  });
  const ids = JSON.parse(stdout) as string[];
  assert.deepEqual(ids.slice(0, 3), ["grpc", "rest", "rest-node"]);
  assert.ok(ids.includes("rest-fixture"), `the child's arms: ${ids.join(", ")}`);
});
