// The environment block: exact installed versions, the commit, and pinning settled by what the load scenarios did.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { captureEnvironment, installedVersions, settlePinning } from "../bench/environment.js";
import { sampleReport } from "./fixtures/sample-report.js";

describe("environment", () => {
  it("reads exact versions from node_modules, not ranges from package.json", () => {
    const versions = installedVersions();
    const grpcJs = JSON.parse(readFileSync("node_modules/@grpc/grpc-js/package.json", "utf8")).version;
    assert.equal(versions["@grpc/grpc-js"], grpcJs);
    for (const name of ["express", "protobufjs", "autocannon", "hdr-histogram-js", "undici", "compression"]) {
      assert.match(versions[name] ?? "", /^\d+\.\d+\.\d+/, name);
    }
    assert.deepEqual(installedVersions(".", ["no-such-package-here"]), {});
  });

  it("captures machine, runtime and commit", () => {
    const env = captureEnvironment();
    assert.equal(env.node, process.version);
    assert.ok(env.cpus >= 1 && env.totalMemMb > 0 && env.cpuModel.length > 0);
    assert.ok(env.gitCommit === null || /^[0-9a-f]{40}(-dirty)?$/.test(env.gitCommit));
    assert.equal(typeof env.pinning, "string");
  });

  it("pinning is what the load scenarios did: any unpinned scenario makes the run unpinned", () => {
    const pinned = sampleReport({ families: ["load"], pinned: true, analyze: false });
    const unpinned = sampleReport({ families: ["load"], pinned: false, analyze: false });
    const planned = { ...pinned.environment, pinned: true, pinning: "plan" };
    assert.equal(settlePinning(planned, pinned.load).pinned, true);
    const mixed = settlePinning(planned, [...pinned.load, unpinned.load[0]!]);
    assert.equal(mixed.pinned, false);
    assert.match(mixed.pinning ?? "", new RegExp(`^1 of ${pinned.load.length + 1} load scenarios ran unpinned`));
    assert.deepEqual(settlePinning(planned, []), planned, "no load: the plan stands");
  });
});
