// The families other than load against TLS servers (grpcs://, https://, loopback): the stream and multiplex families
// run with zero errors and count their bytes at the TCP socket (every connection counted paid a TLS handshake);
// the compression family verifies compression from the plaintext inside TLS and says so in each entry; an untrusted
// certificate is one line naming the target and the fix (--ca FILE or --insecure), exit 2. No timing assertions.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import tls from "node:tls";
import { after, before, describe, it } from "node:test";
import { createCompressionFamily } from "../bench/families/compression.js";
import { createMultiplexFamily } from "../bench/families/multiplex.js";
import { createStreamFamily } from "../bench/families/stream.js";
import type { FamilyContext, Section, SectionEntry } from "../bench/family.js";
import type { CompressionResult } from "../bench/model/compression-result.js";
import type { MultiplexResult } from "../bench/model/multiplex-result.js";
import type { StreamResult } from "../bench/model/stream-result.js";
import { runArms } from "../bench/orchestrator.js";
import { setRunServerTls } from "../bench/run-server-tls.js";
import { endpointKey, handshakeTallies, setRunTlsTrust } from "../bench/run-tls.js";
import { targetProblem, tlsHandshake } from "../bench/target-reachability.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { findArm } from "../servers/registry.js";
import type { RunningServer, ServerOptions, ServerTlsMaterial } from "../servers/server-arm.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

let material: ServerTlsMaterial;
const closers: (() => Promise<void>)[] = [];

/** One arm serving TLS on loopback with the test's certificate; its target as the bench names it. */
async function tlsArm(id: string, options: Partial<ServerOptions> = {}): Promise<{ target: string; port: number }> {
  const arm = findArm(id)!;
  const server: RunningServer = await arm.start({ host: "127.0.0.1", port: 0, seed: DEFAULT_SEED, ...options, tls: material });
  closers.push(() => server.close());
  return { target: `${arm.api === "grpc" ? "grpcs" : "https"}://127.0.0.1:${server.port}`, port: server.port };
}

/** A context that keeps what a family records, and its caveats and left-out lines. */
function familyContext(targets: Record<string, string>) {
  const entries: SectionEntry<Section>[] = [];
  const caveats: string[] = [];
  const leftOut: string[] = [];
  const serverExits: unknown[] = [];
  const ctx: FamilyContext = {
    profile: "quick",
    signal: AbortSignal.timeout(120_000),
    arms: runArms({ arms: ["grpc", "rest"], targets }),
    baseline: "rest",
    record: (_section, entry) => void entries.push(entry),
    caveat: (text) => void caveats.push(text),
    leftOut: (text) => void leftOut.push(text),
    serverExit: (exit) => void serverExits.push(exit),
    progress: () => {},
  };
  return { ctx, entries, caveats, leftOut, serverExits };
}

before(async () => {
  material = await makeSelfSignedCertificate(["127.0.0.1", "localhost"]);
  // What the CLI does for --ca FILE: the run's clients trust this certificate.
  setRunTlsTrust({ ca: material.cert, insecure: false });
});

after(async () => {
  setRunTlsTrust({ ca: null, insecure: false });
  await Promise.all(closers.map((close) => close().catch(() => {})));
});

describe("stream family over TLS", () => {
  it("every case completes verified, its bytes counted at the TCP socket, and says it ran over TLS", { timeout: 120_000 }, async () => {
    const [grpc, rest] = await Promise.all([tlsArm("grpc"), tlsArm("rest")]);
    const run = familyContext({ grpc: grpc.target, rest: rest.target });
    const family = createStreamFamily({
      plan: {
        orderCounts: [10, 300],
        orderRepetitions: () => 2,
        warmupOrders: 5,
        uploadBytes: [256 * 1024],
        uploadRepetitions: () => 2,
        chatMessages: 20,
        chatWarmupMessages: 5,
        repetitionTimeoutMs: 20_000,
      },
    });
    await family.run(run.ctx);
    const entries = run.entries as StreamResult[];
    assert.deepEqual(run.serverExits, []);
    // 2 counts × (grpc-StreamOrders + 3 REST configurations), 2 uploads, 2 conversations
    assert.equal(entries.length, 12, entries.map((e) => `${e.arm} ${e.configuration} ${e.items}`).join(", "));
    for (const e of entries) {
      const what = `${e.arm} ${e.configuration} ${e.items}`;
      assert.equal(e.endReason, "completed", `${what}: ${e.failure}`);
      assert.equal(e.verified, true, `${what}: ${e.failure}`);
      assert.ok(e.wireBytes !== null && e.wireBytes.request > 0 && e.wireBytes.response > 0, `${what}: bytes counted`);
      assert.match(e.note ?? "", /over TLS/, what);
    }
    const upload = entries.find((e) => e.kind === "client-stream" && e.protocol === "rest");
    assert.ok(upload?.wireBytes && upload.wireBytes.request > 256 * 1024, "the upload's TLS records were counted at the TCP socket");
    const tallies = handshakeTallies();
    const grpcTally = tallies.get(endpointKey("127.0.0.1", grpc.port));
    const restTally = tallies.get(endpointKey("127.0.0.1", rest.port));
    assert.ok(grpcTally && grpcTally.full > 0 && (grpcTally.alpn.h2 ?? 0) === grpcTally.full + grpcTally.resumed, `gRPC handshakes: ${JSON.stringify(grpcTally)}`);
    assert.ok(restTally && restTally.full > 0 && (restTally.alpn["http/1.1"] ?? 0) === restTally.full + restTally.resumed, `REST handshakes: ${JSON.stringify(restTally)}`);
  });
});

describe("multiplex family over TLS", () => {
  it("every configuration runs with zero errors, counts bytes, and each connection paid a handshake", { timeout: 120_000 }, async () => {
    const [grpc, rest] = await Promise.all([tlsArm("grpc"), tlsArm("rest")]);
    const run = familyContext({ grpc: grpc.target, rest: rest.target });
    const family = createMultiplexFamily({ plan: { inFlight: [8], warmupS: 0.05, durationS: 0.3, repetitions: 1, timeoutMs: 5000 } });
    await family.run(run.ctx);
    const entries = run.entries as MultiplexResult[];
    assert.deepEqual(entries.map((e) => e.configuration), ["grpc-1conn", "grpc-kconn", "rest-keepalive", "rest-pool4", "rest-no-keepalive"]);
    for (const e of entries) {
      assert.equal(e.endReason, "completed", `${e.configuration}: ${e.failure}`);
      assert.equal(e.errors.total, 0, `${e.configuration}: ${JSON.stringify(e.errors.byCode)}`);
      assert.ok(e.requests > 0, e.configuration);
      assert.ok(e.wireBytesPerCall !== null && e.wireBytesPerCall.request > 0 && e.wireBytesPerCall.response > 0, `${e.configuration}: bytes per call`);
      const m = /over TLS: (\d+) full and (\d+) resumed TLS handshakes? with /.exec(e.note);
      assert.ok(m, `${e.configuration}: ${e.note}`);
      // one per connection counted (the targets' monitor connections stay out of the tally)
      assert.equal(Number(m[1]) + Number(m[2]), e.connectionsOpened, `${e.configuration}: a handshake per connection counted (${e.connectionsOpened}): ${e.note}`);
    }
    const nka = entries.find((e) => e.configuration === "rest-no-keepalive")!;
    assert.ok(nka.connectionsOpenedMeasured > 0, "a new TLS connection per call");
    // The head-of-line experiment needs servers the family starts itself; for targets it says so.
    assert.ok(run.caveats.some((c) => /head-of-line experiment skipped for grpc, rest/.test(c)), run.caveats.join("\n"));
  });
});

describe("multiplex family with --tls: the servers it starts serve TLS", () => {
  it("every configuration, head-of-line included, runs over TLS with zero errors", { timeout: 120_000 }, async () => {
    // What `--tls` does: the run's certificate for the servers the harness starts, trusted by its clients.
    setRunServerTls(material);
    try {
      const run = familyContext({});
      const family = createMultiplexFamily({
        plan: {
          inFlight: [4],
          warmupS: 0.05,
          durationS: 0.3,
          repetitions: 1,
          timeoutMs: 5000,
          headOfLine: { inFlight: 4, rateRps: 100, slowEvery: 4, slowDelayMs: 20, warmupS: 0.05, durationS: 0.5 },
        },
      });
      await family.run(run.ctx);
      assert.deepEqual(run.serverExits, []);
      const entries = run.entries as MultiplexResult[];
      assert.deepEqual(entries.map((e) => e.configuration), ["grpc-1conn", "rest-keepalive", "rest-no-keepalive", "hol-grpc-1conn", "hol-rest-keepalive", "hol-rest-pool4"]);
      for (const e of entries) {
        assert.equal(e.endReason, "completed", `${e.configuration}: ${e.failure}`);
        assert.equal(e.errors.total, 0, `${e.configuration}: ${JSON.stringify(e.errors.byCode)}`);
        const m = /over TLS: (\d+) full and (\d+) resumed TLS handshakes? with /.exec(e.note);
        assert.ok(m, `${e.configuration}: ${e.note}`);
        // servers the family started have no monitor connection: exactly one handshake per connection
        assert.equal(Number(m[1]) + Number(m[2]), e.connectionsOpened, `${e.configuration}: ${e.note}`);
      }
    } finally {
      setRunServerTls(null);
    }
  });
});

describe("compression family over TLS", () => {
  it("verifies compression from the plaintext inside TLS, and each entry says so", { timeout: 120_000 }, async () => {
    const [grpc, rest] = await Promise.all([tlsArm("grpc", { compression: true }), tlsArm("rest", { compression: true })]);
    const run = familyContext({ grpc: grpc.target, rest: rest.target });
    const tiny = { responseClasses: ["medium"] as "medium"[], warmupS: 0.05, durationS: 0.2, repetitions: 1, sequentialCalls: 10, sequentialWarmupCalls: 2, probeCalls: 2, codecTimingMs: 5, deflate: false };
    await createCompressionFamily({ plan: tiny }).run(run.ctx);
    const entries = run.entries as CompressionResult[];
    const find = (protocol: string, direction: string, requested: string) => {
      const e = entries.find((x) => x.protocol === protocol && x.direction === direction && x.requested === requested && !x.path.startsWith("estimate"));
      assert.ok(e, `${protocol} ${direction} ${requested}`);
      return e;
    };
    for (const codec of ["gzip", "br"]) {
      const e = find("rest", "response", codec);
      assert.equal(e.applied, codec, "the body decoded from what the server sent through TLS");
      assert.equal(e.appliedAsRequested, true);
      assert.ok(e.wireBytes < e.uncompressedBytes);
      assert.equal(e.errors, 0);
      assert.match(e.wirePerCall?.note ?? "", /over TLS: verified from the plaintext/);
      assert.match(e.path, /over TLS/);
      assert.ok(e.loadWireBytesPerCall && e.loadWireBytesPerCall.response > 0, "load bytes counted at the TCP socket");
    }
    const grpcRequest = find("grpc", "request", "gzip");
    assert.equal(grpcRequest.applied, "gzip", "compressed flag and gzip magic seen in the frames relayed over TLS");
    assert.equal(grpcRequest.errors, 0);
    assert.match(grpcRequest.wirePerCall?.note ?? "", /over TLS: frames captured in plaintext/);
    // grpc-js servers never compress responses: over TLS the wire says so as it does in cleartext, never "verified".
    const grpcResponse = find("grpc", "response", "gzip");
    assert.equal(grpcResponse.applied, "identity");
    assert.equal(grpcResponse.appliedAsRequested, false);
    assert.equal(find("rest", "request", "gzip").applied, "gzip");
  });
});

describe("reachability of a TLS target", () => {
  let port = 0;
  let cleartextPort = 0;
  before(async () => {
    ({ port } = await tlsArm("grpc"));
    const plain = net.createServer((s) => s.on("error", () => {}).end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    cleartextPort = (plain.address() as net.AddressInfo).port;
    closers.push(() => new Promise<void>((resolve) => plain.close(() => resolve())));
  });

  it("is reachable only when the handshake succeeds with the run's trust", async () => {
    const target = `grpcs://127.0.0.1:${port}`;
    assert.equal(await targetProblem("grpc", target, { ca: material.cert, insecure: false }), null);
    assert.equal(await targetProblem("grpc", target, { ca: null, insecure: true }), null);
    const untrusted = await targetProblem("grpc", target, { ca: null, insecure: false });
    assert.match(untrusted ?? "", new RegExp(`^--target grpc=grpcs://127\\.0\\.0\\.1:${port}: its TLS certificate is not trusted \\(.+\\); pass --ca FILE .* or --insecure`));
    assert.doesNotMatch(untrusted ?? "", /\n/);
  });

  it("names a certificate for another host, and a cleartext server behind a TLS URL", async () => {
    const other = await makeSelfSignedCertificate(["localhost"]);
    const server = tls.createServer({ cert: other.cert, key: other.key });
    server.on("tlsClientError", () => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const otherPort = (server.address() as net.AddressInfo).port;
    assert.match((await targetProblem("rest", `https://127.0.0.1:${otherPort}`, { ca: other.cert, insecure: false })) ?? "", /certificate does not name 127\.0\.0\.1/);
    assert.match((await targetProblem("grpc", `grpcs://127.0.0.1:${cleartextPort}`, { ca: material.cert, insecure: false })) ?? "", /no TLS handshake .*use grpc:\/\/ instead/);
    const outcome = await tlsHandshake("127.0.0.1", port, ["h2"], { ca: material.cert, insecure: false });
    assert.deepEqual(outcome.ok && outcome.alpn, "h2");
  });

  it("the bench CLI: an untrusted target is one line on stderr naming it and the fix, exit 2", { timeout: 60_000 }, async () => {
    const target = `grpcs://127.0.0.1:${port}`;
    // Asynchronously: the server is in this process, so its event loop must keep running while the CLI dials it.
    const child = spawn(process.execPath, ["--import", "tsx", "bench/cli.ts", "--arms", "grpc", "--baseline", "grpc", "--target", `grpc=${target}`, "--only", "stream"], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    const r = { stdout: "", stderr: "", status: null as number | null };
    child.stdout.on("data", (chunk: Buffer) => (r.stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (r.stderr += chunk.toString()));
    [r.status] = (await once(child, "close")) as [number | null];
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, new RegExp(`--target grpc=${target.replace(/\./g, "\\.")}: its TLS certificate is not trusted .*--ca FILE.*--insecure`));
  });
});
