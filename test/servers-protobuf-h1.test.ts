// protobuf-h1 against grpc and rest: for every call it serves, every payload size class and the error cases, the
// HTTP status is rest's and every 2xx body is the very message bytes the grpc arm sends (and decodes to the message
// whose canonical JSON is rest's body). Then `serve --server protobuf-h1`, and one short load run of each driver
// that can load it (h1-lean, autocannon, undici) without a single error.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type * as grpc from "@grpc/grpc-js";
import { UndiciTransport } from "../bench/drivers/undici-transport.js";
import { callSpec } from "../bench/load/call-spec.js";
import { resolveScenario, type DriverName } from "../bench/load/load-scenario.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";
import { PAYLOAD_CLASSES } from "../payloads/size-classes.js";
import { findArm } from "../servers/registry.js";
import type { RunningServer } from "../servers/server-arm.js";
import { SHOP_ROUTES, restPath } from "../servers/shop-routes.js";
import { grpcClients, grpcError, rawUnary, rest, startArm, type GrpcClients, type RestReply } from "./fixtures/shop-clients.js";

const ARM = "protobuf-h1";
const PROTOBUF = "application/x-protobuf";
const LIMIT = 64 * 1024;
const TIMEOUT_MS = 30_000;

let grpcServer: RunningServer;
let restServer: RunningServer;
let pbServer: RunningServer;
let clients: GrpcClients;

before(async () => {
  [grpcServer, restServer, pbServer] = await Promise.all([startArm("grpc", { maxRequestBytes: LIMIT }), startArm("rest", { maxRequestBytes: LIMIT }), startArm(ARM, { maxRequestBytes: LIMIT })]);
  clients = grpcClients(grpcServer.port);
});

after(async () => {
  clients.close();
  await Promise.all([grpcServer.close(), restServer.close(), pbServer.close()]);
});

interface PbReply {
  status: number;
  contentType: string | null;
  headers: Headers;
  bytes: Buffer;
}

async function pb(method: string, path: string, body?: Uint8Array | string, headers: Record<string, string> = {}, port = pbServer.port): Promise<PbReply> {
  const init: RequestInit = { method, headers, signal: AbortSignal.timeout(TIMEOUT_MS) };
  if (body !== undefined) init.body = body;
  const res = await fetch(`http://127.0.0.1:${port}${path}`, init);
  return { status: res.status, contentType: res.headers.get("content-type"), headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const pbBody = (user: shop.v1.IUser): Uint8Array => shop.v1.User.encode(user).finish();
const PB_HEADERS = { "content-type": PROTOBUF };

/** The grpc arm's reply bytes for a request message (no decode on the client: the bytes as sent). */
function grpcBytes(rpc: keyof typeof SHOP_ROUTES, requestBytes: Uint8Array): Promise<Buffer> {
  const client = SHOP_ROUTES[rpc].service === "UserService" ? clients.user : clients.order;
  return rawUnary(client, SHOP_ROUTES[rpc].grpcPath, Buffer.from(requestBytes));
}

/** The same body-less request to protobuf-h1, grpc (as its request message) and rest. */
function onEach(method: string, path: string, rpc: keyof typeof SHOP_ROUTES, request: Uint8Array): Promise<[PbReply, Buffer, RestReply]> {
  return Promise.all([pb(method, path), grpcBytes(rpc, request), rest(restServer.port, method, path)]);
}

/** A 2xx protobuf-h1 reply: the grpc arm's bytes, and rest's body is its canonical JSON. */
function assertSameMessage(type: string, reply: PbReply, grpcReply: Buffer, restReply: RestReply, label: string): void {
  assert.equal(reply.status, 200, `${label}: status`);
  assert.equal(reply.contentType, PROTOBUF, `${label}: Content-Type`);
  assert.equal(restReply.status, 200, `${label}: rest status`);
  assert.ok(reply.bytes.equals(grpcReply), `${label}: body bytes are the grpc arm's message bytes (${reply.bytes.length} vs ${grpcReply.length})`);
  const decoded = (shop.v1 as unknown as Record<string, { decode(b: Uint8Array): object }>)[type]!.decode(reply.bytes);
  assert.equal(JSON.stringify(toCanonicalJson(type, decoded)), restReply.text, `${label}: canonical JSON is rest's body`);
}

/** An error: rest's status, and rest's {code, message} body (error bodies are rest's JSON on purpose). */
function assertSameError(reply: PbReply, restReply: RestReply, label: string, sameBody = true): void {
  assert.ok(reply.status >= 400, `${label}: an error status (${reply.status})`);
  assert.equal(reply.status, restReply.status, `${label}: HTTP status is rest's`);
  assert.equal(reply.contentType, restReply.contentType, `${label}: the error body is rest's JSON`);
  if (sameBody) assert.equal(reply.bytes.toString(), restReply.text, `${label}: error body`);
  else assert.equal((JSON.parse(reply.bytes.toString()) as { code: string }).code, (restReply.json as { code: string }).code, `${label}: error code`);
}

test("the arm: rest api, protobuf wire over HTTP/1.1, a default arm, and it says which calls it serves", () => {
  const arm = findArm(ARM);
  assert.ok(arm);
  assert.deepEqual([arm.api, arm.wire, arm.transport, arm.framework, arm.default], ["rest", "protobuf", "http/1.1", "node:http", true]);
  assert.deepEqual(arm.calls, ["GetUser", "ListUsers", "CreateUser", "UpdateUser", "DeleteUser", "ListOrders", "Upload"]);
});

describe("every payload size class the bench uses: the grpc arm's bytes", () => {
  for (const payload of PAYLOAD_CLASSES) {
    test(payload, async () => {
      const spec = callSpec(payload);
      const [reply, grpcReply, restReply] = await onEach("GET", spec.restPath, spec.call, spec.requestBytes);
      assertSameMessage(spec.responseMessage, reply, grpcReply, restReply, payload);
      assert.equal(reply.headers.get("content-length"), String(grpcReply.length));
    });
  }
});

describe("every call it serves", () => {
  test("GetUser for a spread of users", async () => {
    for (const id of ["u-1", "u-2", "u-500", "u-1000"]) {
      const [reply, g, r] = await onEach("GET", restPath.getUser(id), "GetUser", shop.v1.GetUserRequest.encode({ userId: id }).finish());
      assertSameMessage("User", reply, g, r, id);
    }
  });

  test("ListUsers: the default page, and pages walked with page tokens", async () => {
    let token = "";
    for (let page = 0; page < 3; page++) {
      const path = page === 0 ? restPath.listUsers() : restPath.listUsers({ pageSize: 7, pageToken: token });
      const request = page === 0 ? {} : { pageSize: 7, pageToken: token };
      const [reply, g, r] = await onEach("GET", path, "ListUsers", shop.v1.ListUsersRequest.encode(request).finish());
      assertSameMessage("ListUsersResponse", reply, g, r, `page ${page}`);
      token = shop.v1.ListUsersResponse.decode(reply.bytes).nextPageToken;
      assert.notEqual(token, "");
    }
  });

  test("ListOrders: default limit, the maximum, and paged", async () => {
    const cases: [{ limit?: number; pageSize?: number; pageToken?: string }, string][] = [
      [{}, "default"],
      [{ limit: 20000 }, "maximum"],
      [{ limit: 30, pageSize: 8 }, "first page"],
    ];
    for (const [params, label] of cases) {
      const path = restPath.listOrders("u-3", params);
      const [reply, g, r] = await onEach("GET", path, "ListOrders", shop.v1.ListOrdersRequest.encode({ userId: "u-3", ...params }).finish());
      assertSameMessage("ListOrdersResponse", reply, g, r, label);
      if (label === "first page") {
        const token = shop.v1.ListOrdersResponse.decode(reply.bytes).nextPageToken;
        const next = restPath.listOrders("u-3", { ...params, pageToken: token });
        const [reply2, g2, r2] = await onEach("GET", next, "ListOrders", shop.v1.ListOrdersRequest.encode({ userId: "u-3", ...params, pageToken: token }).finish());
        assertSameMessage("ListOrdersResponse", reply2, g2, r2, "second page");
      }
    }
  });

  test("CreateUser: the body is the request's `user` field; the reply is grpc's but the server's clock", async () => {
    const user: shop.v1.IUser = { name: "Протобуф Тест", email: "pb@example.org", age: 33, roles: ["a", "b"], metadata: { k: "v" }, lifetimeSpendCents: 5_000_000_000, rating: 4.25 };
    const [reply, g, r] = await Promise.all([
      pb("POST", restPath.createUser(), pbBody(user), PB_HEADERS),
      grpcBytes("CreateUser", shop.v1.CreateUserRequest.encode({ user }).finish()),
      rest(restServer.port, "POST", restPath.createUser(), JSON.stringify(toCanonicalJson("User", user)), { "content-type": "application/json" }),
    ]);
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, PROTOBUF);
    const withoutClock = (bytes: Uint8Array) => {
      const json = toCanonicalJson("User", shop.v1.User.decode(bytes)) as Record<string, unknown>;
      assert.match(String(json["createdAt"]), /^\d{4}-\d\d-\d\dT/);
      delete json["createdAt"];
      return json;
    };
    assert.deepEqual(withoutClock(reply.bytes), withoutClock(g));
    const restJson = r.json as Record<string, unknown>;
    delete restJson["createdAt"];
    assert.deepEqual(withoutClock(reply.bytes), restJson);
    // And the stored user is what GetUser now returns, as bytes.
    const id = shop.v1.User.decode(reply.bytes).id;
    const stored = await pb("GET", restPath.getUser(id));
    assert.ok(stored.bytes.equals(reply.bytes), "GetUser returns the created user's bytes");
  });

  test("CreateUser with a gzip body (Content-Encoding inflated by the same body reader as rest's)", async () => {
    const reply = await pb("POST", restPath.createUser(), gzipSync(pbBody({ name: "Zipped", email: "z@example.org" })), { ...PB_HEADERS, "content-encoding": "gzip" });
    assert.equal(reply.status, 200);
    assert.equal(shop.v1.User.decode(reply.bytes).name, "Zipped");
  });

  test("UpdateUser: PATCH semantics, the grpc arm's bytes", async () => {
    const patch: shop.v1.IUser = { name: "Renamed", roles: ["x"], status: shop.v1.UserStatus.USER_STATUS_SUSPENDED };
    const [reply, g, r] = await Promise.all([
      pb("PATCH", restPath.updateUser("u-2"), pbBody(patch), PB_HEADERS),
      grpcBytes("UpdateUser", shop.v1.UpdateUserRequest.encode({ userId: "u-2", user: patch }).finish()),
      rest(restServer.port, "PATCH", restPath.updateUser("u-2"), JSON.stringify(toCanonicalJson("User", patch)), { "content-type": "application/json" }),
    ]);
    assertSameMessage("User", reply, g, r, "UpdateUser u-2");
    assert.equal(shop.v1.User.decode(reply.bytes).name, "Renamed");
  });

  test("DeleteUser: google.protobuf.Empty (zero bytes), then the user is gone", async () => {
    const [reply, g, r] = await onEach("DELETE", restPath.deleteUser("u-4"), "DeleteUser", shop.v1.DeleteUserRequest.encode({ userId: "u-4" }).finish());
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, PROTOBUF);
    assert.equal(reply.bytes.length, 0);
    assert.ok(reply.bytes.equals(g));
    assert.equal(r.text, "{}");
    const [again, restAgain] = await Promise.all([pb("GET", restPath.getUser("u-4")), rest(restServer.port, "GET", restPath.getUser("u-4"))]);
    assertSameError(again, restAgain, "GetUser after DeleteUser");
  });

  test("Upload: an octet-stream body as in rest, the UploadResult in protobuf", async () => {
    const data = Buffer.alloc(300 * 1024 + 7);
    for (let i = 0; i < data.length; i++) data[i] = (i * 13 + (i >> 9)) & 0xff;
    const headers = { "content-type": "application/octet-stream" };
    const grpcResult = new Promise<shop.v1.IUploadResult>((resolve, reject) => {
      const done = (err: grpc.ServiceError | null, res: shop.v1.IUploadResult) => (err ? reject(err) : resolve(res));
      const call = clients.upload["Upload"]!.call(clients.upload, done) as grpc.ClientWritableStream<shop.v1.IUploadChunk>;
      // in messages under the 64 KiB limit these servers run with
      for (let at = 0; at < data.length; at += 32 * 1024) call.write({ data: data.subarray(at, at + 32 * 1024) });
      call.end();
    });
    const [reply, g, r] = await Promise.all([pb("POST", restPath.upload(), data, headers), grpcResult, rest(restServer.port, "POST", restPath.upload(), data, headers)]);
    assert.equal(reply.status, 200);
    assert.equal(reply.contentType, PROTOBUF);
    const result = toCanonicalJson("UploadResult", shop.v1.UploadResult.decode(reply.bytes)) as { size: string; sha256: string; chunks: number };
    const grpcJson = toCanonicalJson("UploadResult", g) as typeof result;
    const restJson = r.json as typeof result;
    assert.deepEqual({ size: result.size, sha256: result.sha256 }, { size: grpcJson.size, sha256: grpcJson.sha256 });
    assert.deepEqual({ size: result.size, sha256: result.sha256 }, { size: restJson.size, sha256: restJson.sha256 });
    assert.ok(result.chunks >= 1, "body chunks as read (transport-dependent), as rest counts them");
  });

  test("HEAD runs the GET route without the body; If-None-Match: * is 304, as on rest", async () => {
    const [head, get] = await Promise.all([pb("HEAD", restPath.getUser("u-1")), pb("GET", restPath.getUser("u-1"))]);
    assert.equal(head.status, 200);
    assert.equal(head.bytes.length, 0);
    assert.equal(head.headers.get("content-length"), String(get.bytes.length));
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request, which is never fresh
    const conditional = (port: number) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, path: restPath.getUser("u-1"), headers: { "if-none-match": "*" } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end();
      });
    assert.deepEqual(await Promise.all([conditional(pbServer.port), conditional(restServer.port)]), [304, 304]);
  });
});

describe("errors: rest's status and rest's JSON error body", () => {
  const same: [string, string, string][] = [
    ["unknown user", "GET", restPath.getUser("u-0")],
    ["bad int32 query", "GET", `${restPath.listOrders("u-1")}?limit=ten`],
    ["int32 out of range", "GET", `${restPath.listOrders("u-1")}?limit=2147483648`],
    ["a parameter given twice", "GET", `${restPath.listUsers()}?page_size=2&page_size=3`],
    ["limit over the handler's maximum", "GET", restPath.listOrders("u-1", { limit: 20001 })],
    ["a page token the server did not issue", "GET", restPath.listUsers({ pageToken: "nope" })],
    ["unknown route", "GET", "/v2/nothing"],
    ["a method the route does not have", "PUT", restPath.getUser("u-1")],
    ["a bad escape in :id", "GET", "/v1/users/%E0%A4%A"],
    ["DeleteUser of an unknown user", "DELETE", restPath.deleteUser("u-0")],
  ];
  for (const [label, method, path] of same) {
    test(label, async () => {
      const [reply, r] = await Promise.all([pb(method, path), rest(restServer.port, method, path)]);
      assertSameError(reply, r, label);
    });
  }

  const user = { name: "Body Test", email: "body@example.org" };
  const big = { name: "x".repeat(LIMIT), email: "a@b.c" };
  const JSON_HEADERS = { "content-type": "application/json" };
  type Body = { body?: Uint8Array | string; headers: Record<string, string> };
  /** A fault in a protobuf-h1 body, the same fault in a rest body, and whether the error bodies are the same too. */
  const bodies: { label: string; pb: Body; rest: Body; sameBody: boolean }[] = [
    { label: "no body", pb: { headers: PB_HEADERS }, rest: { headers: JSON_HEADERS }, sameBody: false },
    { label: "no Content-Type", pb: { body: pbBody(user), headers: {} }, rest: { body: JSON.stringify(user), headers: {} }, sameBody: false },
    { label: "another Content-Type", pb: { body: JSON.stringify(user), headers: JSON_HEADERS }, rest: { body: JSON.stringify(user), headers: { "content-type": "text/plain" } }, sameBody: false },
    // an unknown field with wire type 7, which protobufjs rejects, vs truncated JSON
    { label: "a body that is not a User", pb: { body: Uint8Array.of(0x7f), headers: PB_HEADERS }, rest: { body: '{"name": "x", ', headers: JSON_HEADERS }, sameBody: false },
    // a truncated sub-message: created_at announces 5 bytes, 1 follows
    { label: "a truncated body", pb: { body: Uint8Array.of(0x42, 0x05, 0x08), headers: PB_HEADERS }, rest: { body: '{"name": "x", ', headers: JSON_HEADERS }, sameBody: false },
    { label: "an empty User (no name)", pb: { body: new Uint8Array(0), headers: PB_HEADERS }, rest: { body: "{}", headers: JSON_HEADERS }, sameBody: true },
    { label: "a body over the limit", pb: { body: pbBody(big), headers: PB_HEADERS }, rest: { body: JSON.stringify(big), headers: JSON_HEADERS }, sameBody: true },
    {
      label: "a broken gzip body",
      pb: { body: "not gzip", headers: { ...PB_HEADERS, "content-encoding": "gzip" } },
      rest: { body: "not gzip", headers: { ...JSON_HEADERS, "content-encoding": "gzip" } },
      sameBody: true,
    },
  ];
  for (const c of bodies) {
    test(`CreateUser with ${c.label}`, async () => {
      const [reply, r] = await Promise.all([pb("POST", restPath.createUser(), c.pb.body, c.pb.headers), rest(restServer.port, "POST", restPath.createUser(), c.rest.body, c.rest.headers)]);
      assertSameError(reply, r, c.label, c.sameBody);
    });
  }

  test("a body grpc cannot decode is INVALID_ARGUMENT with grpc's message", async () => {
    const bytes = Uint8Array.of(0x7f);
    const [reply, err] = await Promise.all([pb("POST", restPath.createUser(), bytes, PB_HEADERS), grpcError(grpcBytes("CreateUser", bytes))]);
    assert.equal(reply.status, 400);
    const body = JSON.parse(reply.bytes.toString()) as { code: string; message: string };
    assert.equal(body.code, "INVALID_ARGUMENT");
    assert.equal(body.message, err.details);
  });

  test("a chunked body over the limit (no Content-Length) is 413", async () => {
    const big = pbBody({ name: "x".repeat(2 * LIMIT), email: "a@b.c" });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < big.length; at += 16 * 1024) controller.enqueue(big.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    const init = { method: "POST", body: stream, headers: PB_HEADERS, duplex: "half", signal: AbortSignal.timeout(TIMEOUT_MS) };
    const res = await fetch(`http://127.0.0.1:${pbServer.port}${restPath.createUser()}`, init as RequestInit);
    await res.arrayBuffer();
    assert.equal(res.status, 413);
  });

  test("UpdateUser of an unknown user, and with a bad body", async () => {
    const [reply, r] = await Promise.all([
      pb("PATCH", restPath.updateUser("u-0"), pbBody({ name: "n" }), PB_HEADERS),
      rest(restServer.port, "PATCH", restPath.updateUser("u-0"), JSON.stringify({ name: "n" }), { "content-type": "application/json" }),
    ]);
    assertSameError(reply, r, "unknown user");
    const [bad, restBad] = await Promise.all([
      pb("PATCH", restPath.updateUser("u-1"), Uint8Array.of(0x7f), PB_HEADERS),
      rest(restServer.port, "PATCH", restPath.updateUser("u-1"), "{", { "content-type": "application/json" }),
    ]);
    assertSameError(bad, restBad, "bad body", false);
  });

  test("StreamOrders and Chat are not served: 501 UNIMPLEMENTED", async () => {
    for (const path of [restPath.streamOrders("u-1", 5), restPath.chat()]) {
      const reply = await pb("GET", path);
      assert.equal(reply.status, 501, path);
      assert.equal((JSON.parse(reply.bytes.toString()) as { code: string }).code, "UNIMPLEMENTED");
    }
  });
});

test("options: compression gzips protobuf replies; x-delay-ms is honoured; the bytes stay grpc's", async () => {
  const server = await startArm(ARM, { compression: true, maxDelayMs: 20 });
  try {
    const spec = callSpec("medium");
    const [zipped, grpcReply] = await Promise.all([pb("GET", spec.restPath, undefined, { "accept-encoding": "gzip", "x-delay-ms": "5" }, server.port), grpcBytes(spec.call, spec.requestBytes)]);
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers.get("content-encoding"), "gzip", "application/x-protobuf is compressed like JSON");
    assert.ok(zipped.bytes.equals(grpcReply), "fetch inflated it back to the grpc arm's bytes");
  } finally {
    await server.close();
  }
});

test("serve --server protobuf-h1: one listening line, answers in protobuf, exits 0 on SIGTERM", { timeout: 60_000 }, async () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", ARM, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const ended = once(child, "close");
  const kill = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
  try {
    while (!stdout.includes("\n")) {
      assert.equal(child.exitCode, null, `serve exited early: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const match = /^listening protobuf-h1 127\.0\.0\.1:(\d+)\n$/.exec(stdout);
    assert.ok(match, `listening line: ${JSON.stringify(stdout)}`);
    const reply = await pb("GET", restPath.getUser("u-1"), undefined, {}, Number(match[1]));
    assert.equal(reply.status, 200);
    assert.equal(shop.v1.User.decode(reply.bytes).id, "u-1");
    child.kill("SIGTERM");
    const [code] = await ended;
    assert.equal(code, 0, stderr);
    assert.equal(stderr, "");
  } finally {
    clearTimeout(kill);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});

describe("load drivers against protobuf-h1", () => {
  const DEFAULTS = { concurrency: 4, h2Connections: 2, warmupS: 0.1, durationS: 0.5, repetitions: 1, timeoutMs: 5000 };
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ arm: ARM });
  });
  after(async () => {
    await server.stop();
  });

  const cases: { driver: DriverName; view: "server" | "end-to-end"; payload: "small" | "medium" }[] = [
    { driver: "autocannon", view: "server", payload: "small" },
    { driver: "h1-lean", view: "server", payload: "medium" },
    { driver: "undici", view: "end-to-end", payload: "small" },
    { driver: "undici", view: "end-to-end", payload: "medium" },
  ];
  for (const { driver, view, payload } of cases) {
    test(`${driver} (${view}, ${payload}): a short closed run completes with zero errors`, async () => {
      const scenario = resolveScenario({ arm: ARM, view, payload, mode: "closed", driver }, DEFAULTS);
      assert.equal(scenario.wire, "protobuf");
      const result = await runLoadScenario({ scenario, target: server.target, server });
      assert.equal(result.endReason, "completed", result.failure);
      assert.deepEqual(result.errors, { total: 0, byCode: {} });
      assert.ok(result.requests > 0);
    });
  }

  test("undici is the default end-to-end driver of a protobuf arm", () => {
    assert.equal(resolveScenario({ arm: ARM, view: "end-to-end", payload: "small", mode: "closed" }, DEFAULTS).driver, "undici");
  });
});

describe("undici with wire protobuf decodes what it receives", () => {
  let fake: Server;
  let answer: Uint8Array = new Uint8Array(0);
  let accept: string | undefined;
  before(async () => {
    fake = createServer((req, res) => {
      accept = req.headers.accept;
      res.writeHead(200, { "content-type": PROTOBUF });
      res.end(answer);
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  });

  test("a User is a success, bytes that are not one are a bad-response, and it asks for application/x-protobuf", async () => {
    const transport = new UndiciTransport({ target: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`, connections: 1, spec: callSpec("small"), timeoutMs: 5000, wire: "protobuf" });
    const call = () => new Promise<string | null>((resolve) => transport.send(0, resolve));
    try {
      answer = pbBody({ id: "u-6", name: "n" });
      await transport.open();
      assert.equal(await call(), null);
      assert.equal(accept, PROTOBUF);
      answer = Uint8Array.of(0x7f);
      assert.equal(await call(), "bad-response");
      answer = Buffer.from(JSON.stringify({ id: "u-6" }));
      assert.equal(await call(), "bad-response", "a JSON body is not a protobuf User");
    } finally {
      await transport.close();
    }
  });
});
