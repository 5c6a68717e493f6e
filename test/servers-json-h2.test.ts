// json-h2 against rest: every call json-h2 serves, every size class and the error cases answer over HTTP/2 with
// rest's status, headers (less the connection-specific ones HTTP/2 forbids, and Date) and body bytes; rest answers
// over HTTP/1.1 (fetch), json-h2 over a node:http2 client. Then what only an HTTP/2 arm has (a body without
// Content-Length, a reset stream, GOAWAY on close), compression, the serve CLI, and a short load run of each
// driver that loads it (h2-frames in REST mode, h2-json) with zero errors. No figure is asserted.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import http2 from "node:http2";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { H2FramesTransport } from "../bench/drivers/h2-frames-transport.js";
import { H2JsonTransport } from "../bench/drivers/h2-json-transport.js";
import type { CallDone, Transport } from "../bench/drivers/transport.js";
import { callSpec } from "../bench/load/call-spec.js";
import { resolveScenario, type ScenarioInput } from "../bench/load/load-scenario.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";
import { PAYLOAD_CLASSES, SIZE_CLASSES } from "../payloads/size-classes.js";
import { findArm } from "../servers/registry.js";
import type { RunningServer } from "../servers/server-arm.js";
import { restPath, type RpcName } from "../servers/shop-routes.js";
import { h2Rest, h2RestRaw, type H2RestOptions } from "./fixtures/h2-rest-client.js";
import { assertSameReply, rest, startArm, type RestReply, type SameOnEveryArm } from "./fixtures/shop-clients.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIMIT = 64 * 1024;

/** Connection-specific headers (RFC 9113 §8.2.2): an HTTP/1.1 reply has them, an HTTP/2 reply must not. */
const CONNECTION_SPECIFIC = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"];

function withoutConnectionHeaders(reply: RestReply): RestReply {
  const headers = { ...reply.headers };
  for (const name of CONNECTION_SPECIFIC) delete headers[name];
  return { ...reply, headers };
}

const servers = {} as { rest: RunningServer; jsonH2: RunningServer };
before(async () => {
  [servers.rest, servers.jsonH2] = await Promise.all([startArm("rest", { maxRequestBytes: LIMIT }), startArm("json-h2", { maxRequestBytes: LIMIT })]);
});
after(async () => {
  await Promise.all([servers.rest.close(), servers.jsonH2.close()]);
});

/** The same request to rest (HTTP/1.1) and json-h2 (HTTP/2): json-h2's reply must be rest's. Returns rest's reply. */
async function same(method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}, options: SameOnEveryArm & H2RestOptions = {}): Promise<RestReply> {
  const [reference, h2] = await Promise.all([rest(servers.rest.port, method, path, body, headers), h2Rest(servers.jsonH2.port, method, path, body, headers, options)]);
  for (const name of CONNECTION_SPECIFIC) assert.equal(h2.headers[name], undefined, `json-h2 sends no ${name} header: ${method} ${path}`);
  assertSameReply(withoutConnectionHeaders(reference), h2, `json-h2 vs rest: ${method} ${path}`, options);
  return reference;
}

const json = { "content-type": "application/json" };

/**
 * One HTTP/1.1 GET written as is (fetch adds `Cache-Control: no-cache` to a conditional request, so it cannot send
 * a bare `If-None-Match: *`): status and body.
 */
function h1Get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      resolve({ status: Number(text.slice(9, 12)), body: text.slice(split + 4) });
    });
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("");
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${lines}Connection: close\r\n\r\n`);
  });
}

/** One parity check per call json-h2 serves; the arm's `calls` must name exactly these. */
const CALL_CASES: Partial<Record<RpcName, () => Promise<void>>> = {
  GetUser: async () => {
    for (const id of ["u-1", "u-6", "u-1000"]) assert.equal((await same("GET", restPath.getUser(id))).status, 200);
  },
  ListUsers: async () => {
    const first = await same("GET", restPath.listUsers({ pageSize: 150 }));
    const token = (first.json as { nextPageToken: string }).nextPageToken;
    assert.ok(token);
    await same("GET", restPath.listUsers({ pageSize: 150, pageToken: token }));
    await same("GET", restPath.listUsers());
  },
  CreateUser: async () => {
    const r = await same("POST", restPath.createUser(), JSON.stringify({ name: "Parity Test", email: "parity@example.org" }), json, { volatile: ["createdAt"] });
    assert.equal(r.status, 200);
  },
  UpdateUser: async () => {
    assert.equal((await same("PATCH", restPath.updateUser("u-17"), JSON.stringify({ name: "Renamed" }), json)).status, 200);
  },
  DeleteUser: async () => {
    assert.equal((await same("DELETE", restPath.deleteUser("u-18"))).status, 200);
    assert.equal((await same("GET", restPath.getUser("u-18"))).status, 404);
  },
  ListOrders: async () => {
    await same("GET", restPath.listOrders("u-3"));
    await same("GET", restPath.listOrders("u-3", { limit: 50, pageSize: 20 }));
  },
  StreamOrders: async () => {
    const r = await same("GET", restPath.streamOrders("u-7", 1000));
    assert.equal(r.text.split("\n").filter(Boolean).length, 1000);
    await same("GET", restPath.streamOrders("u-8"));
  },
  Upload: async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 123);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 11)) & 0xff;
    // chunks: how many reads the body took, which depends on the transport
    const r = await same("POST", restPath.upload(), data, { "content-type": "application/octet-stream" }, { volatile: ["chunks"] });
    assert.equal((r.json as { size: string }).size, String(data.length));
    await same("POST", restPath.upload(), "", { "content-type": "application/octet-stream" });
  },
};

test("json-h2 is registered as REST/JSON over h2c and serves every call but Chat", () => {
  const arm = findArm("json-h2");
  assert.ok(arm);
  assert.deepEqual([arm.api, arm.wire, arm.transport, arm.framework, arm.default], ["rest", "json", "h2c", "node:http2", true]);
  assert.deepEqual([...(arm.calls ?? [])].sort(), Object.keys(CALL_CASES).sort());
  assert.ok(!arm.calls?.includes("Chat"));
});

describe("every call json-h2 serves answers as rest does", () => {
  for (const [call, check] of Object.entries(CALL_CASES)) test(call, check!);
});

describe("every size class", () => {
  for (const cls of PAYLOAD_CLASSES) {
    test(cls, async () => {
      const c = SIZE_CLASSES[cls];
      const path = c.call === "GetUser" ? restPath.getUser(c.userId) : restPath.listOrders(c.userId, { limit: c.limit });
      const r = await same("GET", path);
      assert.equal(r.status, 200);
      assert.equal(r.contentType, "application/json; charset=utf-8");
    });
  }
});

describe("errors: the same status and {code, message} body", () => {
  const gets: [string, string][] = [
    ["unknown user (404)", restPath.getUser("u-0")],
    ["unknown route", "/v2/nothing"],
    ["the WebSocket path without an upgrade", restPath.chat()],
    ["bad percent-escape in :id", "/v1/users/%E0%A4%A"],
    ["bad percent-escape under :id", "/v1/users/%E0%A4%A/orders"],
    ["empty :id", "/v1/users//orders"],
    ["bad int32 query (a word)", `${restPath.listOrders("u-4")}?limit=ten`],
    ["bad int32 query (out of range)", `${restPath.listOrders("u-4")}?limit=2147483648`],
    ["a parameter given twice", `${restPath.listOrders("u-4")}?limit=1&limit=2`],
    ["page_token given twice", `${restPath.listUsers()}?page_token=a&page_token=b`],
    ["NDJSON stream error before the first line", restPath.streamOrders("u-3", -1)],
  ];
  for (const [label, path] of gets) {
    test(label, async () => {
      const r = await same("GET", path);
      assert.ok(r.status >= 400, `${r.status}`);
      assert.ok(typeof (r.json as { code?: unknown }).code === "string");
    });
  }

  test("other methods on a GET route are 404, a bad escape is 400 whatever the method", async () => {
    for (const method of ["PUT", "OPTIONS", "POST", "DELETE"]) await same(method, restPath.listOrders("u-1"));
    for (const method of ["PUT", "PATCH", "DELETE"]) assert.equal((await same(method, "/v1/users/%E0%A4%A")).status, 400);
  });

  const user = JSON.stringify({ name: "Body Test", email: "body@example.org" });
  const bodies: [string, string | Buffer, Record<string, string>][] = [
    ["bad JSON", '{"name": "x", ', json],
    ["an empty body", "", json],
    ["a strict-mode violation", '"just a string"', json],
    ["an unknown field", JSON.stringify({ name: "x", colour: "red" }), json],
    ["no Content-Type", Buffer.from(user), {}],
    ["text/plain", user, { "content-type": "text/plain" }],
    ["an unsupported charset", user, { "content-type": "application/json; charset=latin1" }],
    ["a body over the limit (Content-Length says so)", JSON.stringify({ name: "x".repeat(LIMIT), email: "a@b.c" }), json],
    ["a gzip body that inflates past the limit", gzipSync(JSON.stringify({ name: "x".repeat(4 * LIMIT), email: "a@b.c" })), { ...json, "content-encoding": "gzip" }],
    ["a broken gzip body", Buffer.from("not gzip"), { ...json, "content-encoding": "gzip" }],
    ["an unknown Content-Encoding", user, { ...json, "content-encoding": "bogus" }],
  ];
  for (const [label, body, headers] of bodies) {
    test(`CreateUser with ${label}`, async () => {
      const r = await same("POST", restPath.createUser(), body, headers, { volatile: ["createdAt"] });
      assert.ok(r.status >= 400, `${label}: ${r.status}`);
    });
  }

  test("PATCH of an unknown user reads the body first, then is 404", async () => {
    assert.equal((await same("PATCH", restPath.updateUser("u-999999"), JSON.stringify({ name: "x" }), json)).status, 404);
  });
});

describe("path matching, HEAD and conditional requests as rest", () => {
  test("trailing slash, case, percent-encoded ids, queries", async () => {
    for (const path of ["/v1/users/u-1/", "/V1/USERS/u-1", "/v1/users/u%2D1", "/v1/users/u%2F1", "/v1/users/u-1?", `${restPath.listOrders("u-1")}?%6Cimit=5`, `${restPath.listOrders("u-1")}?limit=5#fragment`]) {
      await same("GET", path);
    }
  });

  test("HEAD runs the GET route and sends its headers without the body", async () => {
    for (const path of [restPath.getUser("u-1"), restPath.listOrders("u-1", { limit: 200 }), restPath.getUser("u-0"), restPath.streamOrders("u-1", 3)]) {
      const r = await same("HEAD", path);
      assert.equal(r.text, "", path);
    }
  });

  test("If-None-Match: * is 304 unless Cache-Control: no-cache; errors are never fresh", async () => {
    const cases: [string, Record<string, string>, number][] = [
      [restPath.getUser("u-1"), { "if-none-match": "*" }, 304],
      [restPath.getUser("u-1"), { "if-none-match": "*", "cache-control": "no-cache" }, 200],
      [restPath.getUser("u-1"), { "if-none-match": '"abc"' }, 200],
      [restPath.getUser("u-0"), { "if-none-match": "*" }, 404],
    ];
    for (const [path, headers, status] of cases) {
      const [reference, h2] = await Promise.all([h1Get(servers.rest.port, path, headers), h2RestRaw(servers.jsonH2.port, "GET", path, undefined, headers)]);
      assert.equal(reference.status, status, JSON.stringify(headers));
      assert.equal(h2.status, reference.status, JSON.stringify(headers));
      assert.equal(h2.body.toString("utf8"), reference.body, JSON.stringify(headers));
    }
  });
});

describe("what only HTTP/2 has", () => {
  test("a JSON body without Content-Length (HTTP/2 needs none) is read, as rest reads it with one", async () => {
    const r = await same("POST", restPath.createUser(), JSON.stringify({ name: "No Length", email: "nolength@example.org" }), json, { volatile: ["createdAt"], noContentLength: true });
    assert.equal(r.status, 200);
    const tooLarge = await same("POST", restPath.createUser(), JSON.stringify({ name: "x".repeat(2 * LIMIT), email: "a@b.c" }), json, { volatile: ["createdAt"], noContentLength: true });
    assert.equal(tooLarge.status, 413);
  });

  test("a client that resets its stream mid-NDJSON or during x-delay-ms leaves the server answering", async () => {
    const server = await startArm("json-h2", { maxDelayMs: 100 });
    try {
      const session = http2.connect(`http://127.0.0.1:${server.port}`);
      const streaming = session.request({ ":path": restPath.streamOrders("u-9", 1_000_000) }, { endStream: true });
      await once(streaming, "data");
      streaming.close(http2.constants.NGHTTP2_CANCEL);
      const delayed = session.request({ ":path": restPath.getUser("u-9"), "x-delay-ms": "50" }, { endStream: true });
      delayed.on("error", () => {});
      delayed.close(http2.constants.NGHTTP2_CANCEL);
      await once(delayed, "close");
      await new Promise((resolve) => setTimeout(resolve, 150)); // the delayed reply falls due on a reset stream
      session.close();
      const r = await h2Rest(server.port, "GET", restPath.getUser("u-9"), undefined, { "x-delay-ms": "5" });
      assert.equal(r.status, 200);
    } finally {
      await server.close();
    }
  });

  test("close() resolves with an idle session open; the session is told to go away", async () => {
    const server = await startArm("json-h2");
    const session = http2.connect(`http://127.0.0.1:${server.port}`);
    const stream = session.request({ ":path": restPath.getUser("u-1") }, { endStream: true });
    stream.resume();
    await once(stream, "end");
    const closed = once(session, "close");
    await server.close();
    await closed;
    assert.equal(server.arm, "json-h2");
  });
});

describe("compression on: the same negotiation and gzip as rest (rest-node's listener on node:http2's compatibility API)", () => {
  const zipped = {} as { rest: RunningServer; jsonH2: RunningServer };
  before(async () => {
    [zipped.rest, zipped.jsonH2] = await Promise.all([startArm("rest", { compression: true }), startArm("json-h2", { compression: true })]);
  });
  after(async () => {
    await Promise.all([zipped.rest.close(), zipped.jsonH2.close()]);
  });

  test("a large reply is gzipped to the same bytes, a small one and the NDJSON stream are not", async () => {
    const accept = { "accept-encoding": "gzip" };
    for (const path of [restPath.listOrders("u-1", { limit: 470 }), restPath.getUser("u-6"), restPath.streamOrders("u-2", 50), restPath.getUser("u-0")]) {
      const [reference, raw] = await Promise.all([rest(zipped.rest.port, "GET", path, undefined, accept), h2RestRaw(zipped.jsonH2.port, "GET", path, undefined, accept)]);
      const gzipped = raw.headers["content-encoding"] === "gzip";
      const text = (gzipped ? gunzipSync(raw.body) : raw.body).toString("utf8");
      const { "content-length": _length, ...referenceHeaders } = withoutConnectionHeaders(reference).headers;
      const { "content-length": _h2Length, ...h2Headers } = raw.headers;
      assert.deepEqual(h2Headers, referenceHeaders, path);
      assert.equal(text, reference.text, path);
      assert.equal(gzipped, path.includes("limit=470"), `${path}: gzipped`);
    }
  });
});

test("npm run serve -- --server json-h2 (with --compression and --max-delay-ms) listens, answers over h2c, and exits 0 on SIGTERM", { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", "json-h2", "--port", "0", "--compression", "--max-delay-ms", "10"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, "close");
  const killer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  try {
    while (!stdout.includes("\n")) {
      assert.equal(child.exitCode, null, `serve exited early: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const match = /^listening json-h2 127\.0\.0\.1:(\d+)\n$/.exec(stdout);
    assert.ok(match, stdout);
    const r = await h2Rest(Number(match[1]), "GET", restPath.getUser("u-1"), undefined, { "x-delay-ms": "5" });
    assert.equal((r.json as { id: string }).id, "u-1");
    child.kill("SIGTERM");
    const [code] = await exited;
    assert.equal(code, 0, stderr);
    assert.equal(stderr, "");
  } finally {
    clearTimeout(killer);
    child.kill("SIGKILL");
  }
});

describe("drivers", () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ arm: "json-h2" });
  });
  after(async () => {
    await server.stop();
  });

  const DEFAULTS = { concurrency: 8, h2Connections: 2, warmupS: 0.2, durationS: 0.5, repetitions: 1, timeoutMs: 5000 };
  const cases: { driver: string; input: ScenarioInput }[] = [
    { driver: "h2-frames", input: { arm: "json-h2", view: "server", payload: "small", mode: "closed" } },
    { driver: "h2-frames", input: { arm: "json-h2", view: "server", payload: "large", mode: "open", rate: 100 } },
    { driver: "h2-json", input: { arm: "json-h2", view: "end-to-end", payload: "medium", mode: "closed" } },
    { driver: "h2-json", input: { arm: "json-h2", view: "end-to-end", payload: "small", mode: "open", rate: 200 } },
  ];
  for (const { driver, input } of cases) {
    test(`${driver}: a short ${input.mode}-loop ${input.payload} run against json-h2 completes without errors`, async () => {
      const scenario = resolveScenario(input, DEFAULTS);
      assert.equal(scenario.driver, driver, "the default driver for the view");
      assert.equal(scenario.streamsPerConnection, 4, "h2c: connections × streams");
      const result = await runLoadScenario({ scenario, target: server.target, server });
      assert.equal(result.endReason, "completed", result.failure);
      assert.deepEqual(result.errors, { total: 0, byCode: {} });
      assert.ok(result.requests > 0);
      assert.ok(result.wireBytesPerCall !== null && result.wireBytesPerCall.response > 0);
    });
  }

  /** One call through a transport; its code. */
  async function oneCall(transport: Transport): Promise<string | null> {
    await transport.open();
    try {
      return await new Promise<string | null>((resolve) => transport.send(0, resolve as CallDone));
    } finally {
      await transport.close();
    }
  }

  test("a non-2xx status is counted by its number, as the HTTP/1.1 drivers count it", async () => {
    const missing = { ...callSpec("small"), restPath: restPath.getUser("u-0") };
    const common = { target: server.target, connections: 1, timeoutMs: 5000 };
    assert.equal(await oneCall(new H2FramesTransport({ ...common, api: "rest", path: missing.restPath })), "404");
    assert.equal(await oneCall(new H2FramesTransport({ ...common, api: "rest", path: `${restPath.listOrders("u-1")}?limit=ten` })), "400");
    assert.equal(await oneCall(new H2FramesTransport({ ...common, api: "rest", path: restPath.getUser("u-1") })), null);
    assert.equal(await oneCall(new H2JsonTransport({ ...common, spec: missing })), "404");
    assert.equal(await oneCall(new H2JsonTransport({ ...common, spec: callSpec("large") })), null);
  });
});
