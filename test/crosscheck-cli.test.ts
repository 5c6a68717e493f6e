// `npm run bench:crosscheck`: user errors are one line and exit 2; the throughput crosscheck pairs our drivers'
// windows with h2load's and wrk's in rotating order; `--cpu-cv` fills every run from interleaved windows. Figures
// are never asserted (they are the benchmark's business), only the shape of what is printed.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { parseCrosscheckOptions } from "../bench/crosscheck/crosscheck-options.js";
import { requireTool, TOOLS } from "./fixtures/requires-tool.js";

function crosscheck(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/crosscheck.ts", ...args], { encoding: "utf8", timeout: 120_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bench:crosscheck CLI", () => {
  // Every mistake the options parser names; how the CLI prints one (one line, exit 2) is checked just below.
  for (const [args, pattern] of [
    [["--slices", "0"], /^--slices must be a positive integer, got 0$/],
    [["--runs", "2.5"], /^--runs must be a positive integer, got 2.5$/],
    [["--protocol", "soap"], /^--protocol must be grpc or rest, got soap$/],
    [["--fast"], /Unknown option '--fast'/],
    [["--warmup", "x"], /^--warmup must be a non-negative number, got x$/],
    [["--max-steal", "-"], /^--max-steal must be a non-negative number, got -$/],
    [["--protocol", "rest", "--duration", "1.5"], /^--duration must be whole seconds when wrk runs \(REST\), got 1.5$/],
    [["--arms", "grpc,soap"], /^--arms must list some of grpc, rest, json-h2, got grpc,soap$/],
    [["--arms", "json-h2", "--protocol", "grpc"], /^give --arms or --protocol, not both$/],
    [["--protocol", "grpc", "--concurrency", "10", "--grpc-connections", "4"], /^--concurrency 10 is not a multiple of --grpc-connections 4$/],
    [["--token", ""], /^--token /],
  ] as const) {
    it(`rejects ${args.join(" ")}`, () => {
      assert.throws(() => parseCrosscheckOptions([...args], {}), (error: Error) => pattern.test(error.message) && !error.message.includes("\n"));
    });
  }

  it("checks whole seconds and whole streams for the crosscheck only: --cpu-cv and --soak take any duration", () => {
    for (const args of [
      ["--cpu-cv", "--protocol", "rest", "--duration", "0.6"],
      ["--soak", "1.5", "--protocol", "rest", "--duration", "1.5"],
      ["--cpu-cv", "--concurrency", "10", "--grpc-connections", "4"],
    ]) {
      assert.notEqual(parseCrosscheckOptions(args, {}), "help", args.join(" "));
    }
    assert.equal(parseCrosscheckOptions(["--help"], {}), "help");
  });

  // Usage before tools: with neither wrk nor h2load on PATH, a mistake in the arguments is still that mistake
  // (exit 2, one line on stderr, nothing on stdout), not "wrk not found" and exit 0. No tool is needed for this, so
  // it runs everywhere.
  for (const [args, pattern] of [
    [["--protocol", "rest", "--duration", "1.5"], /^bench:crosscheck: --duration must be whole seconds when wrk runs \(REST\), got 1.5 \(--help for usage\)$/],
    [["--protocol", "grpc", "--concurrency", "10", "--grpc-connections", "4"], /--concurrency 10 is not a multiple of --grpc-connections 4/],
    [["--arms", "json-h2", "--concurrency", "10", "--grpc-connections", "4"], /--concurrency 10 is not a multiple of --grpc-connections 4/],
    [["--fast"], /Unknown option '--fast'/],
  ] as const) {
    it(`checks ${args.join(" ")} before looking for wrk or h2load: one line, exit 2`, () => {
      const r = crosscheck([...args], { ...process.env, PATH: "/nonexistent" });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0]!, pattern);
    });
  }

  it("pairs each driver's windows with the neutral tool's, the running order rotating every round", (t) => {
    if (requireTool(t, TOOLS.h2load, TOOLS.wrk)) return;
    const r = crosscheck(["--rounds", "2", "--all-drivers"]);
    assert.equal(r.code, 0, r.stderr);
    for (const [protocol, drivers] of [
      ["gRPC", ["h2-frames", "h2load", "h2-node"]],
      ["REST", ["autocannon", "wrk", "h1-lean"]],
      ["json-h2", ["h2-frames", "h2load"]],
    ] as const) {
      const rounds = [...r.stderr.matchAll(new RegExp(`${protocol} round (\\d+): (.*); (\\d)/2 rounds without steal`, "g"))];
      // 2 rounds without steal are wanted; steal on this host can stretch that to at most 4.
      assert.ok(rounds.length >= 2 && rounds.length <= 4, r.stderr);
      rounds.forEach((m, i) => {
        assert.equal(Number(m[1]), i + 1);
        const order = [...m[2]!.matchAll(/([\w-]+) \d+ calls\/s/g)].map((d) => d[1]);
        const k = i % drivers.length;
        assert.deepEqual(order, [...drivers.slice(k), ...drivers.slice(0, k)], m[0]);
      });
    }
    for (const pair of ["h2-frames | h2load", "h2-node | h2load", "autocannon | wrk", "h1-lean | wrk"]) assert.match(r.stdout, new RegExp(`\\| ${pair} \\| \\d/[2-4] \\|`), r.stdout);
    // REST over h2c is its own case, named in its row and in its one-line verdict
    assert.match(r.stdout, /\| json-h2 GetUser\/small c4x8 \| h2-frames \| h2load \| \d\/[2-4] \|/, r.stdout);
    assert.match(r.stdout, /^json-h2 GetUser\/small c4x8: ours \(h2-frames\)\/h2load = /m, r.stdout);
    assert.match(r.stdout, /geometric mean of the per-round ratios with a paired 95% CI, over the rounds in which the hypervisor took at most 2%/);
  });

  it("Ctrl-C (to the whole process group, h2load included) prints the rounds measured so far and exits 130", async (t) => {
    if (requireTool(t, TOOLS.h2load)) return;
    const child = spawn(process.execPath, ["--import", "tsx", "bench/crosscheck.ts", "--protocol", "grpc", "--rounds", "50"], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        // Interrupt in the middle of round 2's first window (h2load's, when it runs first), once round 1 is on record.
        if (/gRPC round 1: /.test(stderr)) resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(-child.pid!, "SIGINT");
    assert.equal(await exited, 130, stderr);
    assert.match(stderr, /interrupted; the figures cover the rounds measured so far/);
    assert.match(stdout, /\| h2-frames \| h2load \| \d+\/\d+ \|/, stdout);
  });

  it("--cpu-cv: every run gets its share of the interleaved windows, in rotated order", () => {
    const r = crosscheck(["--cpu-cv", "--protocol", "grpc", "--runs", "2", "--slices", "2", "--duration", "0.6", "--warmup", "0.1"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 runs per protocol, a run's figure its total CPU over its total calls \(each 2 windows of 0.3 s, interleaved/);
    const row = r.stdout.split("\n").find((l) => l.startsWith("| grpc |"));
    assert.ok(row, r.stdout);
    assert.equal(row.split("|")[2]!.split(",").length, 2, row);
    // Round 1 opens with run 1, round 2 with run 2.
    const order = [...r.stderr.matchAll(/window (\d)\/2 of run (\d)\/2 grpc/g)].map((m) => `${m[1]}:${m[2]}`);
    assert.deepEqual(order, ["1:1", "1:2", "2:2", "2:1"]);
  });
});
