// Error parity (same status name on both sides, REST as {code, message} with the mapped HTTP status), the
// servers answering normally after every bad input, CRUD and the health service. Every REST/JSON arm answers
// every error case byte for byte as the reference arm (rest) does.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import { service as healthService } from "grpc-health-check";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";
import { restPath } from "../servers/shop-routes.js";
import { armServes, grpcError, rawUnary, restJsonOnEvery, restOnEvery, serveArms, unary, wsExchange, type RestReply } from "./fixtures/shop-clients.js";

const LIMIT = 64 * 1024; // a small request limit keeps the over-limit cases cheap

const arms = serveArms({ maxRequestBytes: LIMIT });

/** Both servers still serve a normal call, with the same answer. */
async function stillAnswers(): Promise<void> {
  const [g, r] = await Promise.all([unary<object>(arms.clients.user, "GetUser", { userId: "u-1" }), restOnEvery(arms, "GET", restPath.getUser("u-1"))]);
  assert.equal(r.status, 200);
  assert.equal(r.text, JSON.stringify(toCanonicalJson("User", g)));
}

/** Each server's clock stamps a created user: the REST arms agree on everything else. */
const SERVER_ASSIGNED = { volatile: ["createdAt"] } as const;

const HTTP_OF = { NOT_FOUND: 404, INVALID_ARGUMENT: 400, RESOURCE_EXHAUSTED: 413 } as const;

function assertErrorParity(g: grpc.ServiceError, r: RestReply, code: keyof typeof HTTP_OF, label: string): void {
  assert.equal(g.code, grpc.status[code], `${label}: gRPC ${grpc.status[g.code]} (${g.details})`);
  assert.equal(r.status, HTTP_OF[code], `${label}: HTTP status (${r.text})`);
  assert.match(r.contentType ?? "", /^application\/json/, label);
  const body = r.json as { code: string; message: string };
  assert.deepEqual(Object.keys(body).sort(), ["code", "message"], label);
  assert.equal(body.code, code, label);
  assert.ok(body.message.length > 0, label);
}

describe("error parity, and the servers keep answering", () => {
  const cases: { label: string; code: keyof typeof HTTP_OF; grpc: () => Promise<unknown>; rest: () => Promise<RestReply> }[] = [
    { label: "GetUser unknown id", code: "NOT_FOUND", grpc: () => unary(arms.clients.user, "GetUser", { userId: "u-999999" }), rest: () => restOnEvery(arms, "GET", restPath.getUser("u-999999")) },
    { label: "GetUser u-0 (ids start at 1)", code: "NOT_FOUND", grpc: () => unary(arms.clients.user, "GetUser", { userId: "u-0" }), rest: () => restOnEvery(arms, "GET", restPath.getUser("u-0")) },
    { label: "ListOrders unknown user", code: "NOT_FOUND", grpc: () => unary(arms.clients.order, "ListOrders", { userId: "nobody", limit: 5 }), rest: () => restOnEvery(arms, "GET", restPath.listOrders("nobody", { limit: 5 })) },
    { label: "UpdateUser unknown id", code: "NOT_FOUND", grpc: () => unary(arms.clients.user, "UpdateUser", { userId: "u-999999", user: { name: "x" } }), rest: () => restJsonOnEvery(arms, "PATCH", restPath.updateUser("u-999999"), { name: "x" }) },
    { label: "DeleteUser unknown id", code: "NOT_FOUND", grpc: () => unary(arms.clients.user, "DeleteUser", { userId: "u-999999" }), rest: () => restOnEvery(arms, "DELETE", restPath.deleteUser("u-999999")) },
    { label: "ListUsers page_size 5000", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.user, "ListUsers", { pageSize: 5000 }), rest: () => restOnEvery(arms, "GET", restPath.listUsers({ pageSize: 5000 })) },
    { label: "ListUsers page_size -1", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.user, "ListUsers", { pageSize: -1 }), rest: () => restOnEvery(arms, "GET", restPath.listUsers({ pageSize: -1 })) },
    { label: "ListUsers bad page_token", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.user, "ListUsers", { pageToken: "not-a-token" }), rest: () => restOnEvery(arms, "GET", restPath.listUsers({ pageToken: "not-a-token" })) },
    { label: "ListOrders limit -1", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.order, "ListOrders", { userId: "u-1", limit: -1 }), rest: () => restOnEvery(arms, "GET", restPath.listOrders("u-1", { limit: -1 })) },
    { label: "ListOrders limit 20001", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.order, "ListOrders", { userId: "u-1", limit: 20001 }), rest: () => restOnEvery(arms, "GET", restPath.listOrders("u-1", { limit: 20001 })) },
    { label: "CreateUser without a name", code: "INVALID_ARGUMENT", grpc: () => unary(arms.clients.user, "CreateUser", { user: { email: "a@b.c" } }), rest: () => restJsonOnEvery(arms, "POST", restPath.createUser(), { email: "a@b.c" }) },
    {
      label: "CreateUser over the request limit",
      code: "RESOURCE_EXHAUSTED",
      grpc: () => unary(arms.clients.user, "CreateUser", { user: { name: "x".repeat(LIMIT + 10), email: "a@b.c" } }),
      rest: () => restJsonOnEvery(arms, "POST", restPath.createUser(), { name: "x".repeat(LIMIT + 10), email: "a@b.c" }),
    },
  ];
  for (const c of cases) {
    test(c.label, async () => {
      const [g, r] = await Promise.all([grpcError(c.grpc()), c.rest()]);
      assertErrorParity(g, r, c.code, c.label);
      await stillAnswers();
    });
  }

  test("REST: a non-integer query parameter is INVALID_ARGUMENT", async () => {
    const r = await restOnEvery(arms, "GET", `${restPath.listOrders("u-1")}?limit=ten`);
    assert.equal(r.status, 400);
    assert.equal((r.json as { code: string }).code, "INVALID_ARGUMENT");
    await stillAnswers();
  });

  test("malformed protobuf is INVALID_ARGUMENT (not grpc-js's INTERNAL); malformed JSON is 400 INVALID_ARGUMENT", async () => {
    // Field 2 (name), length-delimited, claims 127 bytes but 1 follows: protobufjs throws "index out of range".
    const truncated = Buffer.from([0x12, 0x7f, 0x41]);
    assert.throws(() => shop.v1.CreateUserRequest.decode(truncated));
    const g = await grpcError(rawUnary(arms.clients.user, "/shop.v1.UserService/CreateUser", truncated));
    const r = await restOnEvery(arms, "POST", restPath.createUser(), '{"name": "x", ', { "content-type": "application/json" });
    assertErrorParity(g, r, "INVALID_ARGUMENT", "malformed body");
    await stillAnswers();
  });

  test("JSON that is valid but not a User (unknown field, wrong type) is INVALID_ARGUMENT", async () => {
    for (const body of [{ name: "x", email: "a@b.c", nickname: "y" }, { name: 5, email: "a@b.c" }, { name: "x", email: "a@b.c", age: "old" }]) {
      const r = await restJsonOnEvery(arms, "POST", restPath.createUser(), body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal((r.json as { code: string }).code, "INVALID_ARGUMENT");
    }
    const r = await restOnEvery(arms, "POST", restPath.createUser(), "[1, 2]", { "content-type": "application/json" });
    assert.equal(r.status, 400);
    await stillAnswers();
  });

  test("malformed protobuf in a client stream (Upload) and a bidi stream (Chat) ends the call with INVALID_ARGUMENT", async () => {
    // Field 15 with wire type 7 (which does not exist): every decoder must skip the field and cannot.
    // (A truncated string is no good here: protobufjs's BufferReader clamps strings to the buffer instead of throwing.)
    const garbage = Buffer.from([0x7f]);
    assert.throws(() => shop.v1.UploadChunk.decode(garbage));
    assert.throws(() => shop.v1.ChatMessage.decode(garbage));
    for (const path of ["/shop.v1.UploadService/Upload", "/shop.v1.ChatService/Chat"]) {
      const status = await new Promise<grpc.StatusObject>((resolve) => {
        const call = arms.clients.upload.makeBidiStreamRequest(path, (b: Buffer) => b, (b: Buffer) => b, new grpc.Metadata(), {});
        call.on("data", () => {});
        call.on("error", () => {}); // the status event below carries the same code
        call.on("status", resolve);
        call.write(garbage);
        call.end();
      });
      assert.equal(status.code, grpc.status.INVALID_ARGUMENT, `${path}: ${status.details}`);
    }
    await stillAnswers();
  });

  test("StreamOrders errors come before any order: NOT_FOUND / 404 and INVALID_ARGUMENT / 400", async () => {
    for (const [req, query, code] of [
      [{ userId: "u-999999", limit: 3 }, restPath.streamOrders("u-999999", 3), "NOT_FOUND"],
      [{ userId: "u-1", limit: 1_000_001 }, restPath.streamOrders("u-1", 1_000_001), "INVALID_ARGUMENT"],
    ] as const) {
      const g = await new Promise<grpc.ServiceError>((resolve) => {
        const call = arms.clients.order["StreamOrders"]!.call(arms.clients.order, req) as grpc.ClientReadableStream<unknown>;
        call.on("data", () => assert.fail("no order before the error"));
        call.on("error", resolve);
      });
      assertErrorParity(g, await restOnEvery(arms, "GET", query), code, query);
    }
    await stillAnswers();
  });

  test("an unknown REST route is 404 NOT_FOUND with the JSON error body", async () => {
    const r = await restOnEvery(arms, "GET", "/v2/nothing");
    assert.equal(r.status, 404);
    assert.equal((r.json as { code: string }).code, "NOT_FOUND");
  });

  test("WebSocket chat: a malformed frame gets an INVALID_ARGUMENT error frame and close 1007; the server keeps serving", async () => {
    const reference = await wsExchange(arms.rest.port, ["{not json"]);
    for (const server of arms.restArms.filter((s) => armServes(s.arm, "Chat"))) {
      const { replies, closeCode } = await wsExchange(server.port, ["{not json"]);
      assert.equal(closeCode, 1007, server.arm);
      assert.equal((JSON.parse(replies[0]!) as { code: string }).code, "INVALID_ARGUMENT", server.arm);
      assert.deepEqual(replies, reference.replies, `${server.arm}: the same error frame as ${arms.rest.arm}`);
      const ok = await wsExchange(server.port, [JSON.stringify({ sessionId: "s", text: "hi" })]);
      assert.equal((JSON.parse(ok.replies[0]!) as { text: string }).text, "hi", server.arm);
    }
  });

  test("WebSocket chat: a frame over maxRequestBytes is closed with 1009 on every REST arm", async () => {
    for (const server of arms.restArms.filter((s) => armServes(s.arm, "Chat"))) {
      const { closeCode } = await wsExchange(server.port, [JSON.stringify({ sessionId: "s", text: "x".repeat(LIMIT) })]);
      assert.equal(closeCode, 1009, server.arm);
    }
  });

  test("over-limit upload chunk on gRPC is RESOURCE_EXHAUSTED", async () => {
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      const call = arms.clients.upload["Upload"]!.call(arms.clients.upload, (e: grpc.ServiceError | null) => resolve(e)) as grpc.ClientWritableStream<shop.v1.IUploadChunk>;
      call.on("error", () => {});
      call.write({ data: Buffer.alloc(LIMIT + 1) });
      call.end();
    });
    assert.equal(err?.code, grpc.status.RESOURCE_EXHAUSTED);
    await stillAnswers();
  });
});

test("CRUD: create, read, patch, delete behave the same on both servers", async () => {
  const newUser = { name: "Zoë Ångström", email: "zoe@example.org", age: 41, roles: ["buyer"], metadata: { locale: "sv-SE" }, lifetimeSpendCents: "12345678901", rating: 4.5 };
  const [gc, rc] = await Promise.all([
    unary<shop.v1.IUser>(arms.clients.user, "CreateUser", { user: newUser }),
    restJsonOnEvery(arms, "POST", restPath.createUser(), { ...newUser, id: "ignored", status: "USER_STATUS_SUSPENDED" }, SERVER_ASSIGNED),
  ]);
  assert.equal(rc.status, 200);
  const gJson = toCanonicalJson("User", gc) as Record<string, unknown>;
  const rJson = rc.json as Record<string, unknown>;
  assert.equal(rc.text, JSON.stringify(rJson));
  assert.equal(gJson["id"], "u-1001", "the first created id follows the seeded u-1 … u-1000");
  assert.equal(rJson["id"], "u-1001", "a client-sent id is ignored");
  assert.equal(rJson["status"], "USER_STATUS_ACTIVE", "a client-sent status is ignored");
  assert.match(String(gJson["createdAt"]), /^\d{4}-/);
  const { createdAt: _gc, ...gRest } = gJson;
  const { createdAt: _rc, ...rRest } = rJson;
  assert.deepEqual(rRest, gRest, "equal apart from the server-assigned createdAt");
  assert.equal(gRest["lifetimeSpendCents"], "12345678901");

  const id = gc.id!;
  const [gg, rg] = await Promise.all([unary<shop.v1.IUser>(arms.clients.user, "GetUser", { userId: id }), restOnEvery(arms, "GET", restPath.getUser(id), undefined, {}, SERVER_ASSIGNED)]);
  assert.deepEqual(toCanonicalJson("User", gg), gJson, "gRPC reads back what it created");
  assert.deepEqual(rg.json, rJson, "REST reads back what it created");

  // PATCH: non-default fields replace; default (absent) fields keep their value.
  const patch = { name: "Zoë A.", roles: ["buyer", "seller"] };
  const [gu, ru] = await Promise.all([
    unary<shop.v1.IUser>(arms.clients.user, "UpdateUser", { userId: id, user: patch }),
    restJsonOnEvery(arms, "PATCH", restPath.updateUser(id), patch, SERVER_ASSIGNED),
  ]);
  const guJson = toCanonicalJson("User", gu) as Record<string, unknown>;
  assert.deepEqual(guJson, { ...gJson, ...patch });
  assert.deepEqual(ru.json, { ...rJson, ...patch });

  const [gd, rd] = await Promise.all([unary<object>(arms.clients.user, "DeleteUser", { userId: id }), restOnEvery(arms, "DELETE", restPath.deleteUser(id))]);
  assert.deepEqual(toCanonicalJson("google.protobuf.Empty", gd), {});
  assert.equal(rd.status, 200);
  assert.equal(rd.text, "{}");
  const [g404, r404] = await Promise.all([grpcError(unary(arms.clients.user, "GetUser", { userId: id })), restOnEvery(arms, "GET", restPath.getUser(id))]);
  assertErrorParity(g404, r404, "NOT_FOUND", "deleted user");
});

test("health service: SERVING for the server and every shop.v1 service", async () => {
  const Health = grpc.makeGenericClientConstructor(healthService, "Health");
  const client = new Health(`127.0.0.1:${arms.grpc.port}`, grpc.credentials.createInsecure()) as unknown as grpc.Client &
    Record<string, (req: object, cb: (err: grpc.ServiceError | null, res: { status: string }) => void) => void>;
  try {
    for (const name of ["", "shop.v1.UserService", "shop.v1.OrderService", "shop.v1.UploadService", "shop.v1.ChatService"]) {
      const res = await new Promise<{ status: string }>((resolve, reject) => client["check"]!({ service: name }, (e, r) => (e ? reject(e) : resolve(r))));
      assert.equal(res.status, "SERVING", name || "(server)");
    }
  } finally {
    client.close();
  }
});
