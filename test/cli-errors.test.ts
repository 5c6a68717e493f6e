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
  it("unknown family", () => assertUsageError(["--only", "load,sizes"], /unknown family sizes \(known: load, size, compression, micro, multiplex, stream\)/));
  it("unknown profile", () => assertUsageError(["--profile", "slow"], /--profile slow: unknown profile \(known: quick, full\)/));
  it("missing value", () => assertUsageError(["--out"], /--out <value>' argument missing/));
  it("stray positional", () => assertUsageError(["load"], /Unexpected argument 'load'/));
  it("non-loopback target", () => assertUsageError(["--target-rest", "http://10.1.2.3:8080"], /only loopback targets/));
  it("malformed gRPC target", () => assertUsageError(["--target-grpc", "127.0.0.1"], /expected HOST:PORT/));

  it("unreachable target", async () => {
    // a port that was free a moment ago: listen on 0, note the port, close
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    assertUsageError(["--target-grpc", `127.0.0.1:${port}`, "--only", "load"], new RegExp(`--target-grpc 127.0.0.1:${port} is not reachable \\(ECONNREFUSED\\)`));
  });

  it("--help prints the usage on stdout and exits 0", () => {
    const r = bench(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^usage: npm run bench/);
  });
});

describe("resolveRunOptions", () => {
  it("defaults: quick, every family in run order, default out, no targets", () => {
    assert.deepEqual(resolveRunOptions([]), {
      profile: "quick",
      families: ["load", "size", "compression", "micro", "multiplex", "stream"],
      out: null,
      targets: { grpc: null, rest: null },
      help: false,
    });
  });

  it("normalizes targets and keeps the fixed family order", () => {
    const o = resolveRunOptions(["--only", "stream, size", "--target-grpc", "[::1]:50051", "--target-rest", "http://localhost:8080/"]);
    assert.deepEqual(o.families, ["size", "stream"]);
    assert.deepEqual(o.targets, { grpc: "[::1]:50051", rest: "http://localhost:8080" });
  });

  it("rejects what a user can get wrong with a UsageError", () => {
    for (const argv of [["--only", ""], ["--target-grpc", "127.0.0.1:70000"], ["--target-rest", "https://127.0.0.1:1"], ["--target-rest", "http://127.0.0.1:1/api"]]) {
      assert.throws(() => resolveRunOptions(argv), UsageError, argv.join(" "));
    }
  });
});
