// The gateway arm: routes derived from shop.proto's google.api.http annotations (and equal to shop-routes.ts's REST
// routes), rest's bytes on the wire for every unary call, size class and error case, the upstream's statuses and
// x-delay-ms through the hop, response compression, server CPU and memory that include the upstream process, and
// `npm run serve -- --server gateway` with and without --upstream.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as grpc from "@grpc/grpc-js";
import protobuf from "protobufjs";
import { protoPackage, root } from "../proto/schema.js";
import { PAYLOAD_CLASSES, SIZE_CLASSES } from "../payloads/size-classes.js";
import { openPeakRssWindow } from "../bench/process/peak-rss.js";
import { serverPids, startServerProcess } from "../bench/server-process/server-process.js";
import { arm as gatewayArm } from "../servers/arms/gateway.js";
import { httpRoutes } from "../servers/gateway/http-rules.js";
import { GatewayRouter } from "../servers/gateway/gateway-router.js";
import { parsePathTemplate } from "../servers/gateway/path-template.js";
import { parseUpstream } from "../servers/gateway/upstream-address.js";
import { SHOP_SERVICES } from "../servers/grpc/service-definitions.js";
import type { RunningServer } from "../servers/server-arm.js";
import { SHOP_ROUTES, restPath, type RpcName } from "../servers/shop-routes.js";
import { rawExchange, rest, startArm, withoutDate } from "./fixtures/shop-clients.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIMIT = 64 * 1024;

/** The unary RPCs of shop.v1, by reflection. */
function unaryRpcs(): string[] {
  const pkg = root.lookup(protoPackage) as protobuf.Namespace;
  return pkg.nestedArray
    .filter((item): item is protobuf.Service => item instanceof protobuf.Service)
    .flatMap((svc) => svc.methodsArray.filter((m) => !m.requestStream && !m.responseStream).map((m) => m.name));
}

describe("routes derived from the google.api.http annotations", () => {
  test("every unary call has one binding, and it is shop-routes.ts's REST method and path (the two cannot drift)", () => {
    const routes = httpRoutes();
    assert.deepEqual(routes.map((r) => r.rpc).sort(), unaryRpcs().sort(), "exactly the unary calls are annotated");
    for (const route of routes) {
      const expected = SHOP_ROUTES[route.rpc as RpcName];
      assert.ok(expected, route.rpc);
      assert.equal(route.binding, 0, `${route.rpc}: no additional bindings`);
      assert.equal(route.method, expected.rest.method, `${route.rpc}: HTTP method`);
      // shop-routes.ts writes express templates (":id" is the one parameter); the annotation names the field.
      assert.equal(route.pathTemplate.replace(/\{[^}]+\}/g, ":id"), expected.rest.path, `${route.rpc}: path template`);
      assert.equal(route.body === "" ? "none" : "json", expected.rest.request, `${route.rpc}: request body`);
      assert.equal(route.grpcPath, expected.grpcPath, `${route.rpc}: gRPC path`);
    }
  });

  test("path, body and query fields are classified by http.proto's rules", () => {
    const byRpc = Object.fromEntries(httpRoutes().map((r) => [r.rpc, { path: r.pathFields, body: r.body, query: r.queryFields }]));
    assert.deepEqual(byRpc, {
      GetUser: { path: ["user_id"], body: "", query: [] },
      ListUsers: { path: [], body: "", query: ["page_size", "page_token"] },
      CreateUser: { path: [], body: "user", query: [] },
      UpdateUser: { path: ["user_id"], body: "user", query: [] },
      DeleteUser: { path: ["user_id"], body: "", query: [] },
      ListOrders: { path: ["user_id"], body: "", query: ["limit", "page_size", "page_token"] },
    });
  });

  test("the gateway arm serves exactly the annotated calls", () => {
    assert.deepEqual([...(gatewayArm.calls ?? [])].sort(), httpRoutes().map((r) => r.rpc).sort());
  });

  test("path templates follow http.proto's syntax", () => {
    assert.deepEqual(parsePathTemplate("/v1/users/{user_id}").variables, [{ fieldPath: "user_id", multiSegment: false }]);
    const multi = parsePathTemplate("/v1/{name=shelves/*/books/*}:publish");
    assert.deepEqual(multi.variables, [{ fieldPath: "name", multiSegment: true }]);
    assert.match("/v1/shelves/s1/books/b2:publish", new RegExp(`^${multi.source}$`));
    assert.doesNotMatch("/v1/shelves/s1/books/b2", new RegExp(`^${multi.source}$`));
    assert.deepEqual(parsePathTemplate("/v1/{path=**}").variables, [{ fieldPath: "path", multiSegment: true }]);
    assert.deepEqual(parsePathTemplate("/v1/{sub.subfield}/*").variables, [{ fieldPath: "sub.subfield", multiSegment: false }]);
    for (const bad of ["v1/users", "/v1/{a}/{a}", "/v1/{a={b}}", "/v1/{a", "/v1/**/x", "/v1/{1a}"]) {
      assert.throws(() => parsePathTemplate(bad), /path template/, bad);
    }
  });

  test("the router matches as express does: case-insensitive, one trailing slash, HEAD runs GET, decoded at match time", () => {
    const router = new GatewayRouter(httpRoutes());
    assert.equal(router.match("/V1/USERS/u-1/")?.route("HEAD")?.rpc, "GetUser");
    assert.deepEqual(router.match("/v1/users/U%2F1")?.values(), ["U/1"]);
    assert.equal(router.match("/v1/users/u-1/orders/stream"), null, "StreamOrders is not annotated");
    assert.equal(router.match("/v1/users//orders"), null, "a variable is one non-empty segment");
    assert.equal(router.match("/v1/users/u-1")?.route("PUT"), undefined);
    assert.throws(() => router.match("/v1/users/%E0%A4%A")?.values(), /Failed to decode param '%E0%A4%A'/);
  });

  test("--upstream values", () => {
    assert.deepEqual(parseUpstream("grpc://127.0.0.1:50051"), { url: "grpc://127.0.0.1:50051", target: "127.0.0.1:50051", tls: false });
    assert.deepEqual(parseUpstream("grpcs://localhost:443"), { url: "grpcs://localhost:443", target: "localhost:443", tls: true });
    assert.equal(parseUpstream("grpc://[::1]:9").target, "[::1]:9");
    for (const bad of ["127.0.0.1:50051", "http://h:1", "grpc://h", "grpc://h:0", "grpc://h:70000", "grpc://h:1/x", "grpc://u@h:1", ""]) {
      assert.throws(() => parseUpstream(bad), /must be grpc:\/\/HOST:PORT/, bad);
    }
  });
});

/** A raw HTTP/1.1 request head (Host and Connection: close added), and its body. */
function request(method: string, target: string, headers: Record<string, string> = {}, body?: string | Buffer): [string, Buffer] {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`${method} ${target} HTTP/1.1`, "Host: localhost", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body !== undefined && headers["Transfer-Encoding"] === undefined) lines.push(`Content-Length: ${bytes.length}`);
  lines.push("Connection: close", "");
  return [lines.join("\n"), bytes];
}

const JSON_TYPE = { "Content-Type": "application/json" };

describe("raw HTTP/1.1 bytes equal rest's (Date aside) for every unary call, size class and error case", () => {
  let restServer: RunningServer;
  let gateway: RunningServer;
  before(async () => {
    [restServer, gateway] = await Promise.all([startArm("rest", { maxRequestBytes: LIMIT }), startArm("gateway", { maxRequestBytes: LIMIT })]);
  });
  after(async () => {
    await Promise.all([restServer.close(), gateway.close()]);
  });

  /** The same request to both; asserts equal bytes (server-assigned createdAt blanked when asked) and returns rest's. */
  async function same([head, body]: [string, Buffer], options: { volatileCreatedAt?: boolean } = {}): Promise<string> {
    const [r, g] = await Promise.all([rawExchange(restServer.port, head, body), rawExchange(gateway.port, head, body)]);
    let [rText, gText] = [withoutDate(r), withoutDate(g)];
    if (options.volatileCreatedAt) {
      // Each store stamps its own clock: blank the value and the length it changes.
      const blank = (text: string) => text.replace(/"createdAt":"[^"]*"/, '"createdAt":"-"').replace(/\r\nContent-Length: \d+\r\n/, "\r\nContent-Length: -\r\n");
      [rText, gText] = [blank(rText), blank(gText)];
    }
    assert.equal(gText, rText, `gateway vs rest: ${head.split("\n")[0]}`);
    return rText;
  }

  const bodyOf = (response: string): unknown => JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));

  test("every payload size class (GetUser and ListOrders), GET, HEAD and a conditional GET", async () => {
    for (const cls of PAYLOAD_CLASSES) {
      const c = SIZE_CLASSES[cls];
      const path = c.call === "GetUser" ? restPath.getUser(c.userId) : restPath.listOrders(c.userId, { limit: c.limit });
      const response = await same(request("GET", path));
      assert.match(response, /^HTTP\/1\.1 200 OK\r\n/, cls);
      await same(request("HEAD", path));
    }
    assert.match(await same(request("GET", restPath.getUser("u-1"), { "If-None-Match": "*" })), /^HTTP\/1\.1 304 /);
    await same(request("GET", restPath.getUser("u-1"), { "If-None-Match": "*", "Cache-Control": "no-cache" }));
    await same(request("GET", restPath.listOrders("u-1", { limit: 1 }))); // a body under 1000 characters
    await same(request("GET", restPath.listOrders("u-3"))); // the default limit
  });

  test("ListUsers and paged ListOrders, each page by the token the previous one returned", async () => {
    await same(request("GET", restPath.listUsers()));
    let token = "";
    for (let page = 0; page < 10; page++) {
      const response = await same(request("GET", restPath.listUsers({ pageSize: 150, pageToken: token })));
      token = (bodyOf(response) as { nextPageToken?: string }).nextPageToken ?? "";
      if (token === "") break;
    }
    assert.equal(token, "", "walked to the last page");
    token = "";
    for (let page = 0; page < 5; page++) {
      const response = await same(request("GET", restPath.listOrders("u-5", { limit: 250, pageSize: 100, pageToken: token })));
      token = (bodyOf(response) as { nextPageToken?: string }).nextPageToken ?? "";
      if (token === "") break;
    }
    assert.equal(token, "");
  });

  test("CreateUser, GetUser, UpdateUser and DeleteUser of a new user, and UpdateUser of a seeded one", async () => {
    const user = JSON.stringify({ name: "Émilie Ngũgĩ 李", email: "emilie@example.org", age: 37, roles: ["buyer"], metadata: { team: "α" }, lifetimeSpendCents: "9007199254740993" });
    const created = await same(request("POST", restPath.createUser(), JSON_TYPE, user), { volatileCreatedAt: true });
    assert.match(created, /^HTTP\/1\.1 200 /);
    const id = (bodyOf(created) as { id: string }).id;
    await same(request("GET", restPath.getUser(id)), { volatileCreatedAt: true });
    await same(request("PATCH", restPath.updateUser(id), JSON_TYPE, JSON.stringify({ name: "Émilie N.", age: 38 })), { volatileCreatedAt: true });
    await same(request("PATCH", restPath.updateUser("u-7"), { "Content-Type": "application/json; charset=utf-8" }, JSON.stringify({ rating: 0.5, roles: ["x"] })));
    await same(request("POST", restPath.createUser(), { ...JSON_TYPE, "Content-Encoding": "gzip" }, gzipSync(user)), { volatileCreatedAt: true });
    assert.match(await same(request("DELETE", restPath.deleteUser(id))), /^HTTP\/1\.1 200 [^]*\r\n\r\n\{\}$/);
    assert.match(await same(request("GET", restPath.getUser(id))), /^HTTP\/1\.1 404 /);
    assert.match(await same(request("DELETE", restPath.deleteUser(id))), /^HTTP\/1\.1 404 /);
  });

  const errors: [string, [string, Buffer], RegExp][] = [
    ["unknown user (the upstream's NOT_FOUND)", request("GET", restPath.getUser("u-0")), /^HTTP\/1\.1 404 /],
    ["ListOrders of an unknown user", request("GET", restPath.listOrders("u-0", { limit: 5 })), /^HTTP\/1\.1 404 /],
    ["a limit the handler rejects", request("GET", `${restPath.listOrders("u-1")}?limit=-1`), /^HTTP\/1\.1 400 /],
    ["a limit over the maximum", request("GET", `${restPath.listOrders("u-1")}?limit=20001`), /^HTTP\/1\.1 400 /],
    ["a bad page token", request("GET", `${restPath.listOrders("u-1")}?limit=500&page_size=100&page_token=nope`), /^HTTP\/1\.1 400 /],
    ["page_size over 1000", request("GET", `${restPath.listUsers()}?page_size=5000`), /^HTTP\/1\.1 400 /],
    ["a bad int32 query parameter", request("GET", `${restPath.listOrders("u-1")}?limit=ten`), /limit must be an int32/],
    ["an int32 out of range", request("GET", `${restPath.listOrders("u-1")}?limit=2147483648`), /must be an int32/],
    ["a parameter given twice", request("GET", `${restPath.listUsers()}?page_token=a&page_token=b`), /given once/],
    ["an int32 given twice", request("GET", `${restPath.listUsers()}?page_size=2&page_size=3`), /must be an int32/],
    ["unknown parameters are ignored", request("GET", `${restPath.listOrders("u-1")}?limit=2&unknown=1&pageSize=3`), /^HTTP\/1\.1 200 /],
    ["the JSON name of a parameter is not a parameter", request("GET", `${restPath.listUsers()}?pageSize=1`), /^HTTP\/1\.1 200 /],
    ["an unknown route", request("GET", "/v2/nothing"), /no route for GET \/v2\/nothing/],
    ["a method the path has no route for", request("PUT", restPath.getUser("u-1")), /no route for PUT/],
    ["POST on a GET route", request("POST", restPath.listOrders("u-1"), JSON_TYPE, "{}"), /^HTTP\/1\.1 404 /],
    ["a bad percent-escape", request("GET", "/v1/users/%E0%A4%A"), /Failed to decode param/],
    ["a bad percent-escape on PATCH", request("PATCH", "/v1/users/%E0%A4%A", JSON_TYPE, "{}"), /^HTTP\/1\.1 400 /],
    ["an encoded slash in the id", request("GET", "/v1/users/u%2F1"), /^HTTP\/1\.1 404 /],
    ["an absolute-form target", request("GET", `http://localhost${restPath.getUser("u-2")}`), /^HTTP\/1\.1 200 /],
    ["truncated JSON", request("POST", restPath.createUser(), JSON_TYPE, '{"name": "x", '), /malformed JSON/],
    ["no Content-Type", request("POST", restPath.createUser(), {}, '{"name":"x"}'), /expected a JSON body/],
    ["text/plain", request("POST", restPath.createUser(), { "Content-Type": "text/plain" }, '{"name":"x"}'), /^HTTP\/1\.1 400 /],
    ["an unsupported charset", request("POST", restPath.createUser(), { "Content-Type": "application/json; charset=latin1" }, "{}"), /^HTTP\/1\.1 4\d\d /],
    ["an empty body", request("POST", restPath.createUser(), JSON_TYPE, ""), /^HTTP\/1\.1 400 /],
    ["a strict-mode violation", request("POST", restPath.createUser(), JSON_TYPE, '"just a string"'), /^HTTP\/1\.1 400 /],
    ["an unknown field", request("POST", restPath.createUser(), JSON_TYPE, '{"name":"x","email":"a@b.c","nope":1}'), /unknown field/],
    ["a wrong type", request("POST", restPath.createUser(), JSON_TYPE, '{"name":"x","email":"a@b.c","age":"old"}'), /^HTTP\/1\.1 400 /],
    ["a bad enum name", request("PATCH", restPath.updateUser("u-3"), JSON_TYPE, '{"status":"NOPE"}'), /^HTTP\/1\.1 400 /],
    ["the handler's own check (no email)", request("POST", restPath.createUser(), JSON_TYPE, '{"name":"No Mail"}'), /^HTTP\/1\.1 400 /],
    ["a body over the limit", request("POST", restPath.createUser(), JSON_TYPE, JSON.stringify({ name: "x".repeat(LIMIT), email: "a@b.c" })), /^HTTP\/1\.1 413 /],
    ["a broken gzip body", request("POST", restPath.createUser(), { ...JSON_TYPE, "Content-Encoding": "gzip" }, "not gzip"), /^HTTP\/1\.1 400 /],
    ["an unknown Content-Encoding", request("POST", restPath.createUser(), { ...JSON_TYPE, "Content-Encoding": "bogus" }, "{}"), /unsupported content encoding/],
    ["PATCH of an unknown user (body read first, then the upstream's 404)", request("PATCH", restPath.updateUser("u-999999"), JSON_TYPE, '{"name":"x"}'), /^HTTP\/1\.1 404 /],
    ["a gzip body that inflates past the limit", request("POST", restPath.createUser(), { ...JSON_TYPE, "Content-Encoding": "gzip" }, gzipSync(JSON.stringify({ name: "x".repeat(4 * LIMIT) }))), /^HTTP\/1\.1 413 /],
  ];
  for (const [label, req, expected] of errors) {
    test(label, async () => {
      assert.match(await same(req), expected);
    });
  }

  test("a chunked body over the limit (no Content-Length) is rest's 413", async () => {
    const body = JSON.stringify({ name: "x".repeat(2 * LIMIT), email: "a@b.c" });
    const chunked = Buffer.from(`${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`);
    assert.match(await same(request("POST", restPath.createUser(), { ...JSON_TYPE, "Transfer-Encoding": "chunked" }, chunked)), /^HTTP\/1\.1 413 /);
  });

  test("HTTP/1.0 and a keep-alive connection with several requests", async () => {
    await same([`GET ${restPath.getUser("u-1")} HTTP/1.0\nHost: localhost\n`, Buffer.alloc(0)]);
    const two = `GET ${restPath.getUser("u-1")} HTTP/1.1\nHost: localhost\n\nGET ${restPath.getUser("u-0")} HTTP/1.1\nHost: localhost\nConnection: close\n`;
    const [r, g] = await Promise.all([rawExchange(restServer.port, two), rawExchange(gateway.port, two)]);
    const dates = (text: Buffer) => text.toString("latin1").replace(/\r\nDate: [^\r]*\r\n/g, "\r\nDate: -\r\n");
    assert.equal(dates(g), dates(r));
  });

  test("what the gateway does not serve is its 404: StreamOrders, Upload and the WebSocket chat", async () => {
    for (const [method, path] of [["GET", restPath.streamOrders("u-1", 3)], ["POST", restPath.upload()], ["GET", restPath.chat()]] as const) {
      const reply = await rest(gateway.port, method, path, method === "POST" ? "x" : undefined);
      assert.equal(reply.status, 404, path);
      assert.deepEqual(reply.json, { code: "NOT_FOUND", message: `no route for ${method} ${path.split("?")[0]}` });
    }
  });
});

test("response compression: the gateway gzips exactly as rest does", async () => {
  const [restServer, gateway] = await Promise.all([startArm("rest", { compression: true }), startArm("gateway", { compression: true })]);
  try {
    assert.deepEqual(gateway.caveats, [], "compression is honoured: no caveat");
    for (const path of [restPath.listOrders("u-1", { limit: 470 }), restPath.getUser("u-1"), restPath.getUser("u-0")]) {
      const head = `GET ${path} HTTP/1.1\nHost: localhost\nAccept-Encoding: gzip\nConnection: close\n`;
      const [r, g] = await Promise.all([rawExchange(restServer.port, head), rawExchange(gateway.port, head)]);
      assert.equal(withoutDate(g), withoutDate(r), path);
    }
    const head = `GET ${restPath.listOrders("u-1", { limit: 470 })} HTTP/1.1\nHost: localhost\nAccept-Encoding: gzip\nConnection: close\n`;
    assert.match(withoutDate(await rawExchange(gateway.port, head)), /\r\nContent-Encoding: gzip\r\n/);
  } finally {
    await Promise.all([restServer.close(), gateway.close()]);
  }
});

describe("the upstream: one channel, its statuses, x-delay-ms, an external server", () => {
  /** A stand-in upstream that records the metadata of every GetUser and answers it. */
  async function recordingUpstream(): Promise<{ port: number; delays: string[][]; server: grpc.Server }> {
    const server = new grpc.Server();
    const delays: string[][] = [];
    server.addService(SHOP_SERVICES.UserService, {
      GetUser: (call: grpc.ServerUnaryCall<{ userId: string }, object>, callback: grpc.sendUnaryData<object>) => {
        delays.push(call.metadata.get("x-delay-ms").map(String));
        if (call.request.userId === "gone") callback({ code: grpc.status.NOT_FOUND, details: "gone: ünïcode % details" });
        else callback(null, { id: call.request.userId, name: "Stand-in" });
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    return { port, delays, server };
  }

  test("x-delay-ms goes to the upstream as metadata when the head-of-line option is on, and only then", async () => {
    const upstream = await recordingUpstream();
    const url = `grpc://127.0.0.1:${upstream.port}`;
    const [on, off] = await Promise.all([startArm("gateway", { upstream: url, maxDelayMs: 50 }), startArm("gateway", { upstream: url })]);
    try {
      assert.equal((await rest(on.port, "GET", restPath.getUser("u-1"), undefined, { "x-delay-ms": "7" })).status, 200);
      assert.equal((await rest(on.port, "GET", restPath.getUser("u-1"))).status, 200);
      assert.equal((await rest(off.port, "GET", restPath.getUser("u-1"), undefined, { "x-delay-ms": "7" })).status, 200);
      assert.deepEqual(upstream.delays, [["7"], [], []]);
      const failed = await rest(on.port, "GET", restPath.getUser("gone"));
      assert.equal(failed.status, 404);
      assert.equal(failed.text, JSON.stringify({ code: "NOT_FOUND", message: "gone: ünïcode % details" }), "the upstream's status and details, as rest's error body");
    } finally {
      await Promise.all([on.close(), off.close()]);
      upstream.server.forceShutdown();
    }
  });

  test("an upstream the gateway did not start: a caveat, no upstream process, and UNAVAILABLE (503) once it is gone", async () => {
    const grpcServer = await startArm("grpc");
    const gateway = await startArm("gateway", { upstream: `grpc://127.0.0.1:${grpcServer.port}` });
    try {
      assert.equal(gateway.upstream, undefined);
      assert.equal(gateway.caveats.length, 1);
      assert.match(gateway.caveats[0]!, /did not start: its CPU time and memory are not in this server's figures/);
      assert.equal((await rest(gateway.port, "GET", restPath.getUser("u-1"))).status, 200);
      await grpcServer.close();
      const reply = await rest(gateway.port, "GET", restPath.getUser("u-1"));
      assert.equal(reply.status, 503);
      assert.equal((reply.json as { code: string }).code, "UNAVAILABLE");
    } finally {
      await Promise.all([gateway.close(), grpcServer.close()]);
    }
  });

  test("an upstream that cannot be reached fails start() with one line", { timeout: 30_000 }, async () => {
    const grpcServer = await startArm("grpc");
    const port = grpcServer.port;
    await grpcServer.close();
    await assert.rejects(startArm("gateway", { upstream: `grpc://127.0.0.1:${port}` }), { name: "ListenError", message: /cannot reach the upstream gRPC server grpc:\/\/127\.0\.0\.1:\d+/ });
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("server CPU and memory of the gateway include its upstream process's (both processes measured)", { timeout: 120_000 }, async () => {
  const server = await startServerProcess({ arm: "gateway" });
  let upstreamPid = -1;
  try {
    assert.equal(server.upstreamPids?.length, 1, "the gateway reports the upstream it started");
    upstreamPid = server.upstreamPids![0]!;
    assert.notEqual(upstreamPid, server.pid);
    assert.ok(alive(upstreamPid));
    const before = await server.cpuUsage();
    for (let i = 0; i < 100; i++) {
      const reply = await rest(server.port, "GET", restPath.listOrders("u-1", { limit: 50 }));
      assert.equal(reply.status, 200);
    }
    const after = await server.cpuUsage();
    assert.ok(before.upstream && after.upstream, "the snapshot carries the upstream's share");
    const upstreamUs = after.upstream.user + after.upstream.system - (before.upstream.user + before.upstream.system);
    const totalUs = after.user + after.system - (before.user + before.system);
    assert.ok(upstreamUs > 0, "the upstream did work for the calls");
    assert.ok(totalUs > upstreamUs, "the server figure is the gateway's work plus the upstream's");
    const memory = await server.memory();
    assert.ok(memory.upstream && memory.upstream.rssMb > 0);
    assert.ok(memory.rssMb > memory.upstream.rssMb && memory.peakRssMb > memory.upstream.peakRssMb);
    if (existsSync(`/proc/${server.pid}/status`)) {
      const both = openPeakRssWindow(serverPids(server));
      const alone = openPeakRssWindow(server.pid);
      assert.ok(both.startMb !== null && alone.startMb !== null && both.startMb > alone.startMb, "a peak-RSS window covers both processes");
      both.close();
      alone.close();
    }
  } finally {
    await server.stop();
  }
  assert.equal(alive(upstreamPid), false, "stopping the gateway stops its upstream");
});

test("a grpc arm server process reports no upstream", { timeout: 60_000 }, async () => {
  const server = await startServerProcess({ arm: "grpc" });
  try {
    assert.deepEqual(server.upstreamPids, []);
    assert.equal((await server.cpuUsage()).upstream, undefined);
  } finally {
    await server.stop();
  }
});

describe("npm run serve -- --server gateway", () => {
  function serve(args: string[]): { child: ChildProcess; ended: Promise<{ code: number | null; stdout: string; stderr: string }>; stdout: () => string } {
    const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const ended = once(child, "close").then(([code]) => {
      clearTimeout(timer);
      return { code: code as number | null, stdout, stderr };
    });
    return { child, ended, stdout: () => stdout };
  }

  async function listeningPort(out: () => string, child: ChildProcess): Promise<number> {
    while (!out().includes("\n")) {
      if (child.exitCode !== null) throw new Error(`serve exited: ${out()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const match = /^listening gateway 127\.0\.0\.1:(\d+)\n$/.exec(out());
    assert.ok(match, out());
    return Number(match[1]);
  }

  /** The child processes of a process (Linux), or null where /proc cannot say. */
  function childrenOf(pid: number): number[] | null {
    const file = `/proc/${pid}/task/${pid}/children`;
    if (!existsSync(file)) return null;
    return readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  }

  test("without --upstream: starts its own grpc arm, answers, and stops both on SIGTERM", { timeout: 90_000 }, async () => {
    const { child, ended, stdout } = serve(["--server", "gateway", "--port", "0"]);
    const port = await listeningPort(stdout, child);
    const reply = await rest(port, "GET", restPath.getUser("u-1"));
    assert.equal((reply.json as { id: string }).id, "u-1");
    const upstreams = childrenOf(child.pid!);
    if (upstreams !== null) assert.equal(upstreams.length, 1, "one upstream process");
    child.kill("SIGTERM");
    const result = await ended;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "");
    for (const pid of upstreams ?? []) assert.equal(alive(pid), false, "the upstream is gone too");
  });

  test("with --upstream grpc://host:port: forwards there, notes that the upstream's CPU is not counted", { timeout: 90_000 }, async () => {
    const grpcServer = await startArm("grpc");
    try {
      const { child, ended, stdout } = serve(["--server", "gateway", "--port", "0", "--upstream", `grpc://127.0.0.1:${grpcServer.port}`]);
      const port = await listeningPort(stdout, child);
      assert.equal((await rest(port, "GET", restPath.listOrders("u-2", { limit: 2 }))).status, 200);
      assert.deepEqual(childrenOf(child.pid!) ?? [], [], "no upstream process of its own");
      child.kill("SIGTERM");
      const result = await ended;
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /^serve: note: the gateway's upstream grpc:\/\/127\.0\.0\.1:\d+ is a server it did not start: its CPU time and memory are not in this server's figures\n$/);
    } finally {
      await grpcServer.close();
    }
  });

  test("a bad --upstream, or --upstream for another arm, is one line on stderr and exit 2", { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [["--server", "gateway", "--upstream", "localhost:50051"], /^serve: --upstream must be grpc:\/\/HOST:PORT or grpcs:\/\/HOST:PORT, got "localhost:50051"/],
      [["--server", "gateway", "--upstream", "grpc://h:99999"], /must be grpc:\/\/HOST:PORT/],
      [["--server", "rest", "--upstream", "grpc://127.0.0.1:50051"], /^serve: --upstream is for --server gateway only/],
    ];
    const results = await Promise.all(cases.map(([args]) => serve(args).ended));
    results.forEach((result, i) => {
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /^[^\n]+\n$/, "one line");
      assert.match(result.stderr, cases[i]![1]);
    });
  });
});
