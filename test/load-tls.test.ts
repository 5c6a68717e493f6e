// Every engine driver over TLS, against arms served with a certificate made for the test (ServerOptions.tls): zero
// errors, the handshake tallied with the ALPN protocol the driver needs, and wire bytes per call that include the TLS
// records (more than the same calls in cleartext). An untrusted certificate is counted as errors by code, never
// thrown; --insecure (no verification) succeeds; an HTTP/2 driver whose server does not agree on h2 fails as "alpn".
// autocannon does not fit a TLS arm: h1-lean loads it instead.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, it } from "node:test";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { targetEndpoint } from "../bench/drivers/target-address.js";
import { LOAD_DEFAULTS, LOAD_SCENARIOS, loadScenarioInputs } from "../bench/families/load.js";
import { registryArm, resolveScenario, resolveScenarios, runArmLookup, type DriverName, type ScenarioInput } from "../bench/load/load-scenario.js";
import { runLoadScenario, TLS_NOTE } from "../bench/load/run-load.js";
import { LoadResult } from "../bench/model/load-result.js";
import { endpointKey, handshakeTallies, resetHandshakeTallies, setRunTlsTrust } from "../bench/run-tls.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";
import { allArms } from "../servers/registry.js";
import type { ServerTlsMaterial } from "../servers/server-arm.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

if (!FormatRegistry.Has("date-time")) FormatRegistry.Set("date-time", (v) => !Number.isNaN(Date.parse(v)));

// Short windows, 2 calls in flight: small enough that each TLS record carries few calls, so its overhead shows per call.
const DEFAULTS = { concurrency: 2, h2Connections: 1, warmupS: 0.1, durationS: 0.3, repetitions: 1, timeoutMs: 5000 };
const ARMS = ["grpc", "json-h2", "rest-node"] as const;
type ArmId = (typeof ARMS)[number];

const CASES: { driver: DriverName; arm: ArmId; view: ScenarioInput["view"]; alpn: "h2" | "http/1.1" }[] = [
  { driver: "h2-frames", arm: "grpc", view: "server", alpn: "h2" },
  { driver: "h2-node", arm: "grpc", view: "server", alpn: "h2" },
  { driver: "grpc-js", arm: "grpc", view: "end-to-end", alpn: "h2" },
  { driver: "h2-frames", arm: "json-h2", view: "server", alpn: "h2" },
  { driver: "h2-json", arm: "json-h2", view: "end-to-end", alpn: "h2" },
  { driver: "h1-lean", arm: "rest-node", view: "server", alpn: "http/1.1" },
  { driver: "undici", arm: "rest-node", view: "end-to-end", alpn: "http/1.1" },
];

let material: ServerTlsMaterial;
let stranger: ServerTlsMaterial;
const tlsServers = new Map<ArmId, ServerProcess>();
const clearServers = new Map<ArmId, ServerProcess>();

before(async () => {
  [material, stranger] = await Promise.all([makeSelfSignedCertificate(["127.0.0.1", "localhost"]), makeSelfSignedCertificate(["127.0.0.1"])]);
  await Promise.all(
    ARMS.flatMap((arm) => [
      startServerProcess({ arm, serverOptions: { tls: material } }).then((s) => tlsServers.set(arm, s)),
      startServerProcess({ arm }).then((s) => clearServers.set(arm, s)),
    ]),
  );
});

after(async () => {
  setRunTlsTrust({ ca: null, insecure: false });
  await Promise.all([...tlsServers.values(), ...clearServers.values()].map((s) => s.stop()));
});

afterEach(() => setRunTlsTrust({ ca: null, insecure: false }));

/** The arm as a TLS run's load family sees it (bench/load/load-scenario.ts runArmLookup). */
const overTls = (id: string) => {
  const arm = registryArm(id);
  return arm === undefined ? undefined : { ...arm, tls: true };
};

function run(driver: DriverName, arm: ArmId, view: ScenarioInput["view"], tls: boolean, server: ServerProcess = (tls ? tlsServers : clearServers).get(arm) as ServerProcess): Promise<LoadResult> {
  const scenario = resolveScenario({ arm, view, payload: "small", mode: "closed", driver }, DEFAULTS, tls ? overTls : registryArm);
  return runLoadScenario({ scenario, target: server.target, server });
}

function completed(result: LoadResult): void {
  const errors = [...Value.Errors(LoadResult, result)].slice(0, 3).map((e) => `${e.path} ${e.message}`);
  assert.deepEqual(errors, [], "validates against the LoadResult schema");
  assert.equal(result.endReason, "completed", result.failure);
  assert.deepEqual(result.errors, { total: 0, byCode: {} });
  assert.ok(result.requests > 0);
}

describe("servers started with a certificate are dialled over TLS", () => {
  it("a TLS server process's target is grpcs:// for a gRPC arm and https:// for a REST arm", () => {
    assert.match((tlsServers.get("grpc") as ServerProcess).target, /^grpcs:\/\/127\.0\.0\.1:\d+$/);
    assert.match((tlsServers.get("rest-node") as ServerProcess).target, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.match((clearServers.get("grpc") as ServerProcess).target, /^127\.0\.0\.1:\d+$/);
    assert.match((clearServers.get("rest-node") as ServerProcess).target, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("every engine driver over TLS, with the server's certificate trusted", () => {
  for (const { driver, arm, view, alpn } of CASES) {
    it(`${driver} against ${arm}: no errors, ALPN ${alpn}, TLS records in the wire bytes`, async () => {
      const clear = await run(driver, arm, view, false);
      completed(clear);
      setRunTlsTrust({ ca: material.cert, insecure: false });
      resetHandshakeTallies();
      const server = tlsServers.get(arm) as ServerProcess;
      const result = await run(driver, arm, view, true);
      completed(result);
      assert.equal(result.driver, driver);
      assert.ok(result.notes?.includes(TLS_NOTE), "the result says its wire bytes include TLS records");
      const { host, port } = targetEndpoint(server.target);
      const tally = handshakeTallies().get(endpointKey(host, port));
      assert.ok(tally !== undefined && tally.full + tally.resumed >= result.connections, `handshakes tallied for ${server.target}: ${JSON.stringify(tally)}`);
      assert.deepEqual(Object.keys(tally.alpn), [alpn]);
      assert.deepEqual(Object.keys(tally.protocols), ["TLSv1.3"]);
      const [tlsBytes, clearBytes] = [result.wireBytesPerCall, clear.wireBytesPerCall];
      assert.ok(tlsBytes !== null && clearBytes !== null);
      assert.ok(clearBytes.request > 0 && clearBytes.response > 0);
      // The same calls, each TLS record adding its header and AEAD tag: more bytes per call both ways.
      assert.ok(tlsBytes.request > clearBytes.request, `request bytes per call: TLS ${tlsBytes.request} > cleartext ${clearBytes.request}`);
      assert.ok(tlsBytes.response > clearBytes.response, `response bytes per call: TLS ${tlsBytes.response} > cleartext ${clearBytes.response}`);
    });
  }
});

describe("an untrusted certificate", () => {
  for (const { driver, arm, view } of CASES) {
    it(`${driver} against ${arm}: the run fails with its errors counted by code, nothing thrown`, async () => {
      setRunTlsTrust({ ca: stranger.cert, insecure: false });
      const result = await run(driver, arm, view, true);
      assert.equal(result.endReason, "failed");
      assert.ok(result.errors.total > 0);
      const codes = Object.keys(result.errors.byCode);
      // Our own TLS connections keep OpenSSL's verdict; grpc-js reports only that it could not connect.
      if (driver === "grpc-js") assert.deepEqual(codes, ["refused"]);
      else assert.deepEqual(codes, ["DEPTH_ZERO_SELF_SIGNED_CERT"]);
    });
  }
});

describe("--insecure: no verification", () => {
  for (const { driver, arm, view } of CASES) {
    it(`${driver} against ${arm} succeeds with nothing trusted`, async () => {
      setRunTlsTrust({ ca: null, insecure: true });
      completed(await run(driver, arm, view, true));
    });
  }
});

describe("ALPN is checked", () => {
  it("an HTTP/2 driver whose TLS server speaks HTTP/1.1 only fails as alpn", async () => {
    setRunTlsTrust({ ca: material.cert, insecure: false });
    const rest = tlsServers.get("rest-node") as ServerProcess;
    const { host, port } = targetEndpoint(rest.target);
    // h2-frames in REST mode, dialled at an HTTP/1.1 arm's TLS port as if it served json-h2.
    const scenario = resolveScenario({ arm: "json-h2", view: "server", payload: "small", mode: "closed", driver: "h2-frames" }, DEFAULTS, overTls);
    const result = await runLoadScenario({ scenario, target: `https://${host}:${port}`, server: null });
    assert.equal(result.endReason, "failed");
    assert.deepEqual(Object.keys(result.errors.byCode), ["alpn"]);
  });
});

describe("autocannon and TLS", () => {
  it("does not fit an arm reached over TLS: the default server-view driver is h1-lean", () => {
    const clear = resolveScenario({ arm: "rest-node", view: "server", payload: "small", mode: "closed" }, DEFAULTS);
    assert.equal(clear.driver, "autocannon");
    const tls = resolveScenario({ arm: "rest-node", view: "server", payload: "small", mode: "closed" }, DEFAULTS, overTls);
    assert.equal(tls.driver, "h1-lean");
    assert.throws(() => resolveScenario({ arm: "rest-node", view: "server", payload: "small", mode: "closed", driver: "autocannon" }, DEFAULTS, overTls), /cannot run .* with TLS/);
  });

  it("the quick and full profiles under --tls still load every arm in every scenario, none with autocannon", () => {
    const ids = allArms().map((a) => a.id);
    const arms = ids.map((id) => ({ id, tls: { enabled: true, verified: true, protocol: null, cipher: null, alpn: null, handshakes: { full: 0, resumed: 0 }, protocols: {}, ciphers: {}, alpns: {} } as const }));
    for (const profile of ["quick", "full"] as const) {
      const inputs = loadScenarioInputs(profile, ids, LOAD_SCENARIOS[profile]);
      const leftOut: string[] = [];
      const scenarios = resolveScenarios(inputs, LOAD_DEFAULTS[profile], runArmLookup(arms), (_input, why) => leftOut.push(why));
      assert.deepEqual(leftOut, [], `${profile}: no scenario left without a driver`);
      assert.equal(scenarios.length, inputs.length);
      assert.deepEqual(scenarios.filter((s) => s.driver === "autocannon"), []);
      assert.ok(scenarios.some((s) => s.driver === "h1-lean" && s.view === "server" && s.mode === "closed"));
    }
  });

  it("asked to load a TLS target anyway, the scenario fails with a code instead of loading it unmetered", async () => {
    const scenario = resolveScenario({ arm: "rest-node", view: "server", payload: "small", mode: "closed", driver: "autocannon" }, DEFAULTS);
    const result = await runLoadScenario({ scenario, target: (tlsServers.get("rest-node") as ServerProcess).target, server: null });
    assert.equal(result.endReason, "failed");
    assert.deepEqual(result.errors.byCode, { "tls-unsupported": 1 });
  });
});
