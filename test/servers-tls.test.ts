// TLS on every arm: the self-signed certificate (ECDSA P-256, SHA-256, SANs, serverAuth), the --cert/--key checks,
// and every arm of the registry serving a call over TLS to a client that trusts the certificate — HTTP/2 arms
// negotiating "h2", HTTP/1.1 arms "http/1.1" — while a client that does not trust it fails the handshake and the
// server keeps serving. Plus the gateway's hop to a grpcs:// upstream. Loopback only; nothing here times anything.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { connect as tcpConnect } from "node:net";
import { X509Certificate, createPrivateKey } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import WebSocket from "ws";
import { allArms, findArm } from "../servers/registry.js";
import type { RunningServer, ServerArm, ServerTlsMaterial } from "../servers/server-arm.js";
import { CHAT_PATH } from "../servers/shop-routes.js";
import { certificateHosts } from "../servers/tls/certificate-hosts.js";
import { makeSelfSignedCertificate, SELF_SIGNED_VALIDITY_DAYS } from "../servers/tls/self-signed-certificate.js";
import { loadTlsFiles, TlsFileError } from "../servers/tls/tls-files.js";
import { UPSTREAM_CA_ENV } from "../servers/gateway/upstream-credentials.js";
import { getUser } from "./fixtures/any-arm-client.js";
import { armServes } from "./fixtures/shop-clients.js";

const LOOPBACK = ["127.0.0.1", "::1", "localhost"];

/** The ALPN protocol a TLS handshake agrees when the client offers both h2 and http/1.1 (null: none). */
function negotiatedAlpn(port: number, ca: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port, ca, ALPNProtocols: ["h2", "http/1.1"] }, () => {
      const alpn = socket.alpnProtocol;
      socket.destroy();
      resolve(typeof alpn === "string" ? alpn : null);
    });
    socket.on("error", reject);
  });
}

/** A handshake with the system roots only: the self-signed certificate must be refused (the error's code). */
function untrustedHandshake(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port, ALPNProtocols: ["h2", "http/1.1"] }, () => {
      socket.destroy();
      reject(new Error("a client without the certificate completed the handshake"));
    });
    socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Cleartext bytes sent to the TLS port: the server drops that connection and nothing else. */
function cleartextToTlsPort(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, "127.0.0.1", () => socket.write("GET /v1/users/u-1 HTTP/1.1\r\nHost: x\r\n\r\n"));
    socket.on("data", () => {});
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

function wssEcho(port: number, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://127.0.0.1:${port}${CHAT_PATH}`, { ca });
    ws.on("open", () => ws.send(JSON.stringify({ sessionId: "s-1", sequence: "1", text: "hello over wss" })));
    ws.on("message", (data) => {
      ws.close(1000);
      resolve(data.toString());
    });
    ws.on("error", reject);
  });
}

describe("the self-signed certificate", () => {
  let material: ServerTlsMaterial;
  before(async () => {
    material = await makeSelfSignedCertificate(LOOPBACK);
  });

  test("ECDSA P-256, signed with SHA-256, its key matches, valid from now for some days", () => {
    const cert = new X509Certificate(material.cert);
    assert.equal(cert.publicKey.asymmetricKeyType, "ec");
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, "prime256v1");
    assert.ok(cert.checkPrivateKey(createPrivateKey(material.key)));
    assert.ok(cert.verify(cert.publicKey), "self-signed");
    // The signature algorithm's DER (RFC 5758): ecdsa-with-SHA256 is 1.2.840.10045.4.3.2; SHA-1's would be 4.1.
    const der = cert.raw;
    assert.ok(der.includes(Buffer.from("06082a8648ce3d040302", "hex")), "signed with ecdsa-with-SHA256");
    assert.ok(!der.includes(Buffer.from("06072a8648ce3d0401", "hex")), "not ecdsa-with-SHA1");
    const now = Date.now();
    assert.ok(Date.parse(cert.validFrom) <= now && now < Date.parse(cert.validTo));
    const days = (Date.parse(cert.validTo) - now) / 86_400_000;
    assert.ok(days > SELF_SIGNED_VALIDITY_DAYS - 1 && days <= SELF_SIGNED_VALIDITY_DAYS, `valid for ${days} days`);
  });

  test("SubjectAltName holds every host as DNS or IP; serverAuth; a leaf (CA:FALSE)", () => {
    const cert = new X509Certificate(material.cert);
    assert.equal(cert.subjectAltName, "IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost");
    assert.equal(cert.checkIP("127.0.0.1"), "127.0.0.1");
    assert.equal(cert.checkHost("localhost"), "localhost");
    assert.deepEqual(cert.keyUsage, ["1.3.6.1.5.5.7.3.1"]); // the EKU: TLS server authentication
    assert.equal(cert.ca, false);
  });

  test("duplicates and IPv6 brackets and zones are folded; no host is an error", async () => {
    const made = await makeSelfSignedCertificate(["LOCALHOST", "localhost", "[fe80::1%eth0]", "10.0.0.1", "10.0.0.1"]);
    assert.equal(new X509Certificate(made.cert).subjectAltName, "DNS:localhost, IP Address:FE80:0:0:0:0:0:0:1, IP Address:10.0.0.1");
    await assert.rejects(makeSelfSignedCertificate([]), /at least one host/);
  });

  test("the hosts certified for a served host", () => {
    assert.deepEqual(certificateHosts("127.0.0.1"), LOOPBACK);
    assert.deepEqual(certificateHosts("::1"), LOOPBACK);
    assert.deepEqual(certificateHosts("localhost"), LOOPBACK);
    assert.deepEqual(certificateHosts("bench.example"), ["bench.example", "localhost", "127.0.0.1"]);
    assert.deepEqual(certificateHosts("10.9.8.7"), ["10.9.8.7", "localhost", "127.0.0.1"]);
    const wildcard = certificateHosts("0.0.0.0");
    for (const host of ["127.0.0.1", "localhost"]) assert.ok(wildcard.includes(host), `${host} in ${wildcard.join(", ")}`);
    assert.deepEqual(certificateHosts("::"), wildcard);
  });

  test("--cert/--key files: missing, not PEM, a key of another certificate: one line each, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "grb-tls-files-"));
    try {
      const other = await makeSelfSignedCertificate(["localhost"]);
      const file = (name: string, text: string): string => {
        const path = join(dir, name);
        writeFileSync(path, text);
        return path;
      };
      const cert = file("cert.pem", material.cert);
      const key = file("key.pem", material.key);
      assert.deepEqual(loadTlsFiles(cert, key), material);
      const cases: [string, string, RegExp][] = [
        [join(dir, "nope.pem"), key, /^--cert .*nope\.pem: cannot read it \(no such file\)$/],
        [cert, join(dir, "nope.pem"), /^--key .*nope\.pem: cannot read it \(no such file\)$/],
        [file("text.pem", "hello"), key, /^--cert .*text\.pem: no PEM certificate in it/],
        [cert, file("text-key.pem", "hello"), /^--key .*text-key\.pem: no PEM private key in it/],
        [cert, file("other-key.pem", other.key), /^--key .*other-key\.pem does not belong to the certificate in --cert .*cert\.pem$/],
        [dir, key, /^--cert .*: cannot read it \(is a directory\)$/],
      ];
      for (const [c, k, pattern] of cases) {
        assert.throws(() => loadTlsFiles(c, k), (err: Error) => err instanceof TlsFileError && pattern.test(err.message) && !err.message.includes("\n"), `${c} ${k}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("every arm over TLS", () => {
  let material: ServerTlsMaterial;
  before(async () => {
    material = await makeSelfSignedCertificate(LOOPBACK);
  });

  for (const arm of allArms()) {
    const alpn = arm.transport === "h2c" ? "h2" : "http/1.1";
    test(`${arm.id}: a call over TLS (ALPN ${alpn}) to a client that trusts the certificate; an untrusting client fails the handshake; the server keeps serving`, { timeout: 60_000 }, async () => {
      const server = await arm.start({ host: "127.0.0.1", port: 0, tls: material });
      try {
        assert.equal(await getUser(arm, server.port, { ca: material.cert }), "u-1");
        assert.equal(await negotiatedAlpn(server.port, material.cert), alpn);
        assert.match(await untrustedHandshake(server.port), /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
        // A client that does not trust it, at the application level too, and cleartext sent to the TLS port.
        await assert.rejects(getUser(arm, server.port, { tls: true }));
        await cleartextToTlsPort(server.port);
        assert.equal(await getUser(arm, server.port, { ca: material.cert }), "u-1", "still serving");
        if (arm.transport === "http/1.1" && armServes(arm.id, "Chat")) {
          const echo = JSON.parse(await wssEcho(server.port, material.cert)) as { text: string };
          assert.equal(echo.text, "hello over wss");
        }
      } finally {
        await server.close();
      }
    });
  }

  test("a cleartext client of a TLS server and a TLS client of a cleartext server fail; neither server goes down", { timeout: 60_000 }, async () => {
    const arm = findArm("rest")!;
    const secured = await arm.start({ host: "127.0.0.1", port: 0, tls: material });
    const plain = await arm.start({ host: "127.0.0.1", port: 0 });
    try {
      await assert.rejects(getUser(arm, secured.port));
      await assert.rejects(getUser(arm, plain.port, { ca: material.cert }));
      assert.equal(await getUser(arm, secured.port, { ca: material.cert }), "u-1");
      assert.equal(await getUser(arm, plain.port), "u-1");
    } finally {
      await Promise.all([secured.close(), plain.close()]);
    }
  });
});

describe("the gateway's hop", () => {
  let material: ServerTlsMaterial;
  let upstream: RunningServer;
  let dir: string;
  const gateway = (): ServerArm => findArm("gateway")!;
  before(async () => {
    material = await makeSelfSignedCertificate(LOOPBACK);
    upstream = await findArm("grpc")!.start({ host: "127.0.0.1", port: 0, tls: material });
    dir = mkdtempSync(join(tmpdir(), "grb-upstream-ca-"));
    writeFileSync(join(dir, "cert.pem"), material.cert);
  });
  after(async () => {
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function withUpstreamCa<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
    const saved = process.env[UPSTREAM_CA_ENV];
    if (value === undefined) delete process.env[UPSTREAM_CA_ENV];
    else process.env[UPSTREAM_CA_ENV] = value;
    return run().finally(() => {
      if (saved === undefined) delete process.env[UPSTREAM_CA_ENV];
      else process.env[UPSTREAM_CA_ENV] = saved;
    });
  }

  test(`--upstream grpcs://… with ${UPSTREAM_CA_ENV}=cert.pem: the hop is TLS, the front cleartext or TLS`, { timeout: 60_000 }, async () => {
    await withUpstreamCa(join(dir, "cert.pem"), async () => {
      const front = await gateway().start({ host: "127.0.0.1", port: 0, upstream: `grpcs://127.0.0.1:${upstream.port}` });
      const secureFront = await gateway().start({ host: "127.0.0.1", port: 0, upstream: `grpcs://localhost:${upstream.port}`, tls: material });
      try {
        assert.equal(await getUser(gateway(), front.port), "u-1");
        assert.equal(await getUser(gateway(), secureFront.port, { ca: material.cert }), "u-1");
      } finally {
        await Promise.all([front.close(), secureFront.close()]);
      }
    });
  });

  test(`--upstream grpcs://… that the gateway cannot trust, or an unreadable ${UPSTREAM_CA_ENV}, is a one-line ListenError`, { timeout: 60_000 }, async () => {
    await withUpstreamCa(undefined, async () => {
      // the system roots do not hold the self-signed certificate: the channel never becomes ready
      await assert.rejects(gateway().start({ host: "127.0.0.1", port: 0, upstream: `grpcs://127.0.0.1:${upstream.port}` }), (err: Error) => err.name === "ListenError" && /cannot reach the upstream gRPC server grpcs:/.test(err.message));
    });
    await withUpstreamCa(join(dir, "missing.pem"), async () => {
      await assert.rejects(gateway().start({ host: "127.0.0.1", port: 0, upstream: `grpcs://127.0.0.1:${upstream.port}` }), (err: Error) => err.name === "ListenError" && new RegExp(`^${UPSTREAM_CA_ENV}=.*missing\\.pem: cannot read it \\(ENOENT\\)$`).test(err.message));
    });
  });
});
