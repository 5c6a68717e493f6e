// `npm run bench` user errors: one line on stderr, exit 2, nothing on stdout, no stack trace.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { describe, it } from "node:test";
import { resolveRunOptions, UsageError } from "../bench/run-options.js";

function bench(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertUsageError(args: string[], pattern: RegExp) {
  const r = bench(args);
  assert.equal(r.code, 2, `exit code for ${args.join(" ")}: stderr ${r.stderr}`);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

describe("bench CLI user errors", () => {
  it("unknown flag", () => assertUsageError(["--fast"], /^bench: Unknown option '--fast'$/));
  it("unknown family", () => assertUsageError(["--only", "load,sizes"], /unknown family sizes \(known: load, size, compression, micro, multiplex, stream, tls\)/));
  it("unknown profile", () => assertUsageError(["--profile", "slow"], /--profile slow: unknown profile \(known: quick, full\)/));
  it("missing value", () => assertUsageError(["--out"], /--out <value>' argument missing/));
  it("stray positional", () => assertUsageError(["load"], /Unexpected argument 'load'/));
  it("malformed gRPC target", () => assertUsageError(["--target-grpc", "127.0.0.1"], /--target-grpc 127.0.0.1: the port is required/));
  it("unknown arm", () => assertUsageError(["--arms", "grpc,express"], /--arms: unknown arm "express" \(known: grpc, rest, rest-node/));
  it("baseline not measured", () => assertUsageError(["--arms", "grpc,rest-node", "--baseline", "rest"], /--baseline rest: not among the arms measured \(grpc, rest-node\)/));
  it("target URL of the wrong kind for the arm", () => assertUsageError(["--target", "grpc=http://127.0.0.1:50051"], /arm grpc speaks grpc, so its target is grpc:\/\/HOST:PORT/));
  it("--rounds out of range", () => assertUsageError(["--rounds", "2"], /^bench: --rounds 2: expected a whole number of paired rounds from 3 to 1000$/));
  it("--rounds not a number", () => assertUsageError(["--rounds", "ten"], /^bench: --rounds ten: expected a whole number of paired rounds/));
  it("arm module that does not load", () => assertUsageError(["--arm-module", "test/fixtures/arms/no-such-arm.ts"], /^bench: --arm-module: .*no-such-arm\.ts/));

  it("unreachable target", async () => {
    // a port that was free a moment ago: listen on 0, note the port, close
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    assertUsageError(["--target-grpc", `127.0.0.1:${port}`, "--only", "load"], new RegExp(`--target grpc=127.0.0.1:${port} is not reachable \\(ECONNREFUSED\\)`));
  });

  it("--help prints the usage on stdout and exits 0", () => {
    const r = bench(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^usage: npm run bench/);
  });
});

describe("resolveRunOptions", () => {
  it("--rounds N: the load family's paired rounds, absent without the flag", () => {
    assert.equal(resolveRunOptions(["--rounds", "40"]).rounds, 40);
    assert.equal(resolveRunOptions([]).rounds, undefined);
    assert.throws(() => resolveRunOptions(["--rounds", "1001"]), (e: Error) => e instanceof UsageError && /from 3 to 1000/.test(e.message));
  });

  it("defaults: quick, every family in run order but tls (no TLS asked for), default out, the default arms against rest, no targets", () => {
    assert.deepEqual(resolveRunOptions([]), {
      profile: "quick",
      families: ["load", "size", "compression", "micro", "multiplex", "stream"],
      out: null,
      // every built-in arm: the attribution chain and its side paths need them all
      arms: ["grpc", "rest", "rest-node", "rest-fastify", "json-h2", "protobuf-h1", "grpc-raw", "gateway"],
      baseline: "rest",
      targets: {},
      armModules: [],
      help: false,
    });
  });

  it("the tls family: in quick only when the run speaks TLS, always in full", () => {
    assert.ok(resolveRunOptions(["--tls"]).families.includes("tls"));
    assert.ok(resolveRunOptions(["--target", "grpc=grpcs://127.0.0.1:1"]).families.includes("tls"));
    assert.ok(resolveRunOptions(["--profile", "full"]).families.includes("tls"));
    assert.ok(!resolveRunOptions(["--target", "grpc=grpc://127.0.0.1:1"]).families.includes("tls"));
    assert.deepEqual(resolveRunOptions(["--only", "tls"]).families, ["tls"]);
  });

  it("normalizes targets and keeps the fixed family order", () => {
    const o = resolveRunOptions(["--only", "stream, size", "--target-grpc", "[::1]:50051", "--target-rest", "http://localhost:8080/"]);
    assert.deepEqual(o.families, ["size", "stream"]);
    assert.deepEqual(o.targets, { grpc: "[::1]:50051", rest: "http://localhost:8080" });
    const t = resolveRunOptions(["--target", "grpc=grpc://127.0.0.1:50051", "--target", "rest-node=http://127.0.0.1:8081"]);
    assert.deepEqual(t.targets, { grpc: "127.0.0.1:50051", "rest-node": "http://127.0.0.1:8081" });
    assert.ok(t.arms.includes("rest-node"), "a target's arm is in the run");
    assert.deepEqual(resolveRunOptions(["--arms", "grpc,rest", "--target", "rest=http://127.0.0.1:8081"]).arms, ["grpc", "rest"]);
  });

  it("any host is a valid target: the product measures whatever its users name (parsed only, never dialled here)", () => {
    assert.deepEqual(resolveRunOptions(["--target", "grpc=grpc://grpc.internal.example:443", "--target-rest", "http://10.1.2.3:8080"]).targets, {
      grpc: "grpc.internal.example:443",
      rest: "http://10.1.2.3:8080",
    });
  });

  it("arms in registry order, the baseline defaults to rest or the first REST arm", () => {
    assert.deepEqual(resolveRunOptions(["--arms", "rest-node, grpc,rest"]).arms, ["grpc", "rest", "rest-node"]);
    assert.equal(resolveRunOptions(["--arms", "grpc,rest-node"]).baseline, "rest-node");
    assert.equal(resolveRunOptions(["--arms", "grpc,rest,rest-node", "--baseline", "rest-node"]).baseline, "rest-node");
    assert.equal(resolveRunOptions(["--arms", "grpc"]).baseline, "grpc");
  });

  it("rejects what a user can get wrong with a UsageError", () => {
    for (const argv of [
      ["--only", ""],
      ["--target-grpc", "127.0.0.1:70000"],
      ["--target-rest", "grpcs://127.0.0.1:1"],
      ["--target", "grpc=https://127.0.0.1:1"],
      ["--target-rest", "http://127.0.0.1:1/api"],
      ["--target", "grpc"],
      ["--target", "nope=http://127.0.0.1:1"],
      ["--target", "rest=grpc://127.0.0.1:1"],
      ["--target", "rest=http://127.0.0.1:1", "--target-rest", "http://127.0.0.1:2"],
      ["--arms", ""],
      ["--arms", "grpc,grpc"],
      ["--arms", "grpc", "--target", "rest=http://127.0.0.1:1"],
      ["--baseline", "nope"],
    ]) {
      assert.throws(() => resolveRunOptions(argv), UsageError, argv.join(" "));
    }
  });
});
