// --server-cpus N (servers/processes/): an arm served by N processes on one port. Calls reach every process (the
// monitor's per-process counts), the harness's CPU and the monitor's are the same sum over the processes (primary
// included), the gateway's upstream tier is N processes too, serve --server-cpus works, and mistakes exit 2.
// Loopback only; nothing here asserts on timing.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { startServerProcess, serverPids, type ServerProcess } from "../bench/server-process/server-process.js";
import { affinityOf, planPinning } from "../bench/cpu/cpu-pinning.js";
import { parseServerCpus, resolveRunOptions, UsageError } from "../bench/run-options.js";
import { SHOP_SERVICES } from "../servers/grpc/service-definitions.js";
import { findArm } from "../servers/registry.js";
import { getUser, monitorSnapshot } from "./fixtures/any-arm-client.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CALLS = 8;

/** GetUser on a connection of its own (a local subchannel pool: grpc-js would otherwise reuse one connection). */
function grpcGetUserOwnConnection(port: number): Promise<string> {
  const Ctor = grpc.makeGenericClientConstructor(SHOP_SERVICES.UserService, "UserService");
  const client = new Ctor(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 });
  const method = SHOP_SERVICES.UserService["GetUser"]!;
  return new Promise<string>((resolve, reject) =>
    client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, { userId: "u-1" }, new grpc.Metadata(), { deadline: Date.now() + 10_000 }, (err, res) =>
      err ? reject(err) : resolve((res as { id: string }).id),
    ),
  ).finally(() => client.close());
}

function cpuUs(c: { user: number; system: number }): number {
  return c.user + c.system;
}

describe("--server-cpus 2 in the harness", () => {
  for (const id of ["grpc", "rest"]) {
    test(`${id}: calls reach both processes, CPU is summed over them and their primary`, { timeout: 60_000 }, async () => {
      const arm = findArm(id)!;
      let server: ServerProcess | null = null;
      try {
        server = await startServerProcess({ arm: id, cpus: null, processes: 2 });
        assert.equal(server.workerPids?.length, 2);
        assert.deepEqual(serverPids(server), [server.pid, ...server.workerPids!]);
        // Each call on a new connection: round-robin hands connections to the workers in turn.
        for (let i = 0; i < CALLS; i++) {
          const user: string = id === "grpc" ? await grpcGetUserOwnConnection(server.port) : await getUser(arm, server.port);
          assert.equal(user, "u-1");
        }
        const before = await server.cpuUsage();
        const snapshot = await monitorSnapshot(arm, server.port);
        const after = await server.cpuUsage();
        assert.equal(snapshot.pid, server.pid, "the group speaks as its primary");
        assert.equal(snapshot.processes, 2);
        assert.deepEqual(new Set(snapshot.serving!.map((p) => p.pid)), new Set(server.workerPids));
        assert.equal(snapshot.callsServed, CALLS, "the sum over the processes; monitor calls not counted");
        assert.equal(snapshot.serving!.reduce((n, p) => n + p.callsServed, 0), CALLS);
        for (const p of snapshot.serving!) assert.ok(p.callsServed > 0, `worker ${p.pid} served no call: ${JSON.stringify(snapshot.serving)}`);
        // The monitor's sum and the harness's are the same processes read moments apart: it lies between two reads.
        const monitored = snapshot.cpuUserUs + snapshot.cpuSystemUs;
        assert.ok(cpuUs(before) <= monitored && monitored <= cpuUs(after), `${cpuUs(before)} ≤ ${monitored} ≤ ${cpuUs(after)}`);
        const memory = await server.memory();
        assert.ok(memory.rssMb > 0 && memory.peakRssMb >= memory.rssMb * 0.5);
      } finally {
        await server?.stop();
      }
      assert.equal(server!.exitStatus?.stopped, true);
    });
  }

  test("gateway: both tiers are N processes (each worker starts its own grpc upstream)", { timeout: 60_000 }, async () => {
    const server = await startServerProcess({ arm: "gateway", cpus: null, processes: 2 });
    try {
      assert.equal(server.workerPids?.length, 2);
      assert.equal(server.upstreamPids?.length, 2);
      assert.equal(await getUser(findArm("gateway")!, server.port), "u-1");
      const cpu = await server.cpuUsage();
      assert.ok(cpu.upstream !== undefined && cpuUs(cpu.upstream) > 0, "the upstreams' CPU is in the sum");
    } finally {
      await server.stop();
    }
  });
});

test("serve --server-cpus 2: one listening line, the monitor sums both processes, SIGTERM exits 0", { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", "rest", "--server-cpus", "2"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
    });
    const m = /^listening rest 127\.0\.0\.1:(\d+)$/.exec(line);
    assert.ok(m, line);
    const port = Number(m[1]);
    for (let i = 0; i < 4; i++) assert.equal(await getUser(findArm("rest")!, port), "u-1");
    const snapshot = await monitorSnapshot(findArm("rest")!, port);
    assert.equal(snapshot.pid, child.pid);
    assert.equal(snapshot.processes, 2);
    assert.equal(snapshot.callsServed, 4);
    assert.equal(snapshot.serving!.length, 2);
  } finally {
    child.kill("SIGTERM");
  }
  assert.equal(await exited, 0, stderr);
  assert.match(stderr, /2 server processes \(node:cluster, round-robin\)/, "the caveat goes to stderr as a note");
});

function serveExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => resolve({ code, stderr }));
  });
}

describe("usage errors", () => {
  test("serve: --server-cpus 0 and more than the machine's CPUs are one line, exit 2", { timeout: 30_000 }, async () => {
    for (const n of ["0", String(availableParallelism() + 1), "two"]) {
      const { code, stderr } = await serveExit(["--server", "rest", "--server-cpus", n]);
      assert.equal(code, 2, stderr);
      assert.equal(stderr.trim().split("\n").length, 1, stderr);
      assert.match(stderr, /--server-cpus must be an integer in 1\.\./);
    }
  });

  test("bench: out of range, or with --target, is a UsageError", () => {
    assert.throws(() => parseServerCpus("0"), UsageError);
    assert.throws(() => parseServerCpus(String(availableParallelism() + 1)), UsageError);
    assert.equal(parseServerCpus("1"), 1);
    assert.throws(() => resolveRunOptions(["--server-cpus", "1", "--target", "grpc=grpc://127.0.0.1:50051"]), (e: Error) => e instanceof UsageError && /applies to the servers the run starts/.test(e.message));
    assert.equal(resolveRunOptions([]).serverCpus, undefined);
    if (availableParallelism() >= 2) assert.equal(resolveRunOptions(["--server-cpus", "2"]).serverCpus, 2);
  });

  test("bench CLI: --server-cpus 0 exits 2 with one line", { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", "--server-cpus", "0"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    assert.equal(code, 2, stderr);
    assert.equal(stderr.trim().split("\n").length, 1, stderr);
  });
});

test("the pinning plan gives the servers N CPUs, or pins nothing and says why", () => {
  const allowed = affinityOf(process.pid);
  const plan = planPinning(true, 2);
  if (allowed === null) return;
  if (allowed.length >= 3) {
    assert.equal(plan.server, `${allowed[0]},${allowed[1]}`);
    assert.equal(plan.client, String(allowed[2]));
  } else {
    assert.equal(plan.server, null);
    assert.match(plan.note, /--server-cpus 2 needs 3 CPUs/);
  }
});
