// Bearer tokens (ServerOptions.token, `serve --token`, `bench --token`): every arm started with a token refuses a
// call without it or with a wrong one (gRPC UNAUTHENTICATED, HTTP 401 with rest's body and WWW-Authenticate) and
// answers the right one normally, unary and streaming; every driver and client sends the run's token, a refused
// call is counted by its code, and the token's wire cost shows in the bytes per call; the stock Python grpcio
// client agrees; serve and bench read --token and GRB_TOKEN and refuse an empty one.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import { service as healthService } from "grpc-health-check";
import WebSocket from "ws";
import { shop } from "../proto/generated/shop.js";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { AUTHORIZATION, bearerCheck, bearerValue, givenToken, INVALID_TOKEN, MISSING_TOKEN, TOKEN_ENV } from "../servers/handlers/bearer-token.js";
import { allArms } from "../servers/registry.js";
import type { RunningServer } from "../servers/server-arm.js";
import { CHAT_PATH, REST_UPLOAD_PATH, restPath, SHOP_ROUTES, type RpcName } from "../servers/shop-routes.js";
import { bearerHeaderArgs } from "../bench/crosscheck/neutral-tools.js";
import { requestHeaderBlocks } from "../bench/drivers/h2/h2-frame-connection.js";
import { HpackDecoder } from "../bench/drivers/h2/hpack-decoder.js";
import { resolveScenario, type DriverName, type ScenarioInput } from "../bench/load/load-scenario.js";
import { callSpec } from "../bench/load/call-spec.js";
import { runLoadScenario } from "../bench/load/run-load.js";
import { MixedGrpcJsTransport, MixedUndiciTransport } from "../bench/multiplex/mixed-call-transports.js";
import { resolveRunOptions, UsageError } from "../bench/run-options.js";
import { runToken, setRunToken } from "../bench/run-token.js";
import { startServerProcess, type ServerProcess } from "../bench/server-process/server-process.js";
import { ExpectedOrdersCache } from "../bench/stream/expected-orders.js";
import { grpcChatClient } from "../bench/stream/grpc-chat.js";
import { grpcStreamOrdersClient } from "../bench/stream/grpc-stream-orders.js";
import { grpcUploadClient } from "../bench/stream/grpc-upload.js";
import type { OrderStreamClient } from "../bench/stream/order-stream-client.js";
import { restNdjsonOrdersClient } from "../bench/stream/rest-ndjson-orders.js";
import { PAGE_SIZE, restPagedOrdersClient } from "../bench/stream/rest-paged-orders.js";
import { restUploadClient } from "../bench/stream/rest-upload.js";
import { uploadPlan } from "../bench/stream/upload-data.js";
import { websocketChatClient } from "../bench/stream/websocket-chat.js";
import type { CallDone, Transport } from "../bench/drivers/transport.js";
import { h2Rest } from "./fixtures/h2-rest-client.js";
import { pythonImports, requireTool, SYSTEM_PYTHON, type ToolRequirement } from "./fixtures/requires-tool.js";
import { armServes, collectStream, grpcClients, grpcError, rawExchange, rest, startArm, unary, withoutDate, type GrpcClient, type RestReply } from "./fixtures/shop-clients.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TOKEN = "grb-test-token-0123456789abcdef";
/** the same length, one character off: refused by the constant-time compare, not by the length check */
const WRONG = "grb-test-token-0123456789abcdeX";
const UNAUTHENTICATED = grpc.status.UNAUTHENTICATED;

const CREDENTIALS = {
  none: {} as Record<string, string>,
  wrong: { [AUTHORIZATION]: bearerValue(WRONG) },
  right: { [AUTHORIZATION]: bearerValue(TOKEN) },
};
type Credential = keyof typeof CREDENTIALS;

function metadataOf(credential: Credential): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(CREDENTIALS[credential])) metadata.set(key, value);
  return metadata;
}

// ---- the check itself -------------------------------------------------------------------------------------

describe("bearerCheck", () => {
  const check = bearerCheck(TOKEN);
  test("lets the right token through: the scheme in any case, one or more spaces after it", () => {
    assert.equal(check(`Bearer ${TOKEN}`), null);
    assert.equal(check(`bearer ${TOKEN}`), null);
    assert.equal(check(`BEARER   ${TOKEN}`), null);
  });
  test("no header, another scheme or an empty token is MISSING; a wrong token of any length is INVALID", () => {
    for (const value of [undefined, "", "Bearer", "Bearer ", `Basic ${TOKEN}`, ["Bearer x"]]) assert.equal(check(value), MISSING_TOKEN, String(value));
    assert.equal(check("Bearer   "), MISSING_TOKEN);
    for (const value of [`Bearer ${WRONG}`, "Bearer x", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`]) assert.equal(check(value), INVALID_TOKEN, value);
    assert.equal(MISSING_TOKEN.error.code, "UNAUTHENTICATED");
    assert.equal(INVALID_TOKEN.error.code, "UNAUTHENTICATED");
    assert.equal(MISSING_TOKEN.challenge, "Bearer");
    assert.equal(INVALID_TOKEN.challenge, 'Bearer error="invalid_token"');
  });
  test("an unusable token is refused when the check is made, not on the first call", () => {
    assert.throws(() => bearerCheck(""), /must not be empty/);
    assert.throws(() => bearerCheck("a b"), /visible ASCII/);
  });
  test("givenToken: --token wins over GRB_TOKEN; either one empty or blank is a problem, not 'no token'", () => {
    assert.deepEqual(givenToken(undefined, {}), { token: null });
    assert.deepEqual(givenToken("a", { [TOKEN_ENV]: "b" }), { token: "a" });
    assert.deepEqual(givenToken(undefined, { [TOKEN_ENV]: "b" }), { token: "b" });
    assert.deepEqual(givenToken("", {}), { problem: "--token must not be empty" });
    assert.deepEqual(givenToken(undefined, { [TOKEN_ENV]: "  " }), { problem: `${TOKEN_ENV} must not be empty` });
    assert.match((givenToken("tab\there", {}) as { problem: string }).problem, /^--token must be visible ASCII/);
  });
});

// ---- every arm, every kind of call ------------------------------------------------------------------------

/** A gRPC call of each kind on the grpc-js fixture clients, resolving with a summary or rejecting with the ServiceError. */
const GRPC_CALLS: Record<"GetUser" | "StreamOrders" | "Upload" | "Chat", (clients: ReturnType<typeof grpcClients>, metadata: grpc.Metadata) => Promise<string>> = {
  GetUser: async (clients, metadata) => (await unary<shop.v1.IUser>(clients.user, "GetUser", { userId: "u-1" }, metadata)).id ?? "",
  StreamOrders: async (clients, metadata) => {
    const stream = (clients.order as GrpcClient).StreamOrders!({ userId: "u-1", limit: 3 }, metadata) as grpc.ClientReadableStream<shop.v1.IOrder>;
    return `${(await collectStream(stream)).length} orders`;
  },
  Upload: (clients, metadata) =>
    new Promise((resolve, reject) => {
      const call = (clients.upload as GrpcClient).Upload!(metadata, (err: grpc.ServiceError | null, res: shop.v1.IUploadResult) => (err ? reject(err) : resolve(`${String(res.size)} bytes`))) as grpc.ClientWritableStream<shop.v1.IUploadChunk>;
      call.write({ data: Buffer.from("hello") });
      call.end();
    }),
  Chat: (clients, metadata) =>
    new Promise((resolve, reject) => {
      const call = (clients.chat as GrpcClient).Chat!(metadata) as grpc.ClientDuplexStream<shop.v1.IChatMessage, shop.v1.IChatMessage>;
      const echoes: string[] = [];
      call.on("data", (m: shop.v1.IChatMessage) => echoes.push(m.text ?? ""));
      call.on("error", reject);
      call.on("end", () => resolve(`echo ${echoes.join(",")}`));
      call.write({ sessionId: "s", sequence: 1, text: "hi" });
      call.end();
    }),
};
const GRPC_EXPECTED: Record<keyof typeof GRPC_CALLS, string> = { GetUser: "u-1", StreamOrders: "3 orders", Upload: "5 bytes", Chat: "echo hi" };

/** One REST call of each kind (Chat: a WebSocket upgrade and one echo), as status + what came back. */
type RestCall = (port: number, headers: Record<string, string>) => Promise<RestReply>;
const REST_CALLS: Partial<Record<RpcName, RestCall>> = {
  GetUser: (port, headers) => rest(port, "GET", restPath.getUser("u-1"), undefined, headers),
  StreamOrders: (port, headers) => rest(port, "GET", restPath.streamOrders("u-1", 3), undefined, headers),
  Upload: (port, headers) => rest(port, "POST", REST_UPLOAD_PATH, Buffer.from("hello"), { ...headers, "content-type": "application/octet-stream" }),
};
const H2_CALLS: Partial<Record<RpcName, RestCall>> = {
  GetUser: (port, headers) => h2Rest(port, "GET", restPath.getUser("u-1"), undefined, headers),
  StreamOrders: (port, headers) => h2Rest(port, "GET", restPath.streamOrders("u-1", 3), undefined, headers),
  Upload: (port, headers) => h2Rest(port, "POST", REST_UPLOAD_PATH, Buffer.from("hello"), { ...headers, "content-type": "application/octet-stream" }),
};

/** The chat upgrade: the HTTP status of a refused upgrade, or the echo of one message. */
function chatOnce(port: number, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: string } | { echo: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${CHAT_PATH}`, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error("chat timed out"));
    }, 10_000);
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body });
      });
    });
    ws.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    ws.on("open", () => ws.send(JSON.stringify({ sessionId: "s", sequence: "1", text: "hi" })));
    ws.on("message", (data) => {
      clearTimeout(timer);
      ws.close();
      resolve({ echo: (JSON.parse(data.toString()) as { text: string }).text });
    });
  });
}

function assertRefused(reply: { status: number; headers: Record<string, string>; body?: string; text?: string }, credential: "none" | "wrong", label: string): void {
  const failure = credential === "none" ? MISSING_TOKEN : INVALID_TOKEN;
  assert.equal(reply.status, 401, `${label}: status`);
  assert.equal(reply.headers["www-authenticate"], failure.challenge, `${label}: WWW-Authenticate`);
  assert.equal(reply.headers["content-type"], "application/json; charset=utf-8", `${label}: Content-Type`);
  assert.deepEqual(JSON.parse(reply.text ?? reply.body ?? ""), { code: "UNAUTHENTICATED", message: failure.error.message }, `${label}: body`);
}

describe("every arm started with a token", () => {
  const servers = new Map<string, RunningServer>();
  before(async () => {
    for (const arm of allArms()) servers.set(arm.id, await startArm(arm.id, { token: TOKEN }));
  });
  after(async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
  });

  for (const arm of allArms()) {
    if (arm.api === "grpc") {
      test(`${arm.id}: every call kind without the token or with a wrong one is UNAUTHENTICATED; with it, the normal reply`, async () => {
        const clients = grpcClients(servers.get(arm.id)!.port);
        try {
          for (const [name, call] of Object.entries(GRPC_CALLS) as [keyof typeof GRPC_CALLS, (typeof GRPC_CALLS)[keyof typeof GRPC_CALLS]][]) {
            if (!armServes(arm.id, name)) continue;
            const none = await grpcError(call(clients, metadataOf("none")));
            assert.equal(none.code, UNAUTHENTICATED, `${name} without a token`);
            assert.equal(none.details, MISSING_TOKEN.error.message, `${name} without a token: details`);
            const wrong = await grpcError(call(clients, metadataOf("wrong")));
            assert.equal(wrong.code, UNAUTHENTICATED, `${name} with a wrong token`);
            assert.equal(wrong.details, INVALID_TOKEN.error.message);
            assert.equal(await call(clients, metadataOf("right")), GRPC_EXPECTED[name], `${name} with the token`);
          }
        } finally {
          clients.close();
        }
      });

      test(`${arm.id}: grpc.health.v1 stays open (a probe carries no credentials)`, async () => {
        const Health = grpc.makeGenericClientConstructor(healthService, "Health");
        const client = new Health(`127.0.0.1:${servers.get(arm.id)!.port}`, grpc.credentials.createInsecure()) as unknown as GrpcClient;
        try {
          const reply = await unary<{ status: string }>(client, "check", { service: "" });
          assert.equal(reply.status, "SERVING");
        } finally {
          client.close();
        }
      });
      continue;
    }

    const calls = arm.transport === "h2c" ? H2_CALLS : REST_CALLS;
    test(`${arm.id}: every call it serves without the token or with a wrong one is 401 with rest's body and WWW-Authenticate; with it, the normal reply`, async () => {
      const port = servers.get(arm.id)!.port;
      for (const [name, call] of Object.entries(calls) as [RpcName, RestCall][]) {
        if (!armServes(arm.id, name)) continue;
        for (const credential of ["none", "wrong"] as const) assertRefused(await call(port, CREDENTIALS[credential]), credential, `${arm.id} ${name} ${credential}`);
        const ok = await call(port, CREDENTIALS.right);
        assert.equal(ok.status, 200, `${arm.id} ${name} with the token: ${ok.text.slice(0, 200)}`);
      }
      if (armServes(arm.id, "Chat")) {
        for (const credential of ["none", "wrong"] as const) {
          const refused = await chatOnce(port, CREDENTIALS[credential]);
          assert.ok("status" in refused, `${arm.id} chat upgrade ${credential} was accepted`);
          assertRefused(refused, credential, `${arm.id} chat upgrade ${credential}`);
        }
        assert.deepEqual(await chatOnce(port, CREDENTIALS.right), { echo: "hi" });
      }
    });
  }

  test("the HTTP/1.1 arms refuse with the same bytes (status line, headers but Date, body), HEAD without a body", async () => {
    const h1 = allArms().filter((arm) => arm.api === "rest" && arm.transport === "http/1.1");
    assert.ok(h1.length >= 5);
    for (const method of ["GET", "HEAD"]) {
      const replies = await Promise.all(
        h1.map(async (arm) => withoutDate(await rawExchange(servers.get(arm.id)!.port, `${method} ${restPath.getUser("u-1")} HTTP/1.1\nHost: x\nAuthorization: Bearer ${WRONG}\nConnection: close\n`))),
      );
      assert.match(replies[0]!, /^HTTP\/1\.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token"\r\nContent-Type: application\/json; charset=utf-8\r\n/);
      if (method === "HEAD") assert.ok(replies[0]!.endsWith("\r\n\r\n"), "HEAD: no body");
      replies.forEach((reply, i) => assert.equal(reply, replies[0], `${h1[i]!.id} vs ${h1[0]!.id}: ${method}`));
    }
  });
});

test("the gateway forwards the client's token to an --upstream that requires it", async () => {
  const upstream = await startArm("grpc", { token: TOKEN });
  const gateway = await startArm("gateway", { upstream: `grpc://127.0.0.1:${upstream.port}` });
  try {
    // The gateway itself has no token: the upstream's check is what refuses, as UNAUTHENTICATED → 401.
    assert.equal((await rest(gateway.port, "GET", restPath.getUser("u-1"))).status, 401);
    assert.equal((await rest(gateway.port, "GET", restPath.getUser("u-1"), undefined, CREDENTIALS.right)).status, 200);
  } finally {
    await gateway.close();
    await upstream.close();
  }
});

// ---- the bench: drivers, clients, wire bytes ----------------------------------------------------------------

// Short windows: what is checked is which calls carried the token and how they were counted, never a figure.
const LOAD = { concurrency: 4, h2Connections: 1, warmupS: 0.05, durationS: 0.25, repetitions: 1, timeoutMs: 5000 };

describe("the bench with --token", () => {
  const servers: Partial<Record<string, ServerProcess>> = {};
  const plain: Partial<Record<string, RunningServer>> = {};
  before(async () => {
    // The run's token reaches the server processes through server-process.ts: no serverOptions here.
    setRunToken(TOKEN);
    for (const arm of ["grpc", "rest", "json-h2"]) servers[arm] = await startServerProcess({ arm });
    // Servers without a token, to measure the same calls without the header.
    for (const arm of ["grpc", "rest"]) plain[arm] = await startArm(arm);
  });
  after(async () => {
    setRunToken(null);
    await Promise.all([...Object.values(servers).map((s) => s?.stop()), ...Object.values(plain).map((s) => s?.close())]);
  });

  const cases: { driver: DriverName; input: ScenarioInput; refused: string }[] = [
    { driver: "h2-frames", input: { arm: "grpc", view: "server", payload: "small", mode: "closed" }, refused: "UNAUTHENTICATED" },
    { driver: "h2-node", input: { arm: "grpc", view: "server", payload: "small", mode: "closed", driver: "h2-node" }, refused: "UNAUTHENTICATED" },
    { driver: "grpc-js", input: { arm: "grpc", view: "end-to-end", payload: "small", mode: "closed" }, refused: "UNAUTHENTICATED" },
    { driver: "autocannon", input: { arm: "rest", view: "server", payload: "small", mode: "closed" }, refused: "401" },
    { driver: "h1-lean", input: { arm: "rest", view: "server", payload: "small", mode: "closed", driver: "h1-lean" }, refused: "401" },
    { driver: "undici", input: { arm: "rest", view: "end-to-end", payload: "small", mode: "closed" }, refused: "401" },
    { driver: "h2-frames", input: { arm: "json-h2", view: "server", payload: "small", mode: "closed" }, refused: "401" },
    { driver: "h2-json", input: { arm: "json-h2", view: "end-to-end", payload: "small", mode: "closed" }, refused: "401" },
  ];

  for (const { driver, input, refused } of cases) {
    test(`${driver} on ${input.arm}: the run's token → no errors; a wrong one → every call counted as ${refused}`, async () => {
      const scenario = resolveScenario(input, LOAD);
      assert.equal(scenario.driver, driver);
      const server = servers[input.arm]!;
      const ok = await runLoadScenario({ scenario, target: server.target, server });
      assert.equal(ok.endReason, "completed", ok.failure);
      assert.deepEqual(ok.errors, { total: 0, byCode: {} });
      assert.ok(ok.requests > 0);
      setRunToken(WRONG);
      try {
        const bad = await runLoadScenario({ scenario, target: server.target, server });
        assert.ok(bad.requests > 0);
        assert.deepEqual(bad.errors, { total: bad.requests, byCode: { [refused]: bad.requests } });
      } finally {
        setRunToken(TOKEN);
      }
    });
  }

  test("wire bytes per call: HTTP/1.1 repeats the header on every request; h2c sends it as a never-indexed literal", async (t) => {
    const header = `${AUTHORIZATION}: ${bearerValue(TOKEN)}\r\n`;
    const perCall = async (arm: "grpc" | "rest", input: ScenarioInput, withToken: boolean) => {
      const scenario = resolveScenario(input, { ...LOAD, concurrency: 1 });
      setRunToken(withToken ? TOKEN : null);
      try {
        const target = withToken ? servers[arm]!.target : arm === "grpc" ? `127.0.0.1:${plain[arm]!.port}` : `http://127.0.0.1:${plain[arm]!.port}`;
        const result = await runLoadScenario({ scenario, target, server: null });
        assert.deepEqual(result.errors, { total: 0, byCode: {} });
        assert.ok(result.wireBytesPerCall !== null && result.wireBytesPerCall.request > 0, `${arm} ${withToken ? "with" : "without"} the token: measured`);
        return result.wireBytesPerCall.request;
      } finally {
        setRunToken(TOKEN);
      }
    };
    const h1 = { arm: "rest", view: "server", payload: "small", mode: "closed", driver: "h1-lean" } as const;
    const h2 = { arm: "grpc", view: "server", payload: "small", mode: "closed" } as const;
    const [h1Without, h1With] = [await perCall("rest", h1, false), await perCall("rest", h1, true)];
    const [h2Without, h2With] = [await perCall("grpc", h2, false), await perCall("grpc", h2, true)];
    t.diagnostic(`request bytes per call: HTTP/1.1 ${h1Without.toFixed(1)} → ${h1With.toFixed(1)}, h2c ${h2Without.toFixed(1)} → ${h2With.toFixed(1)}`);
    assert.ok(h1With - h1Without >= header.length, `HTTP/1.1 grew by ${h1With - h1Without} bytes, the header is ${header.length}`);
  });

  test("h2-frames' header block carries the token as a never-indexed literal, Huffman-coded, in every request", () => {
    const headers: [string, string][] = [[":method", "POST"], [":path", "/x"], ["content-type", "application/grpc"], [AUTHORIZATION, bearerValue(TOKEN)]];
    const { first, steady } = requestHeaderBlocks(headers);
    const server = new HpackDecoder();
    for (const block of [first, steady, steady]) {
      const seen: [string, string][] = [];
      server.decode(block, (n, v) => seen.push([n, v]));
      assert.deepEqual(seen, headers);
    }
    // 0x1f 0x08: never indexed (0001), static name index 23 (authorization); then the H bit on the value's length.
    const at = steady.indexOf(Buffer.from([0x1f, 0x08]));
    assert.ok(at >= 0, "authorization is a never-indexed literal in the steady block");
    assert.ok((steady[at + 2]! & 0x80) !== 0, "its value is Huffman-coded");
    assert.ok(steady[at + 2]! - 0x80 < bearerValue(TOKEN).length);
  });

  test("the head-of-line transports send the run's token on slow and fast calls, and a wrong one is counted", async () => {
    const spec = callSpec("small");
    const oneCall = (transport: Transport) =>
      new Promise<(string | null)[]>((resolve, reject) => {
        const codes: (string | null)[] = [];
        transport.open().then(() => {
          const done: CallDone = (code) => {
            codes.push(code);
            if (codes.length === 2) resolve(codes);
          };
          transport.send(0, done);
          transport.send(0, done);
        }, reject);
      });
    const mix = { connections: 1, spec, timeoutMs: 5000, slowEvery: 2, slowDelayMs: 0 };
    for (const [make, refused] of [
      [(token?: string) => new MixedGrpcJsTransport({ ...mix, target: servers.grpc!.target, ...(token !== undefined ? { token } : {}) }), "UNAUTHENTICATED"],
      [(token?: string) => new MixedUndiciTransport({ ...mix, target: servers.rest!.target, ...(token !== undefined ? { token } : {}) }), "401"],
    ] as const) {
      const right = make();
      const wrong = make(WRONG);
      try {
        assert.deepEqual(await oneCall(right), [null, null]);
        assert.deepEqual(await oneCall(wrong), [refused, refused]);
      } finally {
        await right.close();
        await wrong.close();
      }
    }
  });

  test("the stream family's clients send the run's token (server stream, upload, chat), and fail without it", async () => {
    assert.equal(runToken(), TOKEN);
    const grpcTarget = servers.grpc!.target;
    const restTarget = servers.rest!.target;
    const expected = new ExpectedOrdersCache(DEFAULT_SEED, 20_000, PAGE_SIZE);
    const signal = AbortSignal.timeout(20_000);
    const fetchOrders = async (client: OrderStreamClient) => {
      try {
        const pages = client.plan("u-1", 20);
        return await client.fetch(pages, pages.map((p) => expected.get(p.userId, p.count)), signal);
      } finally {
        await client.close();
      }
    };
    for (const make of [(t?: string | null) => grpcStreamOrdersClient(grpcTarget, t), (t?: string | null) => restNdjsonOrdersClient(restTarget, t), (t?: string | null) => restPagedOrdersClient(restTarget, PAGE_SIZE, t)]) {
      const ok = await fetchOrders(make());
      assert.equal(ok.failure, undefined, ok.failure);
      const refused = await fetchOrders(make(null));
      assert.match(refused.failure ?? "", /UNAUTHENTICATED|HTTP 401/);
    }
    const plan = uploadPlan(10_000, 1000);
    for (const make of [(t?: string | null) => grpcUploadClient(grpcTarget, t), (t?: string | null) => restUploadClient(restTarget, t)]) {
      for (const [token, verified] of [[undefined, true], [null, false]] as const) {
        const client = make(token);
        try {
          const outcome = await client.upload(plan);
          assert.equal(outcome.verified, verified, outcome.failure);
          if (!verified) assert.match(outcome.failure ?? "", /UNAUTHENTICATED|HTTP 401/);
        } finally {
          await client.close();
        }
      }
    }
    for (const make of [(t?: string | null) => grpcChatClient(grpcTarget, t), (t?: string | null) => websocketChatClient(restTarget, t)]) {
      const client = make();
      try {
        await client.open();
        const outcome = await client.converse(3, 1, "hi");
        assert.equal(outcome.verified, true, outcome.failure);
      } finally {
        await client.close();
      }
      const refused = make(null);
      try {
        // gRPC opens the stream and fails on the first message; the WebSocket upgrade itself is refused.
        const outcome = await refused.open().then(
          () => refused.converse(1, 1, "hi"),
          (err: Error) => ({ verified: false, failure: err.message }),
        );
        assert.equal(outcome.verified, false);
        assert.match(outcome.failure ?? "", /UNAUTHENTICATED|401/);
      } finally {
        await refused.close();
      }
    }
  });
});

test("wrk and h2load get the token as a header argument", () => {
  assert.deepEqual(bearerHeaderArgs("-H", TOKEN), ["-H", `authorization: Bearer ${TOKEN}`]);
  assert.deepEqual(bearerHeaderArgs("--header", null), []);
});

// ---- the stock Python grpcio client ------------------------------------------------------------------------

const PYTHON_GRPC: ToolRequirement = { tool: "python3 grpc", packages: "python3-grpcio", probe: pythonImports("grpc") };
const AUTH_CLIENT = join(dirname(fileURLToPath(import.meta.url)), "interop", "python_auth_client.py");

interface PythonLine {
  name: string;
  auth: "none" | "wrong" | "right";
  code: string;
  details: string;
  responses: string[];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const PYTHON_CALLS = [
  { name: "GetUser", kind: "unary", path: SHOP_ROUTES.GetUser.grpcPath, requests: [hex(shop.v1.GetUserRequest.encode({ userId: "u-1" }).finish())] },
  { name: "StreamOrders", kind: "server-stream", path: SHOP_ROUTES.StreamOrders.grpcPath, requests: [hex(shop.v1.StreamOrdersRequest.encode({ userId: "u-1", limit: 3 }).finish())] },
  { name: "Upload", kind: "client-stream", path: SHOP_ROUTES.Upload.grpcPath, requests: [hex(shop.v1.UploadChunk.encode({ data: Buffer.from("hel") }).finish()), hex(shop.v1.UploadChunk.encode({ data: Buffer.from("lo") }).finish())] },
  { name: "Chat", kind: "bidi", path: SHOP_ROUTES.Chat.grpcPath, requests: [hex(shop.v1.ChatMessage.encode({ sessionId: "s", sequence: 1, text: "hi" }).finish())] },
];

/** python_auth_client.py against 127.0.0.1:port (over TLS trusting rootCert alone when given), every line checked. */
async function checkPythonAuth(port: number, rootCert?: string): Promise<void> {
  const args = [AUTH_CLIENT, "--target", `127.0.0.1:${port}`, "--token", TOKEN, "--calls", JSON.stringify(PYTHON_CALLS), ...(rootCert !== undefined ? ["--root-cert", rootCert] : [])];
  const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    execFile(SYSTEM_PYTHON, args, { timeout: 90_000, encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    ),
  );
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout.trim().split("\n").map((line) => JSON.parse(line) as PythonLine);
  assert.equal(lines.length, PYTHON_CALLS.length * 3);
  for (const line of lines) {
    const label = `${line.name} ${line.auth}`;
    if (line.auth !== "right") {
      assert.equal(line.code, "UNAUTHENTICATED", label);
      assert.equal(line.details, (line.auth === "none" ? MISSING_TOKEN : INVALID_TOKEN).error.message, label);
      continue;
    }
    assert.equal(line.code, "OK", `${label}: ${line.details}`);
    const replies = line.responses.map((h) => Buffer.from(h, "hex"));
    if (line.name === "GetUser") assert.equal(shop.v1.User.decode(replies[0]!).id, "u-1");
    if (line.name === "StreamOrders") assert.equal(replies.length, 3);
    if (line.name === "Upload") assert.equal(Number(shop.v1.UploadResult.decode(replies[0]!).size), 5);
    if (line.name === "Chat") assert.equal(shop.v1.ChatMessage.decode(replies[0]!).text, "hi");
  }
}

for (const armId of ["grpc", "grpc-raw"]) {
  test(`a stock grpcio client gets UNAUTHENTICATED from ${armId} without the token or with a wrong one, and the replies with it`, { timeout: 120_000 }, async (t) => {
    if (requireTool(t, PYTHON_GRPC)) return;
    const server = await startArm(armId, { token: TOKEN });
    t.after(() => server.close());
    await checkPythonAuth(server.port);
  });

  test(`the same over TLS: \`serve --server ${armId} --tls --token\`, grpcio trusting the cert.pem it wrote`, { timeout: 120_000 }, async (t) => {
    if (requireTool(t, PYTHON_GRPC)) return;
    const tlsDir = mkdtempSync(join(tmpdir(), "bench-auth-tls-"));
    const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", "--server", armId, "--tls", "--tls-dir", tlsDir, "--token", TOKEN], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: envWithout(TOKEN_ENV) });
    t.after(() => {
      child.kill("SIGKILL");
      rmSync(tlsDir, { recursive: true, force: true });
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        const match = new RegExp(`^listening ${armId} 127\\.0\\.0\\.1:(\\d+)\\n$`).exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      child.once("exit", (code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
    });
    assert.match(stderr, new RegExp(`certificate: ${tlsDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/cert\\.pem`));
    await checkPythonAuth(port, join(tlsDir, "cert.pem"));
  });
}

// ---- the command lines -------------------------------------------------------------------------------------

function envWithout(name: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[name];
  return env;
}

test("serve --server rest --token T requires it; GRB_TOKEN does the same; an empty or blank token exits 2 with one line", { timeout: 60_000 }, async () => {
  for (const [args, env] of [[["--server", "rest", "--token", TOKEN], envWithout(TOKEN_ENV)], [["--server", "rest"], { ...envWithout(TOKEN_ENV), [TOKEN_ENV]: TOKEN }]] as const) {
    const child = spawn(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const ended = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", () => {
        const match = /^listening rest 127\.0\.0\.1:(\d+)\n$/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      void ended.then(() => reject(new Error("serve exited before listening")));
    });
    try {
      assert.equal((await rest(port, "GET", restPath.getUser("u-1"))).status, 401);
      assert.equal((await rest(port, "GET", restPath.getUser("u-1"), undefined, CREDENTIALS.right)).status, 200);
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await ended, 0);
  }
  for (const [args, env, message] of [
    [["--server", "rest", "--token", ""], envWithout(TOKEN_ENV), "serve: --token must not be empty (--help for usage)\n"],
    [["--server", "rest", "--token", "   "], envWithout(TOKEN_ENV), "serve: --token must not be empty (--help for usage)\n"],
    [["--server", "rest"], { ...envWithout(TOKEN_ENV), [TOKEN_ENV]: "" }, `serve: ${TOKEN_ENV} must not be empty (--help for usage)\n`],
  ] as const) {
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ["--import", "tsx", "servers/serve.ts", ...args], { cwd: ROOT, env, timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
      ),
    );
    assert.equal(result.code, 2, args.join(" "));
    assert.equal(result.stdout, "");
    assert.equal(result.stderr, message);
  }
});

test("bench --token: resolved into the options only when given, from GRB_TOKEN too; an empty one is a UsageError", () => {
  assert.equal("token" in resolveRunOptions([], {}), false);
  assert.equal(resolveRunOptions(["--token", TOKEN], {}).token, TOKEN);
  assert.equal(resolveRunOptions([], { [TOKEN_ENV]: TOKEN }).token, TOKEN);
  assert.equal(resolveRunOptions(["--token", TOKEN], { [TOKEN_ENV]: WRONG }).token, TOKEN);
  assert.throws(() => resolveRunOptions(["--token", ""], {}), (err) => err instanceof UsageError && err.message === "--token must not be empty");
  assert.throws(() => resolveRunOptions(["--token", " "], {}), UsageError);
  assert.throws(() => resolveRunOptions([], { [TOKEN_ENV]: "" }), UsageError);
});
