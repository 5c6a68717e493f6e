// CPU pinning: CPU lists parse, the plan separates server and load generator, and a pinned server process
// really runs on its CPU (read back with taskset), reporting its own CPU time and memory over IPC; servers
// started while this process is pinned to the client CPU never inherit that CPU.
import { runArms } from "../bench/orchestrator.js";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { affinityOf, parseCpuList, pinSelf, planPinning } from "../bench/cpu/cpu-pinning.js";
import { startFamilyServers } from "../bench/family-servers.js";
import { startServerProcess } from "../bench/server-process/server-process.js";

test("taskset CPU lists parse", () => {
  assert.deepEqual(parseCpuList("0-2,5"), [0, 1, 2, 5]);
  assert.deepEqual(parseCpuList("3\n"), [3]);
  assert.deepEqual(parseCpuList(""), []);
});

test("the plan gives server and load generator different CPUs, or says why not", () => {
  const plan = planPinning();
  if (plan.server === null) {
    assert.equal(plan.client, null);
    assert.match(plan.note, /not pinned/);
  } else {
    assert.notEqual(plan.server, plan.client);
  }
  assert.deepEqual(planPinning(false), { server: null, client: null, note: "CPU pinning disabled by configuration" });
});

test("a pinned server process runs on its CPU and answers CPU and memory requests", async (t) => {
  const plan = planPinning();
  const server = await startServerProcess({ arm: "rest", cpus: plan.server });
  try {
    assert.equal(server.pinnedCpus, plan.server);
    if (plan.server !== null) assert.deepEqual(affinityOf(server.pid), parseCpuList(plan.server));
    else t.diagnostic(`not pinned: ${plan.note}`);
    const cpu = await server.cpuUsage();
    assert.ok(cpu.user + cpu.system > 0);
    const memory = await server.memory();
    assert.ok(memory.rssMb > 0 && memory.peakRssMb >= memory.rssMb * 0.5);
    assert.ok(server.alive);
  } finally {
    await server.stop();
  }
  assert.equal(server.alive, false);
  await assert.rejects(server.cpuUsage());
});

test("an unknown arm fails to start with a clear error", async () => {
  await assert.rejects(startServerProcess({ arm: "no-such-arm" }), /unknown server arm "no-such-arm"/);
});

/** The CPUs a process may run on, read back from the kernel (Linux), else through taskset. */
function cpusAllowed(pid: number): number[] | null {
  try {
    const line = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    if (line !== undefined) return parseCpuList(line);
  } catch {
    // not Linux: fall back to taskset
  }
  return affinityOf(pid);
}

test("servers started after the bench pinned itself to the client CPU do not land on that CPU", async (t) => {
  const before = cpusAllowed(process.pid);
  if (before === null || before.length < 2) return t.skip(`needs 2 CPUs and a readable affinity (have ${before?.length ?? "unknown"})`);
  const plan = planPinning();
  if (plan.client === null || plan.server === null) return t.skip(`pinning not possible here: ${plan.note}`);
  const restore = pinSelf(plan.client);
  if (restore === null) return t.skip("could not pin this process");
  const stops: (() => Promise<void>)[] = [];
  try {
    assert.deepEqual(cpusAllowed(process.pid), parseCpuList(plan.client));
    // A plan made while pinned still sees every CPU, not just the client's one.
    assert.deepEqual(planPinning(), plan);
    // An unpinned child gets the CPUs this process had before pinning, not the client CPU it has now.
    const unpinned = await startServerProcess({ arm: "rest", cpus: null });
    stops.push(() => unpinned.stop());
    assert.equal(unpinned.pinnedCpus, null);
    assert.deepEqual(cpusAllowed(unpinned.pid), before);
  } finally {
    await Promise.all(stops.map((stop) => stop()));
    restore();
  }
  assert.deepEqual(cpusAllowed(process.pid), before);
});

test("two family server pairs started together (as the multiplex family does) both run on the server CPU", async (t) => {
  const before = cpusAllowed(process.pid);
  if (before === null || before.length < 2) return t.skip(`needs 2 CPUs and a readable affinity (have ${before?.length ?? "unknown"})`);
  const pinning = planPinning();
  if (pinning.server === null) return t.skip(`pinning not possible here: ${pinning.note}`);
  const arms = runArms({ arms: ["grpc", "rest"], targets: {} });
  // The first start pins this process to the client CPU synchronously, before the second one plans or forks.
  const pairs = await Promise.allSettled([
    startFamilyServers({ arms, pinning, exits: null }),
    startFamilyServers({ arms, serverOptions: { maxDelayMs: 50 }, pinClient: false, pinning, exits: null }),
  ]);
  const started = pairs.flatMap((p) => (p.status === "fulfilled" ? [p.value] : []));
  try {
    assert.equal(started.length, 2, "both pairs start");
    for (const pair of started) {
      assert.equal(pair.pinned, true);
      for (const server of pair.list) {
        assert.ok(server.process !== null);
        assert.deepEqual(cpusAllowed(server.process.pid), parseCpuList(pinning.server), `${server.arm.id} server runs on the server CPU`);
        if (pinning.client !== null) assert.ok(!cpusAllowed(server.process.pid)?.includes(Number(pinning.client)), "never on the client CPU");
      }
    }
  } finally {
    // The pinning pair restores this process's affinity when it stops.
    await Promise.all(started.map((pair) => pair.stop()));
  }
  assert.deepEqual(cpusAllowed(process.pid), before);
});
