// REST arm against REST arm: every REST/JSON arm of the registry (rest-node, plugin arms) sends the reference
// arm's (rest, express) bytes on the wire, status line and headers included, for the requests a benchmark sends
// and for the edge cases a framework decides: path matching, percent-decoding, HEAD, conditional requests,
// query strings, request bodies the JSON body parser rejects, uploads, and close(). An arm that serves only some
// calls (ServerArm.calls: the gateway) is compared on the requests for those calls and on every unrouted path.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import WebSocket from "ws";
import { generateOrders } from "../payloads/generator.js";
import { writeNdjsonOrders } from "../servers/rest/ndjson-orders.js";
import { restPath } from "../servers/shop-routes.js";
import { armServes, rawExchange, rest, restArmsServing, restJsonArms, restOnEvery, serveArms, withoutDate } from "./fixtures/shop-clients.js";

const LIMIT = 64 * 1024;
const arms = serveArms({ maxRequestBytes: LIMIT });

/**
 * Sends the same raw request to every REST arm that serves its call and asserts each response is the
 * reference's, byte for byte.
 */
async function sameBytesOnEvery(head: string, body?: Buffer): Promise<string> {
  const [method = "", target = ""] = head.split("\n")[0]!.split(" ");
  const servers = restArmsServing(arms, method, target);
  const responses = await Promise.all(servers.map((server) => rawExchange(server.port, head, body)));
  const reference = withoutDate(responses[0]!);
  responses.slice(1).forEach((response, i) => {
    assert.equal(withoutDate(response), reference, `${servers[i + 1]!.arm} vs ${arms.rest.arm}: ${head.split("\n")[0]}`);
  });
  return reference;
}

test("the registry's REST/JSON arms include rest-node, compared with rest", () => {
  const ids = restJsonArms().map((arm) => arm.id);
  assert.equal(ids[0], "rest");
  assert.ok(ids.includes("rest-node"));
});

describe("bytes on the wire, status line and headers included", () => {
  const requests: [string, string][] = [
    ["GetUser small", `GET ${restPath.getUser("u-6")} HTTP/1.1`],
    ["ListOrders medium", `GET ${restPath.listOrders("u-1", { limit: 7 })} HTTP/1.1`],
    ["ListOrders large", `GET ${restPath.listOrders("u-1", { limit: 470 })} HTTP/1.1`],
    ["a body under 1000 characters", `GET ${restPath.listOrders("u-1", { limit: 1 })} HTTP/1.1`],
    ["ListUsers", `GET ${restPath.listUsers({ pageSize: 3 })} HTTP/1.1`],
    ["NOT_FOUND", `GET ${restPath.getUser("u-0")} HTTP/1.1`],
    ["no route", "GET /v2/nothing HTTP/1.1"],
    ["NDJSON stream (chunked framing)", `GET ${restPath.streamOrders("u-3", 600)} HTTP/1.1`],
    ["NDJSON stream error before the first line", `GET ${restPath.streamOrders("u-3", -1)} HTTP/1.1`],
    ["HTTP/1.0", `GET ${restPath.getUser("u-1")} HTTP/1.0`],
  ];
  for (const [label, line] of requests) {
    test(label, async () => {
      const response = await sameBytesOnEvery(`${line}\nHost: localhost\nConnection: close\n`);
      assert.match(response, /^HTTP\/1\.1 \d{3} /);
      assert.doesNotMatch(response, /\r\n(ETag|X-Powered-By):/i);
    });
  }
});

describe("path matching and percent-decoding as express does it", () => {
  const paths = [
    "/v1/users/u-1/", // one trailing slash is allowed
    "/v1/users/u-1//",
    "/V1/USERS/u-1", // case-insensitive; the id keeps its case
    "/v1/users/U-1",
    "/v1/users/u%2D1", // percent-decoded id
    "/v1/users/u%2F1", // an encoded slash is part of the id
    "/v1/users/%E0%A4%A", // a bad escape: 400 at match time
    "/v1/users/%E0%A4%A/orders",
    "/v1/users/u-1/orders/",
    "/v1/users/u-1/orders/stream/?limit=2",
    "/v1/users//orders",
    "/v1/users/",
    "//v1/users",
    "/v1/users/u-1/orders/stream/extra",
    "/v1/uploads",
    "/v1/chat",
    "/",
    "/v1/users/u-1?",
    "/v1/users/u-1?limit=5",
  ];
  for (const path of paths) {
    test(`GET ${path}`, async () => {
      await restOnEvery(arms, "GET", path);
    });
  }

  test("methods: PUT, OPTIONS and POST on a GET route are 404; a bad escape is 400 whatever the method", async () => {
    for (const method of ["PUT", "OPTIONS", "POST", "DELETE"]) {
      await restOnEvery(arms, method, restPath.listOrders("u-1"));
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const r = await restOnEvery(arms, method, "/v1/users/%E0%A4%A");
      assert.equal(r.status, 400, method);
    }
  });

  test("an absolute-form request target is routed by its path", async () => {
    await sameBytesOnEvery(`GET http://localhost${restPath.getUser("u-2")} HTTP/1.1\nHost: localhost\nConnection: close\n`);
    for (const target of ["http://localhost/v2/none?x=1", "http://localhost", "http://localhost?x=1", `http://localhost${restPath.listUsers({ pageSize: 2 })}`]) {
      await sameBytesOnEvery(`GET ${target} HTTP/1.1\nHost: localhost\nConnection: close\n`);
    }
  });
});

describe("HEAD and conditional requests", () => {
  test("HEAD runs the GET route and sends its headers without the body", async () => {
    for (const path of [restPath.getUser("u-1"), restPath.listOrders("u-1", { limit: 200 }), restPath.getUser("u-0"), restPath.streamOrders("u-1", 3)]) {
      const response = await sameBytesOnEvery(`HEAD ${path} HTTP/1.1\nHost: localhost\nConnection: close\n`);
      assert.ok(response.endsWith("\r\n\r\n"), `${path}: no body`);
    }
  });

  test("If-None-Match: * is answered 304 (express's freshness check), unless Cache-Control: no-cache", async () => {
    const fresh = await sameBytesOnEvery(`GET ${restPath.getUser("u-1")} HTTP/1.1\nHost: localhost\nIf-None-Match: *\nConnection: close\n`);
    assert.match(fresh, /^HTTP\/1\.1 304 /);
    for (const header of ["If-None-Match: *\nCache-Control: no-cache", 'If-None-Match: "abc"', "If-Modified-Since: Wed, 21 Oct 2099 07:28:00 GMT"]) {
      const response = await sameBytesOnEvery(`GET ${restPath.getUser("u-1")} HTTP/1.1\nHost: localhost\n${header}\nConnection: close\n`);
      assert.match(response, /^HTTP\/1\.1 200 /, header);
    }
    const notFound = await sameBytesOnEvery(`GET ${restPath.getUser("u-0")} HTTP/1.1\nHost: localhost\nIf-None-Match: *\nConnection: close\n`);
    assert.match(notFound, /^HTTP\/1\.1 404 /, "errors are never fresh");
  });
});

describe("query strings", () => {
  const queries = [
    "limit=ten",
    "limit=",
    "limit=%2B5",
    "limit=+5",
    "limit=1e3",
    "limit=0x10",
    "limit=2147483648",
    "limit=-2147483649",
    "limit=1&limit=2",
    "limit=5&page_size=2&page_token=a&page_token=b",
    "limit=5&page_size=2&page_token=",
    "limit=5&unknown=1",
    "limit=5&limit",
    "%6Cimit=5",
    "limit=5#fragment",
  ];
  for (const query of queries) {
    test(`ListOrders ?${query}`, async () => {
      await restOnEvery(arms, "GET", `${restPath.listOrders("u-4")}?${query}`);
    });
  }
  test("ListUsers and StreamOrders read their parameters alike", async () => {
    for (const path of [`${restPath.listUsers()}?page_size=2&page_size=3`, `${restPath.listUsers()}?page_token=a%20b`, `${restPath.streamOrders("u-4")}?limit=a`]) {
      await restOnEvery(arms, "GET", path);
    }
  });
});

describe("request bodies (body-parser's JSON reader in every arm)", () => {
  const user = JSON.stringify({ name: "Body Test", email: "body@example.org" });
  const cases: [string, string | Buffer, Record<string, string>][] = [
    ["no Content-Type", user, {}],
    ["text/plain", user, { "content-type": "text/plain" }],
    ["application/json; charset=latin1", user, { "content-type": "application/json; charset=latin1" }],
    ["application/json; charset=utf-8", user, { "content-type": "application/json; charset=utf-8" }],
    ["an empty body", "", { "content-type": "application/json" }],
    ["a strict-mode violation", '"just a string"', { "content-type": "application/json" }],
    ["truncated JSON", '{"name": "x", ', { "content-type": "application/json" }],
    ["a gzip body", gzipSync(user), { "content-type": "application/json", "content-encoding": "gzip" }],
    ["a broken gzip body", Buffer.from("not gzip"), { "content-type": "application/json", "content-encoding": "gzip" }],
    ["an unknown Content-Encoding", user, { "content-type": "application/json", "content-encoding": "bogus" }],
    ["a body over the limit", JSON.stringify({ name: "x".repeat(LIMIT), email: "a@b.c" }), { "content-type": "application/json" }],
    ["a gzip body that inflates past the limit", gzipSync(JSON.stringify({ name: "x".repeat(4 * LIMIT), email: "a@b.c" })), { "content-type": "application/json", "content-encoding": "gzip" }],
  ];
  for (const [label, body, headers] of cases) {
    test(`CreateUser with ${label}`, async () => {
      await restOnEvery(arms, "POST", restPath.createUser(), body, headers, { volatile: ["createdAt"] });
    });
  }

  test("a chunked body over the limit (no Content-Length) is 413 on every arm", async () => {
    const body = JSON.stringify({ name: "x".repeat(2 * LIMIT), email: "a@b.c" });
    const chunked = `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const response = await sameBytesOnEvery(
      `POST ${restPath.createUser()} HTTP/1.1\nHost: localhost\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n`,
      Buffer.from(chunked),
    );
    assert.match(response, /^HTTP\/1\.1 413 /);
  });

  test("PATCH of an unknown user reads the body first, then is 404", async () => {
    const r = await restOnEvery(arms, "PATCH", restPath.updateUser("u-999999"), JSON.stringify({ name: "x" }), { "content-type": "application/json" });
    assert.equal(r.status, 404);
  });
});

describe("uploads", () => {
  test("an empty upload, a chunked upload and an upload with a JSON Content-Type", async () => {
    const empty = await restOnEvery(arms, "POST", restPath.upload(), "", { "content-type": "application/octet-stream" });
    assert.equal(empty.text, '{"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}');
    const data = Buffer.alloc(300_000, 7);
    const chunked = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n0\r\n\r\n")]);
    const uploaders = arms.restArms.filter((server) => armServes(server.arm, "Upload"));
    const response = await Promise.all(
      uploaders.map((server) =>
        rawExchange(server.port, `POST ${restPath.upload()} HTTP/1.1\nHost: localhost\nTransfer-Encoding: chunked\nConnection: close\n`, chunked),
      ),
    );
    for (const [i, bytes] of response.entries()) {
      const text = bytes.toString("utf8");
      assert.match(text, /^HTTP\/1\.1 200 /, uploaders[i]!.arm);
      assert.match(text, /"size":"300000","sha256":"[0-9a-f]{64}"/, uploaders[i]!.arm);
    }
    await restOnEvery(arms, "POST", restPath.upload(), JSON.stringify({ a: 1 }), { "content-type": "application/json" }, { volatile: ["chunks"] });
  });
});

describe("streams and connections", () => {
  test("a client that goes away mid-stream stops the stream; the server keeps answering", async () => {
    for (const server of arms.restArms.filter((s) => armServes(s.arm, "StreamOrders"))) {
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${server.port}${restPath.streamOrders("u-9", 1_000_000)}`, { signal: controller.signal });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      await reader.read().catch(() => {});
      const r = await rest(server.port, "GET", restPath.getUser("u-9"));
      assert.equal(r.status, 200, server.arm);
    }
  });

  test("close() resolves with an idle keep-alive connection and an open WebSocket (where the arm serves Chat)", async () => {
    for (const arm of restJsonArms()) {
      const server = await arm.start({ host: "127.0.0.1", port: 0 });
      const socket = connect(server.port, "127.0.0.1");
      await new Promise<void>((resolve) => socket.write(`GET ${restPath.getUser("u-1")} HTTP/1.1\r\nHost: localhost\r\n\r\n`, () => resolve()));
      await new Promise((resolve) => socket.once("data", resolve));
      const closed = [new Promise((resolve) => socket.on("close", resolve))];
      if (armServes(arm.id, "Chat")) {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}${restPath.chat()}`);
        await new Promise((resolve, reject) => ws.on("open", resolve).on("error", reject));
        closed.push(new Promise((resolve) => ws.on("close", resolve)));
      }
      await server.close();
      await Promise.all(closed);
      assert.equal(server.arm, arm.id, "RunningServer.arm is the arm id");
    }
  });
});

/** Just enough of a ServerResponse for the NDJSON writer: a 16 KiB buffer that empties when uncorked. */
class FakeResponse extends EventEmitter {
  lines = 0;
  ended = false;
  private buffered = 0;
  private corked = 0;
  constructor(private readonly drainInsideUncork: boolean) {
    super();
  }
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.lines++;
    this.buffered += chunk.length;
    return this.buffered < 16 * 1024;
  }
  cork(): void {
    this.corked++;
  }
  uncork(): void {
    if (--this.corked > 0 || this.buffered < 16 * 1024) return;
    this.buffered = 0;
    // Node 22+ flushes the corked writes and emits 'drain' before uncork() returns; Node 20 emits it later.
    if (this.drainInsideUncork) this.emit("drain");
    else setImmediate(() => this.emit("drain"));
  }
  end(): void {
    this.ended = true;
  }
}

test("the NDJSON writer survives a 'drain' emitted inside uncork() (Node 22+) as well as after it (Node 20)", { timeout: 30_000 }, async () => {
  for (const drainInsideUncork of [true, false]) {
    const res = new FakeResponse(drainInsideUncork);
    await writeNdjsonOrders(res as unknown as ServerResponse, generateOrders(42, "u-1", 2000)[Symbol.iterator]());
    assert.equal(res.lines, 2000, `drain inside uncork: ${drainInsideUncork}`);
    assert.ok(res.ended);
  }
});
