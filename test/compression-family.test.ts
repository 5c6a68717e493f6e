// The compression family against real server processes, with a tiny plan: every configuration is verified on
// the wire and says whether the requested compression was applied. Timing is never asserted.
import { runArms } from "../bench/orchestrator.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FamilyContext } from "../bench/family.js";
import { createCompressionFamily, family } from "../bench/families/compression.js";
import type { CompressionResult } from "../bench/model/compression-result.js";

test("the exported family is the compression family", () => {
  assert.equal(family.name, "compression");
});

test("compression family: requested vs applied per direction, as the wire shows it", { timeout: 120_000 }, async () => {
  const entries: CompressionResult[] = [];
  const serverExits: unknown[] = [];
  const ctx: FamilyContext = {
    profile: "quick",
    signal: new AbortController().signal,
    arms: runArms({ arms: ["grpc", "rest"], targets: {} }),
    baseline: "rest",
    record: (section, entry) => {
      assert.equal(section, "compression");
      entries.push(entry as CompressionResult);
    },
    leftOut: () => {},
    caveat: () => {},
    serverExit: (exit) => serverExits.push(exit),
    progress: () => {},
  };
  const tiny = { responseClasses: ["small", "medium"] as ("small" | "medium")[], warmupS: 0.05, durationS: 0.2, repetitions: 1, sequentialCalls: 10, sequentialWarmupCalls: 2, probeCalls: 2, codecTimingMs: 5, deflate: true };
  await createCompressionFamily({ plan: tiny }).run(ctx);
  assert.deepEqual(serverExits, [], "no server died, and the ones the family stopped are not deaths");

  const find = (protocol: string, call: string, payload: string, direction: string, requested: string, estimate = false) => {
    const e = entries.find(
      (x) => x.protocol === protocol && x.call === call && x.payload === payload && x.direction === direction && x.requested === requested && x.path.startsWith("estimate") === estimate,
    );
    assert.ok(e, `${protocol} ${call} ${payload} ${direction} ${requested}${estimate ? " (estimate)" : ""}`);
    return e;
  };

  // REST responses: compressed above the middleware's 1 KiB threshold, and the note says why not below it.
  for (const codec of ["gzip", "deflate", "br"]) {
    const medium = find("rest", "ListOrders", "medium", "response", codec);
    assert.equal(medium.applied, codec);
    assert.equal(medium.appliedAsRequested, true);
    assert.ok(medium.wireBytes < medium.uncompressedBytes);
    assert.ok(medium.vsIdentity && medium.vsIdentity.bytesSavedPerCall > 0);
    assert.ok(medium.requests! > 0 && medium.latencyMs !== null);
    const small = find("rest", "GetUser", "small", "response", codec);
    assert.equal(small.applied, "identity");
    assert.equal(small.appliedAsRequested, false);
    assert.match(small.note ?? "", /threshold/);
  }

  // gRPC responses: grpc-js never compresses them; the wire says so, and the estimate is labelled as one.
  for (const codec of ["gzip", "deflate"]) {
    const wire = find("grpc", "ListOrders", "medium", "response", codec);
    assert.equal(wire.applied, "identity");
    assert.equal(wire.appliedAsRequested, false);
    assert.match(wire.note ?? "", /requested .*; response sent uncompressed/);
    assert.equal(wire.wireBytes, wire.uncompressedBytes);
    const estimate = find("grpc", "ListOrders", "medium", "response", codec, true);
    assert.match(estimate.note ?? "", /not a measurement/);
    assert.equal(estimate.latencyMs, null);
  }

  // Requests: grpc-js compresses what it sends (flag 1, codec found in the bytes); express inflates gzip, deflate and br bodies.
  for (const codec of ["gzip", "deflate"]) {
    const e = find("grpc", "UpdateUser", "small", "request", codec);
    assert.equal(e.applied, codec);
    assert.equal(e.errors, 0);
  }
  for (const codec of ["gzip", "deflate", "br"]) {
    const e = find("rest", "UpdateUser", "small", "request", codec);
    assert.equal(e.applied, codec);
    assert.equal(e.errors, 0);
    assert.ok(e.wireBytes < e.uncompressedBytes);
  }

  // HPACK: a later gRPC call's headers are smaller than the first call's; HTTP/1.1 repeats its headers.
  const grpcIdentity = find("grpc", "UpdateUser", "small", "request", "identity");
  assert.ok(grpcIdentity.wirePerCall!.steadyState.request < grpcIdentity.wirePerCall!.firstCall.request);
  assert.ok(grpcIdentity.wirePerCall!.steadyState.response < grpcIdentity.wirePerCall!.firstCall.response);
  const restIdentity = find("rest", "ListOrders", "medium", "response", "identity");
  assert.equal(restIdentity.wirePerCall!.steadyState.request, restIdentity.wirePerCall!.firstCall.request);
});
