// Multiplex configurations at small scale against the real server arms (in-process, port 0): every entry
// carries the same inFlight, and the connections counted at the client's sockets are what the configuration
// says (one HTTP/2 connection for N streams, N keep-alive connections, one new connection per call without
// keep-alive). The head-of-line run separates fast and slow calls. No timing assertions.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { findArm } from "../servers/registry.js";
import type { RunningServer, ServerArm } from "../servers/server-arm.js";
import { callSpec } from "../bench/load/call-spec.js";
import { MultiplexResult } from "../bench/model/multiplex-result.js";
import { runHeadOfLineCase } from "../bench/multiplex/head-of-line-case.js";
import { MixedGrpcJsTransport, MixedUndiciTransport } from "../bench/multiplex/mixed-call-transports.js";
import { multiplexConfigurations } from "../bench/multiplex/multiplex-configurations.js";
import { noKeepAliveExtra, runMultiplexCase } from "../bench/multiplex/multiplex-case.js";
import { MULTIPLEX_PLANS, type MultiplexPlan } from "../bench/multiplex/multiplex-plan.js";

if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

const arm = (name: string) => findArm(name) as ServerArm;
const servers: RunningServer[] = [];
let grpcTarget = "";
let restTarget = "";
let holGrpc = "";
let holRest = "";

const plan: MultiplexPlan = {
  ...MULTIPLEX_PLANS.quick,
  warmupS: 0.05,
  durationS: 0.3,
  repetitions: 1,
  timeoutMs: 5000,
  headOfLine: { inFlight: 4, rateRps: 100, slowEvery: 4, slowDelayMs: 20, warmupS: 0.05, durationS: 0.5 },
};

before(async () => {
  const start = async (name: string, maxDelayMs = 0) => {
    const s = await arm(name).start({ host: "127.0.0.1", port: 0, maxDelayMs });
    servers.push(s);
    return name === "grpc" ? `127.0.0.1:${s.port}` : `http://127.0.0.1:${s.port}`;
  };
  [grpcTarget, restTarget, holGrpc, holRest] = await Promise.all([start("grpc"), start("rest"), start("grpc", 20), start("rest", 20)]);
});

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe("multiplex configurations at equal in-flight calls", () => {
  const N = 8;
  const entries = new Map<string, MultiplexResult>();
  before(async () => {
    const spec = callSpec(plan.payload);
    for (const config of [...multiplexConfigurations(N, plan, arm("grpc")), ...multiplexConfigurations(N, plan, arm("rest"))]) {
      const target = config.protocol === "grpc" ? grpcTarget : restTarget;
      entries.set(config.configuration, await runMultiplexCase({ config, spec, target, server: null, plan, signal: AbortSignal.timeout(20_000) }));
    }
  });

  it("runs every configuration with the same inFlight and no errors", () => {
    assert.deepEqual([...entries.keys()], ["grpc-1conn", "grpc-kconn", "rest-keepalive", "rest-pool4", "rest-no-keepalive"]);
    for (const e of entries.values()) {
      assert.equal(e.inFlight, N, e.configuration);
      assert.equal(e.endReason, "completed", `${e.configuration}: ${e.failure}`);
      assert.equal(e.errors.total, 0, `${e.configuration}: ${JSON.stringify(e.errors.byCode)}`);
      assert.ok(e.requests > 0, e.configuration);
    }
  });

  it("every entry names its arm and carries the load engine's measurement: repetitions and the HDR histogram", () => {
    for (const e of entries.values()) {
      assert.deepEqual([...Value.Errors(MultiplexResult, e)].slice(0, 3).map((x) => `${x.path} ${x.message}`), [], e.configuration);
      assert.equal(e.arm, e.protocol === "grpc" ? "grpc" : "rest");
      assert.equal(e.repetitions.length, plan.repetitions);
      assert.equal(e.histogram.encoding, "hdr-compressed-base64");
      assert.equal(e.requests, e.repetitions.reduce((n, r) => n + r.requests, 0));
    }
  });

  it("an arm gets the configurations of its api and transport, named for the arm", () => {
    const restNode = multiplexConfigurations(N, plan, arm("rest-node"));
    assert.deepEqual(restNode.map((c) => c.configuration), ["rest-keepalive", "rest-pool4", "rest-no-keepalive"]);
    assert.ok(restNode.every((c) => c.arm === "rest-node"));
    assert.deepEqual(multiplexConfigurations(N, plan, { id: "json-h2", api: "rest", transport: "h2c" }), []);
  });

  it("gRPC: 1 connection carries all N streams; k connections carry N/k each; none opened while measuring", () => {
    const one = entries.get("grpc-1conn") as MultiplexResult;
    assert.equal(one.connectionsOpened, 1);
    assert.equal(one.streamsPerConnection, N);
    assert.equal(one.connectionsOpenedMeasured, 0);
    const k = entries.get("grpc-kconn") as MultiplexResult;
    assert.equal(k.connectionsOpened, plan.grpcConnections);
    assert.equal(k.streamsPerConnection, N / plan.grpcConnections);
  });

  it("REST keep-alive opens one connection per in-flight call, once; the pool opens its size", () => {
    const ka = entries.get("rest-keepalive") as MultiplexResult;
    assert.equal(ka.connectionsOpened, N);
    assert.equal(ka.connectionsPerCall, 0);
    const pool = entries.get("rest-pool4") as MultiplexResult;
    assert.equal(pool.connectionsOpened, plan.poolConnections);
    assert.equal(pool.connectionsPerCall, 0);
  });

  it("REST without keep-alive opens about one connection per call, and its extra cost is computed", () => {
    const nka = entries.get("rest-no-keepalive") as MultiplexResult;
    const measured = nka.connectionsOpenedMeasured;
    // Calls straddling the window edges can shift the count by at most the in-flight number.
    assert.ok(Math.abs(measured - nka.requests) <= N, `${measured} connections for ${nka.requests} calls`);
    assert.ok(nka.connectionsOpened >= measured + N, "the first N connections are opened up front");
    const extra = noKeepAliveExtra(nka, entries.get("rest-keepalive") as MultiplexResult);
    assert.equal(extra.versus, "rest-keepalive");
    assert.equal(extra.connectionsPerCall, nka.connectionsPerCall);
  });

  it("configurations that do not exist at small N are not invented", () => {
    const names = [...multiplexConfigurations(1, plan, arm("grpc")), ...multiplexConfigurations(1, plan, arm("rest"))].map((c) => c.configuration);
    assert.deepEqual(names, ["grpc-1conn", "rest-keepalive", "rest-no-keepalive"]);
  });
});

describe("head-of-line: fast and slow calls are told apart", () => {
  const spec = callSpec("small");
  const mix = { spec, timeoutMs: 5000, slowEvery: plan.headOfLine.slowEvery, slowDelayMs: plan.headOfLine.slowDelayMs };
  for (const [name, connections, make] of [
    ["hol-grpc-1conn", 1, () => new MixedGrpcJsTransport({ ...mix, target: holGrpc, connections: 1 })],
    ["hol-rest-pool2", 2, () => new MixedUndiciTransport({ ...mix, target: holRest, connections: 2 })],
  ] as const) {
    it(name, async () => {
      const e = await runHeadOfLineCase({
        configuration: name, arm: name.includes("grpc") ? "grpc" : "rest", note: "test", connections, streamsPerConnection: null, call: spec.call,
        makeTransport: make, server: null, plan: plan.headOfLine, signal: AbortSignal.timeout(20_000),
      });
      assert.equal(e.endReason, "completed", e.failure);
      assert.equal(e.errors.total, 0, JSON.stringify(e.errors.byCode));
      assert.equal(e.repetitions.length, 1);
      assert.equal(e.inFlight, plan.headOfLine.inFlight);
      assert.equal(e.connectionsOpened, connections);
      const hol = e.headOfLine;
      assert.ok(hol, "headOfLine recorded");
      assert.equal(hol.slowFraction, 1 / plan.headOfLine.slowEvery);
      assert.ok(hol.slowCalls > 0 && hol.fastCalls > hol.slowCalls, `fast ${hol.fastCalls} slow ${hol.slowCalls}`);
    });
  }
});
