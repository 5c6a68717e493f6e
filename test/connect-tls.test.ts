// bench/run-tls.ts connectTls, the one way the bench's own clients open TLS, and the undici connector built on it
// (bench/drivers/undici-tls-connector.ts): one "error" per failure, a handshake that never finishes fails with its
// own code instead of hanging, a `metered: false` socket is invisible to the byte meter, and the connector checks
// ALPN and resumes sessions only when asked. Loopback only; no assertion is on timing.
import assert from "node:assert/strict";
import net from "node:net";
import tls from "node:tls";
import { after, before, describe, it } from "node:test";
import type { buildConnector } from "undici";
import { transportErrorCode } from "../bench/drivers/error-code.js";
import { undiciTlsConnector } from "../bench/drivers/undici-tls-connector.js";
import { connectTls, endpointKey, handshakeTallies, resetHandshakeTallies, TLS_HANDSHAKE_TIMEOUT_CODE } from "../bench/run-tls.js";
import { SocketBytesMeter } from "../bench/wire/socket-bytes-meter.js";
import type { ServerTlsMaterial } from "../servers/server-arm.js";
import { makeSelfSignedCertificate } from "../servers/tls/self-signed-certificate.js";

/** A TCP port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Every "error" the socket emits until it has closed and the queued events have run. */
function errorsUntilClosed(socket: tls.TLSSocket): Promise<Error[]> {
  const errors: Error[] = [];
  socket.on("error", (error) => errors.push(error));
  return new Promise((resolve) => socket.once("close", () => setTimeout(() => resolve(errors), 50)));
}

/** The connector's callback as a promise: the socket, or the error it failed with. */
function connectWith(connector: buildConnector.connector, port: number): Promise<{ socket: net.Socket | null; error: Error | null }> {
  return new Promise((resolve) => {
    connector({ hostname: "127.0.0.1", host: `127.0.0.1:${port}`, protocol: "https:", port: String(port) } as buildConnector.Options, (error, socket) =>
      resolve({ socket: socket ?? null, error: error ?? null }),
    );
  });
}

let material: ServerTlsMaterial;
before(async () => {
  material = await makeSelfSignedCertificate(["127.0.0.1"]);
});

describe("connectTls failures", () => {
  it("a refused connection emits exactly one error", async () => {
    const socket = connectTls({ host: "127.0.0.1", port: await closedPort(), alpn: ["h2"], tally: false });
    const errors = await errorsUntilClosed(socket);
    assert.equal(errors.length, 1, errors.map((e) => (e as NodeJS.ErrnoException).code).join(", "));
    assert.equal(transportErrorCode(errors[0]), "refused");
  });

  it("a server that accepts TCP and never answers the handshake fails by timeout, once, with its own code", async () => {
    const accepted = new Set<net.Socket>();
    const silent = net.createServer((socket) => accepted.add(socket));
    const port = await listen(silent);
    try {
      const socket = connectTls({ host: "127.0.0.1", port, alpn: ["http/1.1"], tally: false, timeoutMs: 200 });
      const errors = await errorsUntilClosed(socket);
      assert.equal(errors.length, 1);
      assert.equal((errors[0] as NodeJS.ErrnoException).code, TLS_HANDSHAKE_TIMEOUT_CODE);
      assert.equal(transportErrorCode(errors[0]), "tls-timeout");
    } finally {
      for (const s of accepted) s.destroy();
      silent.close();
    }
  });
});

describe("connectTls with a TLS server", () => {
  let server: tls.Server;
  let port = 0;
  before(async () => {
    // echoes whatever it is sent; agrees on http/1.1 only
    server = tls.createServer({ cert: material.cert, key: material.key, ALPNProtocols: ["http/1.1"] }, (socket) => socket.pipe(socket));
    port = await listen(server);
  });
  after(() => server.close());

  /** One handshake and one echoed message; resolves once the socket closed. */
  function roundTrip(socket: tls.TLSSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.once("error", reject);
      socket.once("secureConnect", () => socket.write("ping"));
      socket.once("data", () => socket.end());
      socket.once("close", () => resolve());
    });
  }

  it("metered: false opens a socket the byte meter never sees; the default one it counts", async () => {
    const meter = new SocketBytesMeter();
    try {
      await roundTrip(connectTls({ host: "127.0.0.1", port, alpn: ["http/1.1"], trust: { ca: material.cert }, metered: false, tally: false }));
      assert.deepEqual(meter.snapshot(), { read: 0, written: 0 });
      await roundTrip(connectTls({ host: "127.0.0.1", port, alpn: ["http/1.1"], trust: { ca: material.cert }, tally: false }));
      const counted = meter.snapshot();
      assert.ok(counted.read > 0 && counted.written > 0, JSON.stringify(counted));
    } finally {
      meter.dispose();
    }
  });

  it("tally: false leaves the handshake out of the run's tally; the default counts it", async () => {
    resetHandshakeTallies();
    await roundTrip(connectTls({ host: "127.0.0.1", port, alpn: ["http/1.1"], trust: { ca: material.cert }, metered: false, tally: false }));
    assert.equal(handshakeTallies().get(endpointKey("127.0.0.1", port)), undefined);
    await roundTrip(connectTls({ host: "127.0.0.1", port, alpn: ["http/1.1"], trust: { ca: material.cert } }));
    assert.equal(handshakeTallies().get(endpointKey("127.0.0.1", port))?.full, 1);
    resetHandshakeTallies();
  });
});

describe("the undici TLS connector", () => {
  it("resumes the server's last session when asked, and makes full handshakes when not", async () => {
    const server = tls.createServer({ cert: material.cert, key: material.key, ALPNProtocols: ["http/1.1"] }, (socket) => {
      // the TLS 1.3 ticket comes after the handshake: a byte from the server lets the client read it
      socket.write("x");
    });
    const port = await listen(server);
    const { setRunTlsTrust } = await import("../bench/run-tls.js");
    setRunTlsTrust({ ca: material.cert, insecure: false });
    try {
      for (const resume of [true, false]) {
        const connector = undiciTlsConnector({ resume });
        const resumed: boolean[] = [];
        for (let i = 0; i < 2; i++) {
          const { socket, error } = await connectWith(connector, port);
          assert.equal(error, null);
          const secure = socket as tls.TLSSocket;
          resumed.push(secure.isSessionReused());
          // wait for the ticket before the next connection asks for it
          await new Promise((resolve) => secure.once("data", resolve));
          await new Promise((resolve) => setTimeout(resolve, 20));
          secure.destroy();
        }
        assert.deepEqual(resumed, resume ? [false, true] : [false, false], `resume: ${resume}`);
      }
    } finally {
      setRunTlsTrust({ ca: null, insecure: false });
      resetHandshakeTallies();
      server.close();
    }
  });

  it("a server that accepts none of the protocols offered by ALPN fails the connection as alpn", async () => {
    // undefined: the no_application_protocol alert (RFC 7301), what an HTTP/2-only server answers an HTTP/1.1 offer
    const server = tls.createServer({ cert: material.cert, key: material.key, ALPNCallback: () => undefined }, () => {});
    const port = await listen(server);
    const { setRunTlsTrust } = await import("../bench/run-tls.js");
    setRunTlsTrust({ ca: material.cert, insecure: false });
    try {
      const { error } = await connectWith(undiciTlsConnector(), port);
      assert.ok(error !== null);
      assert.equal(transportErrorCode(error), "alpn");
    } finally {
      setRunTlsTrust({ ca: null, insecure: false });
      resetHandshakeTallies();
      server.close();
    }
  });

  it("a handshake that never finishes fails the connection with tls-timeout", async () => {
    const accepted = new Set<net.Socket>();
    const silent = net.createServer((socket) => accepted.add(socket));
    const port = await listen(silent);
    try {
      const { error } = await connectWith(undiciTlsConnector({ timeoutMs: 200 }), port);
      assert.equal(transportErrorCode(error), "tls-timeout");
    } finally {
      for (const s of accepted) s.destroy();
      silent.close();
    }
  });
});
