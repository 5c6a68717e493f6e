// --workers N, --shard I/N and --start-at ISO: parsed and checked once (one line, exit 2 when wrong), the sharded
// schedule deterministic, the clock offset estimated from a REST target's Date header. Loopback only.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, it, test } from "node:test";
import { resolveRunOptions, UsageError } from "../bench/run-options.js";
import { estimateClockOffset } from "../bench/shard/clock-offset.js";
import { splitOptions } from "../bench/shard/shard-record.js";
import { ShardTimeline } from "../bench/shard/shard-timeline.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";

function assertUsageError(args: string[], pattern: RegExp) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/cli.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 2, `exit code for ${args.join(" ")}: stderr ${r.stderr}`);
  assert.equal(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  assert.match(lines[0] as string, pattern);
}

const targets = ["--target", "grpc=grpc://127.0.0.1:50051", "--target", "rest=http://127.0.0.1:8080", "--arms", "grpc,rest"];

describe("--workers, --shard, --start-at are checked before anything runs", () => {
  it("--workers out of range, through the CLI: one line, exit 2", () => assertUsageError(["--workers", "0"], /^bench: --workers 0: expected a whole number of load-generator processes from 1 to 64$/));
  it("--shard with an index out of 0..N-1, through the CLI", () => assertUsageError(["--shard", "3/3", ...targets], /^bench: --shard 3\/3: I is 0-based, so it must be 0\.\.2 \(shard 3 of 3 is 2\/3\)$/));
  it("--shard without targets, through the CLI", () => assertUsageError(["--shard", "0/2", "--arms", "grpc,rest"], /^bench: --shard 0\/2: every shard must load the same running servers: give --target for grpc, rest/));

  it("parses and resolves", () => {
    assert.equal(resolveRunOptions(["--workers", "4"]).workers, 4);
    assert.equal(resolveRunOptions(["--workers", "1"]).workers, undefined, "1 is the default: the run resolves as without the flag");
    assert.deepEqual(resolveRunOptions([]).workers, undefined);
    const sharded = resolveRunOptions(["--shard", "1/3", "--start-at", "2026-11-30T20:00:00Z", ...targets]);
    assert.deepEqual(sharded.shard, { index: 1, count: 3 });
    assert.equal(sharded.startAtMs, Date.parse("2026-11-30T20:00:00Z"));
    assert.deepEqual(sharded.families, ["load"], "a shard runs the load family unless --only says more");
    assert.deepEqual(resolveRunOptions(["--shard", "0/2", "--only", "load,size,micro", ...targets]).families, ["load", "size", "micro"]);
    assert.deepEqual(splitOptions(sharded), { shard: "1/3", startAt: "2026-11-30T20:00:00.000Z" });
  });

  it("rejects what cannot work", () => {
    const bad: [string[], RegExp][] = [
      [["--workers", "65"], /--workers 65: expected a whole number .* from 1 to 64/],
      [["--workers", "2.5"], /--workers 2\.5/],
      [["--shard", "1"], /--shard 1: expected I\/N, e.g\. 0\/3/],
      [["--shard", "0/0", ...targets], /N must be at least 1/],
      [["--start-at", "2026-11-30T20:00:00Z"], /--start-at: only a sharded run/],
      [["--shard", "0/2", "--start-at", "tomorrow", ...targets], /--start-at tomorrow: expected an ISO time with its zone/],
      [["--shard", "0/2", "--start-at", "2026-11-30T20:00:00", ...targets], /expected an ISO time with its zone/],
      [["--shard", "0/2", "--only", "load,multiplex", ...targets], /--shard: multiplex cannot be sharded/],
      [["--shard", "0/2", "--target", "grpc=grpc://127.0.0.1:50051", "--arms", "grpc,rest"], /give --target for rest/],
    ];
    for (const [args, pattern] of bad) assert.throws(() => resolveRunOptions(args), (e: unknown) => e instanceof UsageError && pattern.test(e.message), args.join(" "));
  });
});

test("the sharded schedule depends only on what is scheduled, never on when it ran", () => {
  const plan = (t: ShardTimeline) => [t.next("h2-frames", 2, 0.3), t.next("autocannon", 2, 0.3), t.next("h2-frames", 0.1, 0.3), t.next("grpc-js", 0.2, 0.75)];
  const a = plan(new ShardTimeline(1_000_000));
  const b = plan(new ShardTimeline(1_000_000));
  assert.deepEqual(a, b);
  // set-up, then warm-up until the window; slots never overlap
  assert.equal(a[0]?.startMs, 1_000_000);
  for (let i = 1; i < a.length; i++) assert.ok((a[i]?.startMs ?? 0) >= (a[i - 1]?.beginAtMs ?? 0) + 300, `slot ${i}`);
  // the third slot reuses a loaded driver: set-up only, plus its warm-up
  assert.equal((a[2]?.beginAtMs ?? 0) - (a[2]?.startMs ?? 0), 500 + 100);
});

let rest: ServerProcess;
before(async () => {
  rest = await startServerProcess({ arm: "rest" });
});
after(async () => {
  await rest?.stop();
});

test("clock offset from a REST target's Date header ticks: about 0 on this host, with its precision said", async () => {
  const clock = await estimateClockOffset({ rest: rest.target }, { ca: null, insecure: false });
  assert.notEqual(clock.offsetMs, null, clock.note);
  // same host, same clock: no timing assertion (a busy host delays the server's tick), only that the estimate is
  // finer than the header's one-second resolution and says its precision
  assert.ok(Math.abs(clock.offsetMs as number) < 1000, `${clock.offsetMs} ms, ${clock.note}`);
  assert.match(clock.note, /±[\d.]+ ms/);
  const none = await estimateClockOffset({ grpc: "127.0.0.1:1" }, { ca: null, insecure: false });
  assert.equal(none.offsetMs, null);
  assert.match(none.note, /gRPC targets send none/);
});
