// `--config FILE`: the schema, and every check after it, end in one line naming the file and the key by its path
// (and its line); through the CLI that line is all of stderr and the exit code is 2. Also: relative paths, import
// paths as protoc takes them, the committed JSON Schema and the shop example's samples kept in step with their sources.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../bench/config/load-config.js";
import { applyRunConfig, defaultConfigFamilies } from "../bench/config/config-run-options.js";
import { CONFIG_SCHEMA_FILE, configSchemaText } from "../bench/config/write-config-schema.js";
import { resolveRunOptions, UsageError } from "../bench/run-options.js";
import { shopSamples } from "../examples/shop/write-samples.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(REPO, "test", "fixtures", "config");
const dir = mkdtempSync(join(tmpdir(), "config-file-"));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "protos"));
copyFileSync(join(FIXTURES, "demo.proto"), join(dir, "protos", "demo.proto"));
copyFileSync(join(REPO, "test", "fixtures", "byo-api", "route_guide.proto"), join(dir, "route_guide.proto"));
writeFileSync(join(dir, "point.json"), JSON.stringify({ latitude: 1, longitude: 2 }));
writeFileSync(join(dir, "bad-point.json"), JSON.stringify({ latitude: "north" }));

let n = 0;
/** Writes a config into the temp dir, returns its path. */
function config(text: string, ext = "yaml"): string {
  const file = join(dir, `c${++n}.${ext}`);
  writeFileSync(file, text);
  return file;
}

const ROUTE_GUIDE = `protos: [route_guide.proto]\n`;
const GET_FEATURE = (extra = "") => `${ROUTE_GUIDE}calls:\n  - name: get-feature\n    grpc: routeguide.RouteGuide/GetFeature\n${extra}`;

/** loadConfig's UsageError message for the config, which must be one line. */
function problem(text: string, ext = "yaml"): string {
  const file = config(text, ext);
  try {
    loadConfig(file);
  } catch (error) {
    assert.ok(error instanceof UsageError, `a UsageError, got ${String(error)}`);
    assert.equal(error.message.split("\n").length, 1, error.message);
    assert.ok(error.message.startsWith(`${file}: `), error.message);
    return error.message.slice(file.length + 2);
  }
  assert.fail(`no problem found in\n${text}`);
}

function bench(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("schema errors, by path", () => {
  it("a misspelt key", () => assert.match(problem(GET_FEATURE("    reqest: {}\n")), /^calls\[0\]\.reqest: unknown key .*\(line 5\)$/));
  it("a missing key", () => assert.match(problem("calls: []\n"), /^missing protos$/));
  it("a method that is not package.Service/Method", () => assert.match(problem(`${ROUTE_GUIDE}calls:\n  - { name: a, grpc: GetFeature }\n`), /^calls\[0\]\.grpc: expected package\.Service\/Method, got "GetFeature" \(line 3\)$/));
  it("an unknown family", () => assert.match(problem(`${ROUTE_GUIDE}families: [size, sizes]\n`), /^families\[1\]: must be one of load, size, compression, micro, multiplex, stream, tls, not "sizes"/));
  it("request and requests both", () => assert.match(problem(GET_FEATURE("    request: {}\n    requests: [{}]\n")), /^calls\[0\]: give request or requests, not both/));
  it("a target of the wrong scheme", () => assert.match(problem(`${ROUTE_GUIDE}targets: { grpc: "http://127.0.0.1:1" }\n`), /^targets\.grpc: expected grpc:\/\/HOST:PORT or grpcs:\/\/HOST:PORT, got "http:\/\/127\.0\.0\.1:1"/));
  it("JSON is read as well as YAML", () => assert.match(problem(JSON.stringify({ protos: ["route_guide.proto"], profile: "slow" }), "json"), /^profile: must be one of quick, full, not "slow"/));
  it("a YAML syntax error names its line", () => {
    const file = config(`${ROUTE_GUIDE}calls: [\n`);
    assert.throws(() => loadConfig(file), (e: Error) => e instanceof UsageError && /: not valid YAML \(line \d\): /.test(e.message));
  });
  it("the committed config.schema.json is the schema the loader checks with", () => assert.equal(readFileSync(CONFIG_SCHEMA_FILE, "utf8"), configSchemaText()));
});

describe("what the protos decide, by path", () => {
  it("an unknown method", () =>
    assert.match(problem(`${ROUTE_GUIDE}calls:\n  - { name: a, grpc: routeguide.RouteGuide/GetFeatur }\n`), /^calls\[0\]\.grpc: no method routeguide\.RouteGuide\/GetFeatur in the loaded protos \(routeguide\.RouteGuide has GetFeature, ListFeatures, RecordRoute, RouteChat\) \(line 3\)$/));
  it("an unknown service", () => assert.match(problem(`${ROUTE_GUIDE}calls:\n  - { name: a, grpc: routeguide.Guide/GetFeature }\n`), /^calls\[0\]\.grpc: no service routeguide\.Guide in the loaded protos \(services: routeguide\.RouteGuide\)/));
  it("request JSON that does not fit the message", () =>
    assert.match(problem(GET_FEATURE("    request: { latitude: north }\n")), /^calls\[0\]\.request: does not fit routeguide\.Point: Point\.latitude: expected an int32, got "north" \(line 5\)$/));
  it("a field the message does not have", () => assert.match(problem(GET_FEATURE("    requests: [{ latitude: 1 }, { lat: 1 }]\n")), /^calls\[0\]\.requests\[1\]: does not fit routeguide\.Point: Point: unknown field "lat"/));
  it("a request file that does not fit", () => assert.match(problem(GET_FEATURE("    request: bad-point.json\n")), /^calls\[0\]\.request: does not fit routeguide\.Point: Point\.latitude: expected an int32/));
  it("a request file that is not there", () => assert.match(problem(GET_FEATURE("    request: nowhere.json\n")), /^calls\[0\]\.request: cannot read nowhere\.json \(ENOENT\)/));
  it("an explicit REST path naming a field the request does not have", () =>
    assert.match(problem(GET_FEATURE("    rest: { method: GET, path: '/v1/features/{lat}/{longitude}' }\n")), /^calls\[0\]\.rest\.path: \{lat\} names no field of routeguide\.Point/));
  it("an annotation's template naming a field the request does not have", () =>
    assert.match(problem(`protos: [protos/demo.proto]\ncalls:\n  - { name: b, grpc: demo.v1.Things/Broken }\n`), /^calls\[0\]\.grpc: Things\.Broken: google\.api\.http: path variable \{nope\} names no field of ThingRequest/));
  it("an annotation whose template does not parse", () =>
    assert.match(problem(`protos: [protos/demo.proto]\ncalls:\n  - { name: b, grpc: demo.v1.Things/BadTemplate }\n`), /^calls\[0\]\.grpc: demo\.v1\.Things\/BadTemplate: google\.api\.http: path template "v1\/things\/\{name\}": must start with "\/"/));
  it("a method without an annotation and no rest", () => assert.match(problem(`protos: [protos/demo.proto]\ncalls:\n  - { name: p, grpc: demo.v1.Things/Plain }\n`), /^calls\[0\]: demo\.v1\.Things\/Plain has no google\.api\.http annotation: give the REST side as rest:/));
  it("a request that leaves a path field empty", () =>
    assert.match(problem(`protos: [protos/demo.proto]\ncalls:\n  - { name: c, grpc: demo.v1.Things/CreateThing, request: { tags: [a] } }\n`), /^calls\[0\]\.request: the path needs name, which the request leaves empty \(google\.api\.http of demo\.v1\.Things\/CreateThing: POST \/v1\/things\/\{name\}\)/));
  it("a message type that is not there", () => assert.match(problem(`${ROUTE_GUIDE}messages:\n  - { type: routeguide.Feeture, samples: [point.json] }\n`), /^messages\[0\]\.type: no message type routeguide\.Feeture in the loaded protos/));
  it("a sample that does not fit its type", () => assert.match(problem(`${ROUTE_GUIDE}messages:\n  - { type: routeguide.Point, samples: [point.json, bad-point.json] }\n`), /^messages\[0\]\.samples\[1\]: bad-point\.json: not a canonical JSON routeguide\.Point: Point\.latitude/));
  it("a well-known type whose JSON form is not mapped", () => assert.match(problem(`protos: [protos/demo.proto]\ncalls:\n  - { name: t, grpc: demo.v1.Things/WithTimeout, rest: { method: GET, path: /t } }\n`), /^calls\[0\]\.grpc: the request demo\.v1\.Timed holds timeout \(google\.protobuf\.Duration\)/));
  it("a proto that is not there", () => assert.match(problem("protos: [nowhere.proto]\n"), /^protos\[0\]: no file nowhere\.proto \(relative to the config file or an import path\)/));
  it("two calls of one name", () => assert.match(problem(GET_FEATURE("  - { name: get-feature, grpc: routeguide.RouteGuide/GetFeature }\n")), /^calls\[1\]: the name get-feature is taken by an earlier call/));
});

describe("a config that loads", () => {
  it("resolves protos through importPaths as protoc does, requests round-robin, REST from rest.path with {fields}", () => {
    const file = config(
      `protos: [demo.proto]\nimportPaths: [protos/]\ncalls:\n` +
        `  - name: get\n    grpc: demo.v1.Things/GetThing\n    requests: [{ name: shelves/s1, inner: { id: a } }, { name: shelves/s2, inner: { id: b }, color: RED, big: '9007199254740993' }]\n    check: equal-json\n` +
        `  - name: post\n    grpc: demo.v1.Things/Plain\n    request: { name: n 1, pageSize: 3 }\n    rest: { method: post, path: "/v2/{name}/x?v=1", body: "*" }\n` +
        `messages:\n  - { type: demo.v1.Thing, samples: [thing.json] }\n`,
    );
    writeFileSync(join(dir, "thing.json"), JSON.stringify({ name: "t", page_size: 7 })); // proto names are accepted too
    const c = loadConfig(file);
    const [get, post] = c.calls;
    assert.equal(get!.grpc.path, "/demo.v1.Things/GetThing");
    assert.equal(get!.grpc.requests.length, 2);
    assert.deepEqual(get!.grpc.requestsJson, [{ name: "shelves/s1", inner: { id: "a" } }, { name: "shelves/s2", inner: { id: "b" }, color: "RED", big: "9007199254740993" }]);
    assert.deepEqual(get!.rest, { method: "GET", derivedFrom: "annotation", requests: [{ path: "/v1/shelves/s1/things/a", body: null }, { path: "/v1/shelves/s2/things/b?color=RED&big=9007199254740993", body: null }] });
    assert.equal(get!.check, "equal-json");
    assert.deepEqual(get!.grpc.requestType.decode(get!.grpc.requests[1]!).toJSON(), { name: "shelves/s2", inner: { id: "b" }, color: "RED", big: "9007199254740993" });
    assert.deepEqual(post!.rest, { method: "POST", derivedFrom: "config", requests: [{ path: "/v2/n%201/x?v=1", body: '{"name":"n 1","pageSize":3}' }] });
    assert.equal(c.messages[0]!.name, "demo.v1.Thing");
    assert.deepEqual(c.messages[0]!.samples.map((s) => [s.file, s.value]), [["thing.json", { name: "t", pageSize: 7 }]]);
    assert.deepEqual(c.families, null);
    assert.deepEqual(defaultConfigFamilies(c), ["load", "size", "micro", "multiplex"]);
  });

  it("the config's families and profile apply unless --only / --profile say otherwise; shop-only families are refused", () => {
    const file = config(`${ROUTE_GUIDE}messages:\n  - { type: routeguide.Point, samples: [point.json] }\nfamilies: [size]\nprofile: full\n`);
    const c = loadConfig(file);
    const plain = applyRunConfig(resolveRunOptions(["--config", file]), c);
    assert.deepEqual([plain.families, plain.profile, plain.baseline, plain.targets], [["size"], "full", "rest", {}]);
    const flags = applyRunConfig(resolveRunOptions(["--config", file, "--only", "micro,size", "--profile", "quick"]), c);
    assert.deepEqual([flags.families, flags.profile], [["size", "micro"], "quick"]);
    assert.throws(() => applyRunConfig(resolveRunOptions(["--config", file, "--only", "size,stream"]), c), /--only: stream measures the built-in shop servers, not a config's/);
    assert.throws(() => applyRunConfig(resolveRunOptions(["--config", file, "--only", "load"]), c), /load needs calls, and the config has none/);
  });

  it("examples/shop.yaml loads: the shop's calls with their REST side from shop.proto's annotations", () => {
    const c = loadConfig(join(REPO, "examples", "shop.yaml"));
    assert.deepEqual(
      c.calls.map((call) => [call.name, call.grpc.path, call.rest.method, call.rest.derivedFrom, call.rest.requests.map((r) => r.path)]),
      [
        ["GetUser", "/shop.v1.UserService/GetUser", "GET", "annotation", ["/v1/users/u-6", "/v1/users/u-1"]],
        ["ListOrders", "/shop.v1.OrderService/ListOrders", "GET", "annotation", ["/v1/users/u-1/orders?limit=7"]],
      ],
    );
    assert.deepEqual(c.targets, { grpc: "grpc://127.0.0.1:50051", rest: "http://127.0.0.1:8080" });
    assert.deepEqual(c.messages.map((m) => m.name), ["shop.v1.User", "shop.v1.ListOrdersResponse"]);
  });

  it("examples/shop/*.json are still what the payload generator makes", () => {
    for (const [name, text] of Object.entries(shopSamples())) assert.equal(readFileSync(join(REPO, "examples", "shop", name), "utf8"), text, name);
  });
});

describe("through the CLI: one line, exit 2", () => {
  function assertUsageError(args: string[], pattern: RegExp) {
    const r = bench(args);
    assert.equal(r.code, 2, `exit code for ${args.join(" ")}: stderr ${r.stderr}`);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
    assert.match(lines[0]!, pattern);
  }

  it("an unknown method", () => {
    const file = config(`${ROUTE_GUIDE}calls:\n  - { name: a, grpc: routeguide.RouteGuide/GetFeatur }\n`);
    assertUsageError(["--config", file], /^bench: .*\.yaml: calls\[0\]\.grpc: no method routeguide\.RouteGuide\/GetFeatur in the loaded protos/);
  });

  it("a config that is not there", () => assertUsageError(["--config", join(dir, "none.yaml")], /^bench: --config .*none\.yaml: cannot read it \(ENOENT\)$/));

  it("--config with --arms", () => assertUsageError(["--config", "examples/shop.yaml", "--arms", "grpc,rest"], /^bench: --config examples\/shop\.yaml and --arms do not go together/));

  it("an unreachable target names targets.grpc in the config", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const file = config(GET_FEATURE(`    request: point.json\n`) + `targets: { grpc: "grpc://127.0.0.1:${port}", rest: "http://127.0.0.1:${port}" }\n`);
    assertUsageError(["--config", file, "--only", "load"], new RegExp(`^bench: .*\\.yaml: targets\\.grpc \\(grpc://127\\.0\\.0\\.1:${port}\\).*(refused|not reachable)`));
  });
});
