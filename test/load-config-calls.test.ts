// A --config call through every driver the config load uses: several requests sent round-robin (the lean gRPC frames,
// the grpc-js stub, autocannon, h1-lean, undici), REST requests with their method and a JSON body sent as
// application/json, and `check: equal-json` under load (a reply that differs from its request's reference counts as
// "mismatch", never thrown). Loopback servers record what arrived; nothing is timed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import http2 from "node:http2";
import net, { type AddressInfo } from "node:net";
import protobuf from "protobufjs";
import { AutocannonLoad } from "../bench/drivers/autocannon-load.js";
import { GrpcJsTransport } from "../bench/drivers/grpc-js-transport.js";
import { H1LeanTransport, requestBytes } from "../bench/drivers/h1-lean-transport.js";
import { H2FramesTransport } from "../bench/drivers/h2-frames-transport.js";
import type { Transport } from "../bench/drivers/transport.js";
import { UndiciTransport } from "../bench/drivers/undici-transport.js";
import { CallSink, WindowCounts } from "../bench/load/call-sink.js";
import { userCallSpec } from "../bench/user-api/user-call-spec.js";
import type { UserCall } from "../bench/user-api/user-call.js";

const root = protobuf.parse(`syntax = "proto3"; package t; message Point { int32 latitude = 1; int32 longitude = 2; }`).root;
const Point = root.lookupType("t.Point");
const points = [
  { latitude: 1, longitude: 2 },
  { latitude: 3, longitude: 4 },
  { latitude: 5, longitude: 6 },
];

/** Three requests; the REST side a GET with the point in the path, or a POST with it as the body. */
function call(method: "GET" | "POST"): UserCall {
  return {
    name: `echo-${method.toLowerCase()}`,
    grpc: { path: "/t.Echo/Point", requestType: Point, responseType: Point, requests: points.map((p) => Point.encode(p).finish()), serverStreaming: false, clientStreaming: false },
    rest: {
      method,
      requests: points.map((p) => (method === "GET" ? { path: `/p/${p.latitude}/${p.longitude}?x=1`, body: null } : { path: "/points:echo", body: JSON.stringify(p) })),
    },
  };
}

interface Seen {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

let rest: http.Server;
let restOrigin: string;
const restSeen: Seen[] = [];
let grpc: http2.Http2Server;
let grpcTarget: string;
const grpcSeen: Buffer[] = [];

before(async () => {
  // REST: the point back as JSON, from the path (GET) or the body (POST)
  rest = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      restSeen.push({ method: req.method ?? "", path: req.url ?? "", contentType: req.headers["content-type"], body });
      const m = /^\/p\/(-?\d+)\/(-?\d+)/.exec(req.url ?? "");
      const reply = m !== null ? JSON.stringify({ latitude: Number(m[1]), longitude: Number(m[2]) }) : body;
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(reply)) });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => rest.listen(0, "127.0.0.1", resolve));
  restOrigin = `http://127.0.0.1:${(rest.address() as AddressInfo).port}`;
  // gRPC: the request message back as the reply
  grpc = http2.createServer();
  grpc.on("stream", (stream) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const frame = Buffer.concat(chunks);
      grpcSeen.push(frame.subarray(5));
      stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
      stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
      stream.end(frame);
    });
  });
  await new Promise<void>((resolve) => grpc.listen(0, "127.0.0.1", resolve));
  grpcTarget = `grpc://127.0.0.1:${(grpc.address() as AddressInfo).port}`;
});

after(async () => {
  rest.closeAllConnections();
  await new Promise<void>((resolve) => rest.close(() => resolve()));
  await new Promise<void>((resolve) => grpc.close(() => resolve()));
});

/** `n` calls one after another on lane 0; their codes. */
async function sequential(transport: Transport, n: number): Promise<(string | null)[]> {
  await transport.open();
  const codes: (string | null)[] = [];
  try {
    for (let i = 0; i < n; i++) codes.push(await new Promise<string | null>((resolve) => transport.send(0, resolve)));
  } finally {
    await transport.close();
  }
  return codes;
}

const decoded = (bytes: Buffer[]) => bytes.map((b) => Point.toObject(Point.decode(b)));

describe("gRPC: several requests round-robin", () => {
  test("h2-frames sends the frames in turn", async () => {
    const spec = userCallSpec(call("GET"));
    grpcSeen.length = 0;
    const transport = new H2FramesTransport({ target: grpcTarget, connections: 1, path: spec.grpcPath, frame: spec.requestFrame, frames: spec.rotation?.requestFrames ?? [], timeoutMs: 5000 });
    assert.deepEqual(await sequential(transport, 6), [null, null, null, null, null, null]);
    assert.deepEqual(decoded(grpcSeen), [...points, ...points]);
  });

  test("grpc-js encodes each request in turn, and a reply that fails the check is a mismatch", async () => {
    // the reference says request 2's reply should be another point: its calls are mismatches, the others pass
    const expected = [points[0], { latitude: 9 }, points[2]] as object[];
    const spec = userCallSpec(call("GET"), expected as never);
    grpcSeen.length = 0;
    const transport = new GrpcJsTransport({ target: grpcTarget, connections: 1, spec, timeoutMs: 5000 });
    assert.deepEqual(await sequential(transport, 6), [null, "mismatch", null, null, "mismatch", null]);
    assert.deepEqual(decoded(grpcSeen), [...points, ...points]);
  });
});

describe("REST: method, path and JSON body, round-robin", () => {
  test("h1-lean writes GETs without a body and POSTs with application/json", async () => {
    restSeen.length = 0;
    const get = userCallSpec(call("GET"));
    assert.deepEqual(await sequential(new H1LeanTransport({ target: restOrigin, connections: 1, path: get.restPath, requests: get.rotation?.rest ?? [], timeoutMs: 5000 }), 4), [null, null, null, null]);
    assert.deepEqual(
      restSeen.map((s) => [s.method, s.path, s.contentType, s.body]),
      [...points, points[0]].map((p) => ["GET", `/p/${p?.latitude}/${p?.longitude}?x=1`, undefined, ""]),
    );
    restSeen.length = 0;
    const post = userCallSpec(call("POST"));
    assert.deepEqual(await sequential(new H1LeanTransport({ target: restOrigin, connections: 1, path: post.restPath, requests: post.rotation?.rest ?? [], timeoutMs: 5000 }), 3), [null, null, null]);
    assert.deepEqual(
      restSeen.map((s) => [s.method, s.path, s.contentType, JSON.parse(s.body)]),
      points.map((p) => ["POST", "/points:echo", "application/json", p]),
    );
  });

  test("h1-lean: a request's bytes (a GET unchanged, an empty POST says content-length: 0)", () => {
    assert.equal(requestBytes({ method: "GET", path: "/a?b=1", body: null }, "h:1", "").toString("latin1"), "GET /a?b=1 HTTP/1.1\r\nHost: h:1\r\n\r\n");
    assert.equal(requestBytes({ method: "POST", path: "/a", body: null }, "h:1", "").toString("latin1"), "POST /a HTTP/1.1\r\nHost: h:1\r\ncontent-length: 0\r\n\r\n");
    assert.equal(
      requestBytes({ method: "PUT", path: "/a", body: '{"n":"é"}' }, "h:1", "x: y\r\n").toString("utf8"),
      'PUT /a HTTP/1.1\r\nHost: h:1\r\nx: y\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{"n":"é"}',
    );
  });

  test("undici sends each request in turn, decodes the reply with the call's type and checks it", async () => {
    restSeen.length = 0;
    const expected = [points[0], points[1], { latitude: 7, longitude: 7 }] as object[];
    const spec = userCallSpec(call("POST"), expected as never);
    const codes = await sequential(new UndiciTransport({ target: restOrigin, connections: 1, spec, timeoutMs: 5000 }), 6);
    assert.deepEqual(codes, [null, null, "mismatch", null, null, "mismatch"]);
    // open() sends the first request once per connection, to check the target answers
    assert.deepEqual(
      restSeen.slice(1).map((s) => [s.method, s.contentType, JSON.parse(s.body)]),
      [...points, ...points].map((p) => ["POST", "application/json", p]),
    );
  });

  test("autocannon cycles through the requests, bodies as application/json", async () => {
    restSeen.length = 0;
    const spec = userCallSpec(call("POST"));
    const load = new AutocannonLoad({ target: restOrigin, path: spec.restPath, requests: spec.rotation?.rest ?? [], connections: 1, pipelining: 1, timeoutMs: 5000 });
    const sink = new CallSink();
    const window = new WindowCounts();
    sink.pointAt(window);
    load.start(sink);
    const deadline = Date.now() + 10_000;
    while (restSeen.length < 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await load.stop();
    assert.ok(restSeen.length >= 6, `only ${restSeen.length} requests arrived`);
    assert.equal(window.errors.total, 0);
    assert.deepEqual(
      restSeen.slice(0, 6).map((s) => [s.method, s.path, s.contentType, JSON.parse(s.body)]),
      [...points, ...points].map((p) => ["POST", "/points:echo", "application/json", p]),
    );
  });
});

test("h1-lean with Connection: close sends one request per connection, whether or not the server echoes it", async () => {
  // A server that answers each request and closes without saying "Connection: close" (Python's http.server does so).
  const perConnection: number[] = [];
  const quiet = net.createServer((socket) => {
    const index = perConnection.push(0) - 1;
    let seen = "";
    socket.on("data", (chunk: Buffer) => {
      seen += chunk.toString("latin1");
      while (seen.includes("\r\n\r\n")) {
        seen = seen.slice(seen.indexOf("\r\n\r\n") + 4);
        perConnection[index] = (perConnection[index] ?? 0) + 1;
        socket.end("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
      }
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => quiet.listen(0, "127.0.0.1", resolve));
  try {
    const target = `http://127.0.0.1:${(quiet.address() as AddressInfo).port}`;
    const transport = new H1LeanTransport({ target, connections: 1, path: "/", timeoutMs: 5000, headers: { connection: "close" } });
    assert.deepEqual(await sequential(transport, 4), [null, null, null, null]);
    assert.ok(perConnection.every((n) => n <= 1), `requests per connection: ${perConnection.join(", ")}`);
    assert.equal(perConnection.reduce((a, b) => a + b, 0), 4);
  } finally {
    await new Promise<void>((resolve) => quiet.close(() => resolve()));
  }
});
