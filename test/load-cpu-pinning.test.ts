// CPU pinning: CPU lists parse, the plan separates server and load generator, and a pinned server process
// really runs on its CPU (read back with taskset), reporting its own CPU time and memory over IPC.
import { test } from "node:test";
import assert from "node:assert/strict";
import { affinityOf, parseCpuList, planPinning } from "../bench/cpu/cpu-pinning.js";
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
