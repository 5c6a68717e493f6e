// Every stream family configuration, at small N against the real server arms (in-process, port 0): each one
// receives what generateOrder says it should, and says so (verified). No timing assertions.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEFAULT_SEED } from "../payloads/generator.js";
import { findArm } from "../servers/registry.js";
import type { RunningServer } from "../servers/server-arm.js";
import { runChatCase } from "../bench/stream/chat-case.js";
import { ExpectedOrdersCache } from "../bench/stream/expected-orders.js";
import { grpcChatClient } from "../bench/stream/grpc-chat.js";
import { grpcStreamOrdersClient } from "../bench/stream/grpc-stream-orders.js";
import { grpcUploadClient } from "../bench/stream/grpc-upload.js";
import { FreshUsers, type OrderStreamClient } from "../bench/stream/order-stream-client.js";
import { LIST_ORDERS_MAX_LIMIT, restJsonArrayOrdersClient } from "../bench/stream/rest-json-array-orders.js";
import { restNdjsonOrdersClient } from "../bench/stream/rest-ndjson-orders.js";
import { PAGE_SIZE, restPagedOrdersClient } from "../bench/stream/rest-paged-orders.js";
import { restUploadClient } from "../bench/stream/rest-upload.js";
import { runServerStreamCase } from "../bench/stream/server-stream-case.js";
import type { StreamCaseContext } from "../bench/stream/stream-case-context.js";
import { runUploadCase } from "../bench/stream/upload-case.js";
import { websocketChatClient } from "../bench/stream/websocket-chat.js";
import { SocketBytesMeter } from "../bench/wire/socket-bytes-meter.js";

const SEED = DEFAULT_SEED;
let grpcServer: RunningServer;
let restServer: RunningServer;
let grpcTarget: string;
let restOrigin: string;
const meter = new SocketBytesMeter();
const ctx = (): StreamCaseContext => ({ arm: "test-arm", server: null, meter, signal: AbortSignal.timeout(30_000), repetitionTimeoutMs: 20_000 });

before(async () => {
  grpcServer = await findArm("grpc")!.start({ host: "127.0.0.1", port: 0, seed: SEED });
  restServer = await findArm("rest")!.start({ host: "127.0.0.1", port: 0, seed: SEED });
  grpcTarget = `127.0.0.1:${grpcServer.port}`;
  restOrigin = `http://127.0.0.1:${restServer.port}`;
});

after(async () => {
  meter.dispose();
  await Promise.all([grpcServer?.close(), restServer?.close()]);
});

describe("server streaming: every configuration receives verified orders", () => {
  const expected = new ExpectedOrdersCache(SEED, LIST_ORDERS_MAX_LIMIT, PAGE_SIZE);
  const users = new FreshUsers(2, 1000);
  const configurations: [string, () => OrderStreamClient][] = [
    ["grpc-StreamOrders", () => grpcStreamOrdersClient(grpcTarget)],
    ["rest-ndjson", () => restNdjsonOrdersClient(restOrigin)],
    ["rest-json-array", () => restJsonArrayOrdersClient(restOrigin, users)],
    ["rest-pagination", () => restPagedOrdersClient(restOrigin)],
  ];
  for (const [name, make] of configurations) {
    it(`${name}: 10 and 250 orders, count and checksum verified`, async () => {
      const client = make();
      try {
        for (const items of [10, 250]) {
          const entry = await runServerStreamCase({ client, userId: "u-1", items, repetitions: 2, warmupItems: 5 }, ctx(), expected);
          assert.equal(entry.configuration, name);
          assert.equal(entry.endReason, "completed", entry.failure);
          assert.equal(entry.verified, true, entry.failure);
          assert.equal(entry.items, items);
          assert.equal(entry.inFlight, 1);
          assert.equal(entry.repetitions, 2);
          assert.ok(entry.wireBytes && entry.wireBytes.response > 0, "bytes counted at the socket");
          assert.equal(entry.requestsPerFetch, name === "rest-pagination" ? Math.ceil(items / 100) : 1);
        }
      } finally {
        await client.close();
      }
    });
  }

  it("rest-pagination: real cursor pages of the stream's user; a listing of 2 full pages takes 2 requests", async () => {
    const client = restPagedOrdersClient(restOrigin);
    try {
      assert.deepEqual(client.plan("u-1", 200), [{ userId: "u-1", count: 200 }], "the same user as the stream, not a fresh one");
      const entry = await runServerStreamCase({ client, userId: "u-1", items: 200, repetitions: 1, warmupItems: 5 }, ctx(), expected);
      assert.equal(entry.verified, true, entry.failure);
      assert.equal(entry.requestsPerFetch, 2, "no empty trailing page");
      assert.doesNotMatch(entry.note ?? "", /emulat/);
      assert.match(entry.note ?? "", /page_token/);
    } finally {
      await client.close();
    }
  });

  it("rest-pagination serves more orders than one ListOrders reply may hold (20 001 in pages of 1000)", async () => {
    const client = restPagedOrdersClient(restOrigin, 1000);
    try {
      const entry = await runServerStreamCase(
        { client, userId: "u-1", items: LIST_ORDERS_MAX_LIMIT + 1, repetitions: 1, warmupItems: 5 },
        ctx(),
        new ExpectedOrdersCache(SEED, LIST_ORDERS_MAX_LIMIT, 1000),
      );
      assert.equal(entry.endReason, "completed", entry.failure);
      assert.equal(entry.verified, true, entry.failure);
      assert.equal(entry.requestsPerFetch, 21);
    } finally {
      await client.close();
    }
  });

  it("a one-shot array above the ListOrders cap is not applicable, never faked", async () => {
    const client = restJsonArrayOrdersClient(restOrigin, users);
    try {
      const entry = await runServerStreamCase({ client, userId: "u-1", items: LIST_ORDERS_MAX_LIMIT + 1, repetitions: 1, warmupItems: 5 }, ctx(), expected);
      assert.equal(entry.endReason, "not-applicable");
      assert.equal(entry.verified, false);
      assert.equal(entry.timeToLastItemMs, null);
      assert.match(entry.note ?? "", /20000/);
    } finally {
      await client.close();
    }
  });
});

describe("client streaming: uploads are verified by the server's size and SHA-256", () => {
  for (const [name, make] of [
    ["grpc-Upload", () => grpcUploadClient(grpcTarget)],
    ["rest-upload", () => restUploadClient(restOrigin)],
  ] as const) {
    it(`${name}: 300 KiB in 64 KiB chunks`, async () => {
      const client = make();
      try {
        const entry = await runUploadCase({ client, bytes: 300 * 1024, chunkBytes: 64 * 1024, repetitions: 2 }, ctx());
        assert.equal(entry.endReason, "completed", entry.failure);
        assert.equal(entry.verified, true, entry.failure);
        assert.equal(entry.items, 300 * 1024);
        assert.ok(entry.wireBytes && entry.wireBytes.request >= 300 * 1024);
      } finally {
        await client.close();
      }
    });
  }
});

describe("bidirectional: every echo is checked", () => {
  for (const [name, make] of [
    ["grpc-Chat", () => grpcChatClient(grpcTarget)],
    ["rest-websocket", () => websocketChatClient(restOrigin)],
  ] as const) {
    it(`${name}: 30 sequential round trips`, async () => {
      const client = make();
      try {
        const entry = await runChatCase({ client, messages: 30, warmupMessages: 5, text: "héllo ☕", note: "test" }, ctx());
        assert.equal(entry.endReason, "completed", entry.failure);
        assert.equal(entry.verified, true, entry.failure);
        assert.equal(entry.items, 30);
        assert.ok(entry.roundTripMs && entry.roundTripMs.p99 >= entry.roundTripMs.p50);
      } finally {
        await client.close();
      }
    });
  }
});
