// gRPC arm against gRPC arm: every registered arm with api "grpc" (grpc-raw, plugin arms) answers a @grpc/grpc-js
// client exactly as the reference arm (grpc, on grpc-js) does — reply bytes, status codes, details, response
// headers and trailers — for every RPC and size class, the error cases of servers-errors.test.ts, compressed
// requests, request limits, deadlines, the health service, a non-gRPC request, ListenError and close().
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { connect, constants as h2, type ClientHttp2Session, type IncomingHttpHeaders } from "node:http2";
import { createServer } from "node:net";
import { deflateSync, gzipSync } from "node:zlib";
import * as grpc from "@grpc/grpc-js";
import { service as healthService } from "grpc-health-check";
import { shop } from "../proto/generated/shop.js";
import { PAYLOAD_CLASSES, SIZE_CLASSES } from "../payloads/size-classes.js";
import { allArms, findArm } from "../servers/registry.js";
import { ListenError, type RunningServer, type ServerArm } from "../servers/server-arm.js";

const REFERENCE = "grpc";
const LIMIT = 64 * 1024; // a small request limit keeps the over-limit cases cheap
const DEADLINE_MS = 30_000;

/** Every registered gRPC arm, the reference first. */
function grpcArms(): ServerArm[] {
  const reference = findArm(REFERENCE);
  assert.ok(reference, "the registry has the reference gRPC arm");
  return [reference, ...allArms().filter((arm) => arm.api === "grpc" && arm.id !== REFERENCE)];
}

test("the registry's gRPC arms include grpc-raw, described as the brief says, and in the default set", () => {
  const ids = grpcArms().map((arm) => arm.id);
  assert.equal(ids[0], "grpc");
  assert.ok(ids.includes("grpc-raw"));
  const raw = findArm("grpc-raw")!;
  assert.deepEqual(
    [raw.label, raw.api, raw.wire, raw.transport, raw.framework, raw.default],
    ["gRPC (raw node:http2)", "grpc", "protobuf", "h2c", "node:http2", true],
  );
});

// ---- one call's outcome, as a grpc-js client sees it, in a form two arms can be compared by

interface Outcome {
  code: number;
  details: string;
  /** reply messages, as received (protobuf bytes) */
  messages: Buffer[];
  /** response headers and trailers as grpc-js hands them over (but date) */
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
}

const identity = (b: Buffer): Buffer => b;

function metadataObject(metadata: grpc.Metadata | undefined): Record<string, unknown> {
  const { date: _, ...rest } = metadata?.getMap() ?? {};
  return rest;
}

/** Sends each request message (bytes) on a raw bidi call and collects the outcome; works for every method kind. */
function callRaw(client: grpc.Client, path: string, requests: Buffer[], metadata = new grpc.Metadata()): Promise<Outcome> {
  return new Promise((resolve) => {
    const call = client.makeBidiStreamRequest(path, identity, identity, metadata, { deadline: Date.now() + DEADLINE_MS });
    const messages: Buffer[] = [];
    let headers: grpc.Metadata | undefined;
    call.on("metadata", (m: grpc.Metadata) => (headers = m));
    call.on("data", (m: Buffer) => messages.push(m));
    call.on("error", () => {}); // the status event carries the same code
    call.on("status", (status: grpc.StatusObject) =>
      resolve({ code: status.code, details: status.details, messages, headers: metadataObject(headers), trailers: metadataObject(status.metadata) }),
    );
    for (const request of requests) call.write(request);
    call.end();
  });
}

const encode = <T>(codec: { encode(m: T): { finish(): Uint8Array } }, message: T): Buffer => Buffer.from(codec.encode(message).finish());

interface Served {
  server: RunningServer;
  client: grpc.Client;
}

/** Every gRPC arm started with `options`, each with a grpc-js client; closed after the calling suite. */
function serveGrpcArms(options: { maxRequestBytes?: number; maxDelayMs?: number } = {}): Served[] {
  const served: Served[] = [];
  before(async () => {
    for (const arm of grpcArms()) {
      const server = await arm.start({ host: "127.0.0.1", port: 0, ...options });
      const client = new grpc.Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": -1 });
      served.push({ server, client });
    }
  });
  after(async () => {
    for (const { client } of served) client.close();
    await Promise.all(served.map(({ server }) => server.close()));
  });
  return served;
}

/**
 * The same call on every gRPC arm (concurrently): each arm's outcome must equal the reference's, apart from
 * `normalize` (for fields each server assigns itself). Returns the reference outcome.
 */
async function sameOnEvery(served: Served[], label: string, path: string, requests: Buffer[], normalize?: (o: Outcome) => unknown, metadata?: () => grpc.Metadata): Promise<Outcome> {
  const outcomes = await Promise.all(served.map(({ client }) => callRaw(client, path, requests, metadata?.())));
  const reference = outcomes[0]!;
  outcomes.slice(1).forEach((outcome, i) => {
    const arm = served[i + 1]!.server.arm;
    const view = (o: Outcome) => (normalize ? normalize(o) : o);
    assert.deepEqual(view(outcome), view(reference), `${arm} vs ${served[0]!.server.arm}: ${label}`);
  });
  return reference;
}

const P = {
  getUser: "/shop.v1.UserService/GetUser",
  listUsers: "/shop.v1.UserService/ListUsers",
  createUser: "/shop.v1.UserService/CreateUser",
  updateUser: "/shop.v1.UserService/UpdateUser",
  deleteUser: "/shop.v1.UserService/DeleteUser",
  listOrders: "/shop.v1.OrderService/ListOrders",
  streamOrders: "/shop.v1.OrderService/StreamOrders",
  upload: "/shop.v1.UploadService/Upload",
  chat: "/shop.v1.ChatService/Chat",
} as const;

/** A User reply without the createdAt each server's clock stamps. */
function userWithoutClock(o: Outcome): unknown {
  return { ...o, messages: o.messages.map((m) => ({ ...shop.v1.User.toObject(shop.v1.User.decode(m), { longs: String }), createdAt: "(clock)" })) };
}

describe("every gRPC arm answers as grpc-js does", () => {
  const served = serveGrpcArms({ maxRequestBytes: LIMIT });

  describe("unary calls", () => {
    for (const cls of PAYLOAD_CLASSES) {
      test(`size class ${cls}`, async () => {
        const c = SIZE_CLASSES[cls];
        const o =
          c.call === "GetUser"
            ? await sameOnEvery(served, cls, P.getUser, [encode(shop.v1.GetUserRequest, { userId: c.userId })])
            : await sameOnEvery(served, cls, P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: c.userId, limit: c.limit })]);
        assert.equal(o.code, grpc.status.OK);
        assert.equal(o.details, "OK");
        assert.equal(o.messages.length, 1);
      });
    }

    test("GetUser for a spread of users; ListOrders default limit and 20000", async () => {
      for (const id of ["u-1", "u-2", "u-500", "u-1000"]) await sameOnEvery(served, id, P.getUser, [encode(shop.v1.GetUserRequest, { userId: id })]);
      for (const limit of [0, 20000]) await sameOnEvery(served, `limit ${limit}`, P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: "u-3", limit })]);
    });

    test("ListUsers: default page, then pages of 150 following the tokens; ListOrders paged", async () => {
      let token = "";
      for (let page = 0; page < 8; page++) {
        const o = await sameOnEvery(served, `ListUsers page ${page}`, P.listUsers, [encode(shop.v1.ListUsersRequest, { pageSize: 150, pageToken: token })]);
        token = shop.v1.ListUsersResponse.decode(o.messages[0]!).nextPageToken;
        if (token === "") break;
      }
      assert.equal(token, "", "walked to the last page");
      await sameOnEvery(served, "ListUsers default", P.listUsers, [encode(shop.v1.ListUsersRequest, {})]);
      token = "";
      for (let page = 0; page < 4; page++) {
        const o = await sameOnEvery(served, `ListOrders page ${page}`, P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: "u-5", limit: 250, pageSize: 100, pageToken: token })]);
        token = shop.v1.ListOrdersResponse.decode(o.messages[0]!).nextPageToken;
        if (token === "") break;
      }
    });

    test("CreateUser, GetUser, UpdateUser, DeleteUser, then NOT_FOUND: the same sequence on every arm", async () => {
      const user = { name: "Zoë Ångström", email: "zoe@example.org", age: 41, roles: ["buyer"], metadata: { locale: "sv-SE" }, lifetimeSpendCents: 12345678901, rating: 4.5 };
      const created = await sameOnEvery(served, "CreateUser", P.createUser, [encode(shop.v1.CreateUserRequest, { user })], userWithoutClock);
      assert.equal(created.code, grpc.status.OK);
      const id = shop.v1.User.decode(created.messages[0]!).id;
      await sameOnEvery(served, "GetUser created", P.getUser, [encode(shop.v1.GetUserRequest, { userId: id })], userWithoutClock);
      await sameOnEvery(served, "UpdateUser", P.updateUser, [encode(shop.v1.UpdateUserRequest, { userId: id, user: { name: "Zoë A.", roles: ["buyer", "seller"] } })], userWithoutClock);
      const deleted = await sameOnEvery(served, "DeleteUser", P.deleteUser, [encode(shop.v1.DeleteUserRequest, { userId: id })]);
      assert.equal(deleted.code, grpc.status.OK);
      const gone = await sameOnEvery(served, "GetUser deleted", P.getUser, [encode(shop.v1.GetUserRequest, { userId: id })]);
      assert.equal(gone.code, grpc.status.NOT_FOUND);
    });
  });

  describe("streams", () => {
    for (const limit of [10, 250]) {
      test(`StreamOrders ${limit} orders`, async () => {
        const o = await sameOnEvery(served, `StreamOrders ${limit}`, P.streamOrders, [encode(shop.v1.StreamOrdersRequest, { userId: "u-1", limit })]);
        assert.equal(o.code, grpc.status.OK);
        assert.equal(o.messages.length, limit);
      });
    }

    test("Upload: 40 chunks of 16 KiB, and an empty upload", async () => {
      const chunks = Array.from({ length: 40 }, (_, i) => encode(shop.v1.UploadChunk, { data: Buffer.alloc(16 * 1024, i) }));
      const o = await sameOnEvery(served, "Upload", P.upload, chunks);
      assert.equal(o.code, grpc.status.OK);
      const result = shop.v1.UploadResult.decode(o.messages[0]!);
      assert.equal(Number(result.size), 40 * 16 * 1024);
      assert.equal(result.chunks, 40);
      const empty = await sameOnEvery(served, "Upload empty", P.upload, []);
      assert.equal(empty.code, grpc.status.OK);
    });

    test("Chat: every message echoed, serverTime set; a Chat without messages ends OK", async () => {
      const sent = [1, 2, 3, 4, 5].map((i) => encode(shop.v1.ChatMessage, { sessionId: "s", sequence: i, text: `héllo ${i}` }));
      const withoutClock = (o: Outcome) => ({
        ...o,
        messages: o.messages.map((m) => {
          const echo = shop.v1.ChatMessage.decode(m);
          assert.ok(echo.serverTime, "serverTime is set");
          return { ...shop.v1.ChatMessage.toObject(echo, { longs: String }), serverTime: "(clock)" };
        }),
      });
      const o = await sameOnEvery(served, "Chat", P.chat, sent, withoutClock);
      assert.equal(o.messages.length, 5);
      const none = await sameOnEvery(served, "Chat without messages", P.chat, []);
      assert.equal(none.code, grpc.status.OK);
    });
  });

  describe("errors: the same status code and details", () => {
    const cases: [string, string, Buffer[], keyof typeof grpc.status][] = [
      ["GetUser unknown id", P.getUser, [encode(shop.v1.GetUserRequest, { userId: "u-999999" })], "NOT_FOUND"],
      ["GetUser u-0", P.getUser, [encode(shop.v1.GetUserRequest, { userId: "u-0" })], "NOT_FOUND"],
      ["GetUser with a non-ASCII, %-holding id (percent-encoded grpc-message)", P.getUser, [encode(shop.v1.GetUserRequest, { userId: "ü 100% \u{1f600}\t" })], "NOT_FOUND"],
      ["ListOrders unknown user", P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: "nobody", limit: 5 })], "NOT_FOUND"],
      ["UpdateUser unknown id", P.updateUser, [encode(shop.v1.UpdateUserRequest, { userId: "u-999999", user: { name: "x" } })], "NOT_FOUND"],
      ["DeleteUser unknown id", P.deleteUser, [encode(shop.v1.DeleteUserRequest, { userId: "u-999999" })], "NOT_FOUND"],
      ["ListUsers page_size 5000", P.listUsers, [encode(shop.v1.ListUsersRequest, { pageSize: 5000 })], "INVALID_ARGUMENT"],
      ["ListUsers page_size -1", P.listUsers, [encode(shop.v1.ListUsersRequest, { pageSize: -1 })], "INVALID_ARGUMENT"],
      ["ListUsers bad page_token", P.listUsers, [encode(shop.v1.ListUsersRequest, { pageToken: "not-a-token" })], "INVALID_ARGUMENT"],
      ["ListOrders limit -1", P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: "u-1", limit: -1 })], "INVALID_ARGUMENT"],
      ["ListOrders limit 20001", P.listOrders, [encode(shop.v1.ListOrdersRequest, { userId: "u-1", limit: 20001 })], "INVALID_ARGUMENT"],
      ["CreateUser without a name", P.createUser, [encode(shop.v1.CreateUserRequest, { user: { email: "a@b.c" } })], "INVALID_ARGUMENT"],
      ["CreateUser over the request limit", P.createUser, [encode(shop.v1.CreateUserRequest, { user: { name: "x".repeat(LIMIT + 10), email: "a@b.c" } })], "RESOURCE_EXHAUSTED"],
      ["malformed protobuf (truncated field)", P.createUser, [Buffer.from([0x12, 0x7f, 0x41])], "INVALID_ARGUMENT"],
      ["malformed protobuf in Upload", P.upload, [Buffer.from([0x7f])], "INVALID_ARGUMENT"],
      ["malformed protobuf in Chat", P.chat, [Buffer.from([0x7f])], "INVALID_ARGUMENT"],
      ["StreamOrders unknown user", P.streamOrders, [encode(shop.v1.StreamOrdersRequest, { userId: "u-999999", limit: 3 })], "NOT_FOUND"],
      ["StreamOrders limit 1000001", P.streamOrders, [encode(shop.v1.StreamOrdersRequest, { userId: "u-1", limit: 1_000_001 })], "INVALID_ARGUMENT"],
      ["Upload chunk over the request limit", P.upload, [encode(shop.v1.UploadChunk, { data: Buffer.alloc(LIMIT + 1) })], "RESOURCE_EXHAUSTED"],
      ["unknown method", "/shop.v1.UserService/NoSuchCall", [encode(shop.v1.GetUserRequest, { userId: "u-1" })], "UNIMPLEMENTED"],
      ["unknown service", "/shop.v2.Nothing/Get", [], "UNIMPLEMENTED"],
      ["unary call with no request message", P.getUser, [], "UNIMPLEMENTED"],
      ["unary call with two request messages", P.getUser, [encode(shop.v1.GetUserRequest, { userId: "u-1" }), encode(shop.v1.GetUserRequest, { userId: "u-2" })], "UNIMPLEMENTED"],
    ];
    for (const [label, path, requests, code] of cases) {
      test(label, async () => {
        const o = await sameOnEvery(served, label, path, requests);
        assert.equal(o.code, grpc.status[code], `${label}: ${o.details}`);
        assert.equal(o.messages.length, 0, "no message before the error");
        // every arm still answers
        await sameOnEvery(served, "GetUser after an error", P.getUser, [encode(shop.v1.GetUserRequest, { userId: "u-1" })]);
      });
    }
  });

  test("a gzip-compressed request (grpc-js client with gzip) is accepted and answered as grpc does", async () => {
    const outcomes = await Promise.all(
      served.map(async ({ server }) => {
        const client = new grpc.Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), { "grpc.default_compression_algorithm": grpc.compressionAlgorithms.gzip });
        try {
          const request = encode(shop.v1.CreateUserRequest, { user: { name: "gzip ".repeat(200), email: "g@z.ip" } });
          return userWithoutClock(await callRaw(client, P.createUser, [request]));
        } finally {
          client.close();
        }
      }),
    );
    outcomes.slice(1).forEach((o, i) => assert.deepEqual(o, outcomes[0], served[i + 1]!.server.arm));
    assert.equal((outcomes[0] as Outcome).code, grpc.status.OK);
  });

  test("health: Check answers SERVING for the server and every shop.v1 service, NOT_FOUND for others", async () => {
    const Health = grpc.makeGenericClientConstructor(healthService, "Health");
    for (const { server } of served) {
      const client = new Health(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure()) as unknown as grpc.Client &
        Record<string, (req: object, cb: (err: grpc.ServiceError | null, res: { status: string }) => void) => void>;
      const check = (name: string) => new Promise<{ status: string } | grpc.ServiceError>((resolve) => client["check"]!({ service: name }, (e, r) => resolve(e ?? r)));
      try {
        for (const name of ["", "shop.v1.UserService", "shop.v1.OrderService", "shop.v1.UploadService", "shop.v1.ChatService"]) {
          assert.deepEqual(await check(name), { status: "SERVING" }, `${server.arm}: ${name || "(server)"}`);
        }
        const unknown = (await check("shop.v1.Nothing")) as grpc.ServiceError;
        assert.equal(unknown.code, grpc.status.NOT_FOUND, server.arm);
        assert.equal(unknown.details, "Health status unknown for service shop.v1.Nothing", server.arm);
      } finally {
        client.close();
      }
    }
  });
});

// ---- on the wire: a node:http2 client, so headers, trailers, compression flags and deadlines are ours to set

interface WireReply {
  headers: IncomingHttpHeaders;
  trailers: IncomingHttpHeaders | null;
  body: Buffer;
}

function h2Call(session: ClientHttp2Session, path: string, body: Buffer, extra: Record<string, string> = {}): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers", ...extra });
    let headers: IncomingHttpHeaders = {};
    let trailers: IncomingHttpHeaders | null = null;
    const chunks: Buffer[] = [];
    req.on("response", (h) => (headers = h));
    req.on("trailers", (t) => (trailers = t));
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", reject);
    req.on("close", () => resolve({ headers, trailers, body: Buffer.concat(chunks) }));
    req.setTimeout(DEADLINE_MS, () => req.close(h2.NGHTTP2_CANCEL));
    req.end(body);
  });
}

const frame = (message: Buffer, flag = 0): Buffer => {
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
};

/** Headers without the ones that differ by design (date; grpc-message is compared decoded). */
function comparable(headers: IncomingHttpHeaders | null): Record<string, unknown> | null {
  if (headers === null) return null;
  const { date: _d, "grpc-message": message, ...rest } = headers;
  const out: Record<string, unknown> = { ...rest };
  if (message !== undefined) out["grpc-message (decoded)"] = decodeURIComponent(String(message));
  return out;
}

describe("on the wire (node:http2 client)", () => {
  const served = serveGrpcArms({ maxRequestBytes: LIMIT, maxDelayMs: 10_000 });
  const sessions: ClientHttp2Session[] = [];
  before(() => {
    for (const { server } of served) sessions.push(connect(`http://127.0.0.1:${server.port}`));
  });
  after(() => {
    for (const session of sessions) session.close();
  });

  /** The same raw request on every arm: same :status, headers, trailers (grpc-message decoded) and body bytes. */
  async function sameWire(label: string, path: string, body: Buffer, extra: Record<string, string> = {}): Promise<WireReply> {
    const replies = await Promise.all(sessions.map((s) => h2Call(s, path, body, extra)));
    replies.slice(1).forEach((reply, i) => {
      const arm = `${served[i + 1]!.server.arm} vs ${served[0]!.server.arm}: ${label}`;
      assert.deepEqual(comparable(reply.headers), comparable(replies[0]!.headers), `${arm}: headers`);
      assert.deepEqual(comparable(reply.trailers), comparable(replies[0]!.trailers), `${arm}: trailers`);
      assert.ok(reply.body.equals(replies[0]!.body), `${arm}: body bytes`);
    });
    return replies[0]!;
  }

  const getUser = frame(encode(shop.v1.GetUserRequest, { userId: "u-6" }));
  const status = (r: WireReply) => Number((r.trailers ?? r.headers)["grpc-status"]);

  test("OK: :status 200, content-type application/grpc+proto, grpc-encoding identity; trailers grpc-status 0", async () => {
    const r = await sameWire("GetUser", P.getUser, getUser);
    assert.equal(r.headers[":status"], 200);
    assert.equal(r.headers["content-type"], "application/grpc+proto");
    assert.equal(r.headers["grpc-encoding"], "identity");
    assert.equal(r.trailers?.["grpc-status"], "0");
    assert.equal(r.body[0], 0, "responses are never compressed");
    assert.equal(r.body.readUInt32BE(1), r.body.length - 5);
  });

  test("an error before any message is trailers-only; grpc-message is percent-encoded UTF-8", async () => {
    const r = await sameWire("GetUser unknown", P.getUser, frame(encode(shop.v1.GetUserRequest, { userId: "ü 100%" })));
    assert.equal(r.trailers, null, "trailers-only: the status is in the one HEADERS frame");
    assert.equal(r.headers["grpc-status"], String(grpc.status.NOT_FOUND));
    assert.ok(/^[\x20-\x7e]*$/.test(String(r.headers["grpc-message"])), "grpc-message is ASCII");
    assert.match(decodeURIComponent(String(r.headers["grpc-message"])), /ü 100%/);
  });

  test("a request that is not gRPC (content-type application/json) is HTTP 415 without a gRPC status", async () => {
    const r = await sameWire("415", P.getUser, getUser, { "content-type": "application/json" });
    assert.equal(r.headers[":status"], 415);
    assert.equal(r.headers["grpc-status"], undefined);
  });

  for (const [encoding, compress] of [["gzip", gzipSync], ["deflate", deflateSync]] as const) {
    test(`grpc-encoding ${encoding}: a compressed-flag message is inflated; one that inflates past the limit is RESOURCE_EXHAUSTED`, async () => {
      const request = encode(shop.v1.CreateUserRequest, { user: { name: "c".repeat(3000), email: "c@o.mp" } });
      const ok = await Promise.all(sessions.map((s) => h2Call(s, P.createUser, frame(compress(request), 1), { "grpc-encoding": encoding })));
      for (const [i, r] of ok.entries()) {
        assert.equal(r.trailers?.["grpc-status"], "0", `${served[i]!.server.arm}: ${String((r.trailers ?? r.headers)["grpc-message"])}`);
        assert.equal(shop.v1.User.decode(r.body.subarray(5)).name, "c".repeat(3000));
      }
      const bomb = compress(encode(shop.v1.CreateUserRequest, { user: { name: "z".repeat(LIMIT * 2), email: "c@o.mp" } }));
      assert.ok(bomb.length < LIMIT, "the compressed message itself is under the limit");
      const r = await sameWire(`${encoding} over the limit`, P.createUser, frame(bomb, 1), { "grpc-encoding": encoding });
      assert.equal(status(r), grpc.status.RESOURCE_EXHAUSTED);
      const garbage = await sameWire(`${encoding} corrupt`, P.createUser, frame(Buffer.from("not compressed at all"), 1), { "grpc-encoding": encoding });
      assert.equal(status(garbage), grpc.status.INTERNAL);
    });
  }

  test("an unsupported grpc-encoding on a compressed message is UNIMPLEMENTED", async () => {
    const r = await sameWire("snappy", P.getUser, frame(Buffer.from([1, 2, 3]), 1), { "grpc-encoding": "snappy" });
    assert.equal(status(r), grpc.status.UNIMPLEMENTED);
  });

  test("a message split across DATA frames, and several in one, are reassembled (Upload)", async () => {
    const chunks = [0, 1, 2].map((i) => frame(encode(shop.v1.UploadChunk, { data: Buffer.alloc(5000, i) })));
    const whole = Buffer.concat(chunks);
    const replies = await Promise.all(
      sessions.map(
        (session) =>
          new Promise<Buffer>((resolve, reject) => {
            const req = session.request({ ":method": "POST", ":path": P.upload, "content-type": "application/grpc", te: "trailers" });
            const out: Buffer[] = [];
            req.on("data", (c: Buffer) => out.push(c));
            req.on("error", reject);
            req.on("close", () => resolve(Buffer.concat(out)));
            // 3 bytes (a split prefix), then odd slices, so prefixes and bodies straddle writes
            let pos = 0;
            for (const size of [3, 4, 4000, 7000, 1]) {
              req.write(whole.subarray(pos, pos + size));
              pos += size;
            }
            req.end(whole.subarray(pos));
          }),
      ),
    );
    for (const [i, reply] of replies.entries()) {
      const result = shop.v1.UploadResult.decode(reply.subarray(5));
      assert.equal(Number(result.size), 15000, served[i]!.server.arm);
      assert.equal(result.chunks, 3, served[i]!.server.arm);
      assert.ok(reply.equals(replies[0]!), served[i]!.server.arm);
    }
  });

  test("grpc-timeout: an invalid value is INTERNAL; a deadline that passes while the call waits is DEADLINE_EXCEEDED", async () => {
    const invalid = await sameWire("bad grpc-timeout", P.getUser, getUser, { "grpc-timeout": "soon" });
    assert.equal(status(invalid), grpc.status.INTERNAL);
    // x-delay-ms holds the reply 5 s; the deadline is 50 ms: the server ends the call long before the reply.
    const late = await sameWire("deadline", P.getUser, getUser, { "grpc-timeout": "50m", "x-delay-ms": "5000" });
    assert.equal(status(late), grpc.status.DEADLINE_EXCEEDED);
    const inTime = await sameWire("generous deadline", P.getUser, getUser, { "grpc-timeout": "30S", "x-delay-ms": "1" });
    assert.equal(status(inTime), grpc.status.OK);
  });
});

describe("listen and close", () => {
  for (const arm of grpcArms()) {
    test(`${arm.id}: a port in use is a ListenError; close() ends with a client connected and a stream open`, async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      const port = (blocker.address() as { port: number }).port;
      try {
        await assert.rejects(arm.start({ host: "127.0.0.1", port }), (err: Error) => err instanceof ListenError && /already in use/.test(err.message));
      } finally {
        blocker.close();
      }
      const server = await arm.start({ host: "127.0.0.1", port: 0 });
      const session = connect(`http://127.0.0.1:${server.port}`);
      session.on("error", () => {});
      // A bidi call the client never ends: close() must not wait for it forever.
      const open = session.request({ ":method": "POST", ":path": P.chat, "content-type": "application/grpc", te: "trailers" });
      open.on("error", () => {});
      open.write(frame(encode(shop.v1.ChatMessage, { sessionId: "s", text: "hi" })));
      await new Promise((resolve) => open.once("data", resolve));
      const ended = new Promise((resolve) => open.once("close", resolve));
      await server.close();
      await ended;
      session.destroy();
    });
  }
});
