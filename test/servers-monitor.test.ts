// The monitor endpoint on every arm (servers/monitor/, contract in monitor-contract.ts): a snapshot whose callsServed
// grows by exactly the shop.v1 calls made (monitor calls and health checks not counted) and whose CPU time grows; the
// gRPC Watch stream and the HTTP NDJSON stream deliver a snapshot per interval; interval 0 is one snapshot; the
// token guards it like every call; it works over TLS; the gateway adds its own grpc upstream's CPU and memory in.
// Every server runs in this process on loopback; nothing here asserts on timing.
import { test, describe, mock } from "node:test";
import assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { cpus } from "node:os";
import { allArms, findArm } from "../servers/registry.js";
import type { ServerArm } from "../servers/server-arm.js";
import { MONITOR_MIN_INTERVAL_MS, type ProcessMetrics } from "../servers/monitor/monitor-contract.js";
import { ServerMonitor } from "../servers/monitor/server-monitor.js";
import { servedInterval, streamSnapshots } from "../servers/monitor/snapshot-stream.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";
import { h2RestRaw } from "./fixtures/h2-rest-client.js";
import { getUser, httpGet, monitorSnapshot, monitorSnapshots, type ClientOptions } from "./fixtures/any-arm-client.js";

const CALLS = 5;
const TOKEN = "monitor-test-token";

function cpuUs(metrics: ProcessMetrics): number {
  return metrics.cpuUserUs + metrics.cpuSystemUs;
}

/** grpc.health.v1.Health/Check with service "" (empty request bytes), answered SERVING by both gRPC arms. */
function healthCheck(port: number): Promise<void> {
  const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise<void>((resolve, reject) => {
    client.makeUnaryRequest("/grpc.health.v1.Health/Check", (b: Buffer) => b, (b: Buffer) => b, Buffer.alloc(0), (err) => (err ? reject(err) : resolve()));
  }).finally(() => client.close());
}

async function expectRefused(arm: ServerArm, port: number, options: ClientOptions): Promise<void> {
  if (arm.api === "grpc") {
    await assert.rejects(monitorSnapshot(arm, port, options), (err: grpc.ServiceError) => err.code === grpc.status.UNAUTHENTICATED);
  } else {
    await assert.rejects(monitorSnapshot(arm, port, options), (err: Error & { status?: number }) => err.status === 401);
  }
}

describe("the monitor on every arm", () => {
  for (const arm of allArms()) {
    test(`${arm.id}: callsServed grows by exactly the shop calls made, CPU time grows, the figures are this process's`, { timeout: 60_000 }, async () => {
      const server = await arm.start({ host: "127.0.0.1", port: 0 });
      try {
        const before = await monitorSnapshot(arm, server.port);
        for (let i = 0; i < CALLS; i++) assert.equal(await getUser(arm, server.port), "u-1");
        const after = await monitorSnapshot(arm, server.port);
        assert.equal(after.callsServed - before.callsServed, CALLS, "one per shop call, none for the monitor");
        assert.ok(cpuUs(after) > cpuUs(before), `CPU time grows: ${cpuUs(before)} → ${cpuUs(after)} µs`);
        assert.ok(after.uptimeMs >= before.uptimeMs);
        assert.equal(after.arm, arm.id);
        assert.equal(after.pid, process.pid);
        assert.equal(after.nodeVersion, process.version);
        assert.equal(after.hostCpus, cpus().length);
        assert.ok(after.rssBytes > 0 && after.peakRssBytes >= after.rssBytes, `rss ${after.rssBytes}, peak ${after.peakRssBytes}`);
        // Monitor calls, and health checks on the gRPC arms, are not shop calls.
        if (arm.api === "grpc") await healthCheck(server.port);
        assert.equal((await monitorSnapshot(arm, server.port)).callsServed, after.callsServed);
      } finally {
        await server.close();
      }
    });

    test(`${arm.id}: the stream delivers a snapshot per interval; interval 0 is one snapshot and the end`, { timeout: 60_000 }, async () => {
      const server = await arm.start({ host: "127.0.0.1", port: 0 });
      try {
        const streamed = await monitorSnapshots(arm, server.port, 20, 3);
        assert.equal(streamed.length, 3);
        for (const metrics of streamed) assert.equal(metrics.arm, arm.id);
        for (let i = 1; i < streamed.length; i++) assert.ok(streamed[i]!.uptimeMs >= streamed[i - 1]!.uptimeMs);
        const once = await monitorSnapshots(arm, server.port, 0, 5);
        assert.equal(once.length, 1, "interval 0: the first snapshot, then the stream ends");
        assert.equal((await monitorSnapshot(arm, server.port)).callsServed, 0);
      } finally {
        await server.close();
      }
    });

    test(`${arm.id}: with a token the monitor needs it (${arm.api === "grpc" ? "UNAUTHENTICATED" : "401"} without it or with another)`, { timeout: 60_000 }, async () => {
      const server = await arm.start({ host: "127.0.0.1", port: 0, token: TOKEN });
      try {
        await expectRefused(arm, server.port, {});
        await expectRefused(arm, server.port, { token: "not-the-token" });
        assert.equal((await monitorSnapshot(arm, server.port, { token: TOKEN })).arm, arm.id);
        assert.equal(await getUser(arm, server.port, { token: TOKEN }), "u-1");
        await assert.rejects(getUser(arm, server.port));
        assert.equal((await monitorSnapshot(arm, server.port, { token: TOKEN })).callsServed, 1, "a refused call never started");
      } finally {
        await server.close();
      }
    });
  }
});

describe("the monitor over HTTP", () => {
  for (const id of ["rest", "json-h2"]) {
    test(`${id}: one snapshot is canonical JSON; the stream NDJSON; a bad intervalMs is 400; only GET and HEAD`, { timeout: 60_000 }, async () => {
      const arm = findArm(id)!;
      const server = await arm.start({ host: "127.0.0.1", port: 0 });
      try {
        const one = await httpGet(arm, server.port, "/v1/monitor");
        assert.equal(one.status, 200);
        assert.equal(one.headers["content-type"], "application/json; charset=utf-8");
        const json = JSON.parse(one.body.toString()) as Record<string, unknown>;
        assert.equal(typeof json["cpuUserUs"], "string", "64-bit integers as strings (proto3 JSON)");
        assert.equal(json["arm"], id);
        const stream = await httpGet(arm, server.port, "/v1/monitor?intervalMs=20", {}, 2);
        assert.equal(stream.headers["content-type"], "application/x-ndjson");
        assert.ok(stream.body.toString().split("\n").filter((l) => l !== "").length >= 2);
        for (const bad of ["-1", "x", "1.5", "99999999999"]) {
          const reply = await httpGet(arm, server.port, `/v1/monitor?intervalMs=${bad}`);
          assert.equal(reply.status, 400, bad);
          assert.equal((JSON.parse(reply.body.toString()) as { code: string }).code, "INVALID_ARGUMENT");
        }
        assert.equal((await httpGet(arm, server.port, "/v1/monitoring")).status, 404, "only the monitor's own path");
        const post =
          arm.transport === "h2c"
            ? await h2RestRaw(server.port, "POST", "/v1/monitor")
            : await fetch(`http://127.0.0.1:${server.port}/v1/monitor`, { method: "POST" }).then((res) => ({ status: res.status, headers: { allow: res.headers.get("allow") ?? "" } }));
        assert.equal(post.status, 405);
        assert.equal(post.headers["allow"], "GET, HEAD");
      } finally {
        await server.close();
      }
    });
  }
});

describe("the monitor over TLS", () => {
  for (const id of ["grpc-raw", "grpc", "rest-node", "json-h2"]) {
    test(`${id}: snapshot and stream over TLS`, { timeout: 60_000 }, async () => {
      const arm = findArm(id)!;
      const material = await makeSelfSignedCertificate(["127.0.0.1", "localhost"]);
      const server = await arm.start({ host: "127.0.0.1", port: 0, tls: material, token: TOKEN });
      const options = { ca: material.cert, token: TOKEN };
      try {
        const before = await monitorSnapshot(arm, server.port, options);
        await getUser(arm, server.port, options);
        assert.equal((await monitorSnapshot(arm, server.port, options)).callsServed, before.callsServed + 1);
        assert.equal((await monitorSnapshots(arm, server.port, 20, 2, options)).length, 2);
      } finally {
        await server.close();
      }
    });
  }
});

describe("the gateway's monitor", () => {
  test("adds its own grpc upstream's CPU time and memory to its own", { timeout: 60_000 }, async () => {
    const arm = findArm("gateway")!;
    const server = await arm.start({ host: "127.0.0.1", port: 0 });
    try {
      assert.ok(server.upstream, "the gateway started its own upstream");
      await getUser(arm, server.port);
      // Both counters only grow: what the two processes had used before the snapshot is a floor for the sum.
      const own = process.cpuUsage();
      const ownPeakRssBytes = process.resourceUsage().maxRSS * 1024;
      const up = await server.upstream.usage();
      const snapshot = await monitorSnapshot(arm, server.port);
      assert.ok(cpuUs(snapshot) >= own.user + own.system + up.cpu.user + up.cpu.system, "the upstream's CPU time is in");
      assert.ok(snapshot.peakRssBytes >= ownPeakRssBytes + Math.floor(up.peakRssMb * 1024 * 1024) - 1, "the upstream's peak is in");
      assert.equal(snapshot.callsServed, 1, "the gateway's own count: the calls its front served");
    } finally {
      await server.close();
    }
  });
});

describe("the snapshot stream", () => {
  function fakeSink() {
    const sent: ProcessMetrics[] = [];
    const sink = { ended: false, backedUp: false, closed: false, send: (m: ProcessMetrics) => void sent.push(m), end: () => void (sink.ended = true) };
    return { sent, sink };
  }
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };

  test("one timer while open: the first at once, one per interval, none while backed up, none after stop", async () => {
    mock.timers.enable({ apis: ["setInterval"] });
    try {
      const { sent, sink } = fakeSink();
      const stop = streamSnapshots(new ServerMonitor("t"), 100, sink);
      await settle();
      assert.equal(sent.length, 1);
      mock.timers.tick(100);
      await settle();
      assert.equal(sent.length, 2);
      sink.backedUp = true;
      mock.timers.tick(100);
      await settle();
      assert.equal(sent.length, 2, "skipped while the transport pushes back");
      sink.backedUp = false;
      mock.timers.tick(100);
      await settle();
      assert.equal(sent.length, 3);
      stop();
      mock.timers.tick(1000);
      await settle();
      assert.equal(sent.length, 3);
      assert.equal(sink.ended, false);
    } finally {
      mock.timers.reset();
    }
  });

  test("interval 0: one snapshot, then end; small intervals are raised to the floor", async () => {
    const { sent, sink } = fakeSink();
    streamSnapshots(new ServerMonitor("t"), 0, sink);
    await settle();
    assert.equal(sent.length, 1);
    assert.equal(sink.ended, true);
    assert.equal(servedInterval(0), 0);
    assert.equal(servedInterval(1), MONITOR_MIN_INTERVAL_MS);
    assert.equal(servedInterval(250), 250);
  });
});
