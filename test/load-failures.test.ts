// A target that is gone ends a run as endReason "failed" with the errors counted — never a crash, never a
// result that looks fast. Every driver, both for a target that never answered and one that stops mid-run.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { resolveScenario, type DriverName, type ScenarioInput } from "../bench/load/load-scenario.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { startServerProcess } from "../bench/server-process/server-process.js";

const DEFAULTS = { concurrency: 4, h2Connections: 2, warmupS: 0, durationS: 5, repetitions: 1, timeoutMs: 2000 };

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const DRIVERS: { driver: DriverName; input: ScenarioInput }[] = [
  { driver: "h2-frames", input: { arm: "grpc", view: "server", payload: "small", mode: "closed" } },
  { driver: "h2-node", input: { arm: "grpc", view: "server", payload: "small", mode: "closed", driver: "h2-node" } },
  { driver: "autocannon", input: { arm: "rest", view: "server", payload: "small", mode: "closed" } },
  { driver: "h1-lean", input: { arm: "rest", view: "server", payload: "small", mode: "open", rate: 100 } },
  { driver: "grpc-js", input: { arm: "grpc", view: "end-to-end", payload: "small", mode: "closed" } },
  { driver: "undici", input: { arm: "rest", view: "end-to-end", payload: "small", mode: "closed" } },
];

for (const { driver, input } of DRIVERS) {
  test(`${driver}: an unreachable target yields endReason failed with the refusal counted`, async () => {
    const port = await deadPort();
    const target = input.arm === "grpc" ? `127.0.0.1:${port}` : `http://127.0.0.1:${port}`;
    const result = await runLoadScenario({ scenario: resolveScenario(input, DEFAULTS), target, server: null });
    assert.equal(result.endReason, "failed");
    assert.match(result.failure ?? "", /unreachable/);
    assert.equal(result.errors.byCode.refused, 1);
    assert.equal(result.requests, 0);
    assert.equal(result.throughputRps, 0);
  });
}

for (const { driver, input } of DRIVERS) {
  test(`${driver}: a server stopped mid-run yields endReason failed with the errors counted`, async () => {
    const server = await startServerProcess({ arm: input.arm });
    const scenario = resolveScenario(input, DEFAULTS);
    // Stopped once the run has reported a completed call (progress comes every second), not after a fixed delay:
    // on a busy host the first call can take longer than any fixed delay, and then none would be "before the stop".
    let stopped: Promise<void> | null = null;
    const run = runLoadScenario({
      scenario,
      target: server.target,
      server,
      failAfterMs: 500,
      onProgress: (p) => {
        if (p.okTotal > 0) stopped ??= server.stop();
      },
    });
    const result = await run;
    const stoppedMidRun = stopped !== null;
    await (stopped ?? server.stop());
    assert.ok(stoppedMidRun, `${driver}: no call completed in the ${DEFAULTS.durationS} s run`);
    assert.equal(result.endReason, "failed", `${driver}: ${result.endReason}`);
    assert.ok(result.failure !== undefined && result.failure.length > 0);
    assert.ok(result.requests > 0, "calls before the stop are kept");
    assert.ok(result.errors.total > 0, `${driver}: the broken calls are counted (${JSON.stringify(result.errors)})`);
    assert.equal(result.repetitions.length, 1);
  });
}
