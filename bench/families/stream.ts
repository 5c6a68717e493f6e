// The stream family: what native streaming buys. Server streaming (gRPC StreamOrders vs REST NDJSON vs a
// one-shot JSON array vs pagination) for N orders; client streaming (Upload of 1 MiB and 64 MiB); and
// bidirectional (Chat vs a WebSocket echo). Every case verifies count and checksum (bench/stream/README.md).
import { familyArms } from "../family-arms.js";
import type { Family, FamilyContext } from "../family.js";
import type { Arm } from "../model/arm.js";
import { startFamilyServers, type FamilyServer, type FamilyServers } from "../family-servers.js";
import type { StreamResult } from "../model/stream-result.js";
import { runChatCase } from "../stream/chat-case.js";
import { ExpectedOrdersCache } from "../stream/expected-orders.js";
import { grpcChatClient } from "../stream/grpc-chat.js";
import { grpcStreamOrdersClient } from "../stream/grpc-stream-orders.js";
import { grpcUploadClient } from "../stream/grpc-upload.js";
import { websocketChatClient } from "../stream/websocket-chat.js";
import { FreshUsers, type OrderStreamClient } from "../stream/order-stream-client.js";
import { LIST_ORDERS_MAX_LIMIT, restJsonArrayOrdersClient } from "../stream/rest-json-array-orders.js";
import { restNdjsonOrdersClient } from "../stream/rest-ndjson-orders.js";
import { PAGE_SIZE, restPagedOrdersClient } from "../stream/rest-paged-orders.js";
import { restUploadClient } from "../stream/rest-upload.js";
import { ServerExitWatch } from "../server-process/server-exit-watch.js";
import { runServerStreamCase } from "../stream/server-stream-case.js";
import type { StreamCaseContext } from "../stream/stream-case-context.js";
import { CHAT_TEXT, STREAM_PLANS, STREAM_TLS_NOTE, WEBSOCKET_RATIONALE, type StreamPlan } from "../stream/stream-plan.js";
import { runUploadCase } from "../stream/upload-case.js";
import { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { targetEndpoint } from "../drivers/target-address.js";

/** The user every stream and the paged listing read; one-shot fetches take fresh users (u-2 … u-1000) instead. */
const STREAM_USER = "u-1";

function describeEntry(e: StreamResult): string {
  const figures =
    e.endReason === "not-applicable"
      ? "not applicable"
      : `${e.verified ? "verified" : "NOT VERIFIED"}, last item ${e.timeToLastItemMs ?? "–"} ms` +
        (e.roundTripMs ? `, rtt p50 ${e.roundTripMs.p50} ms p99 ${e.roundTripMs.p99} ms` : "") +
        `, rss client ${e.clientPeakRssMb ?? "–"} MB server ${e.serverPeakRssMb ?? "–"} MB`;
  return `stream ${e.arm} ${e.kind} ${e.configuration} ${e.items}: ${figures}`;
}

/**
 * The arms the family has clients for: gRPC over HTTP/2, and REST JSON over HTTP/1.1 (NDJSON, one-shot JSON, pages,
 * streamed POST, WebSocket); cleartext or TLS, as each arm's target says (grpcs://, https://).
 */
function streamFits(arm: Arm): boolean {
  return (arm.api === "grpc" && arm.transport === "h2c") || (arm.api === "rest" && arm.wire === "json" && arm.transport === "http/1.1");
}

export interface StreamFamilyOptions {
  /** replaces parts of the profile's plan (tests run a short one) */
  plan?: Partial<StreamPlan>;
}

async function runFamily(ctx: FamilyContext, options: StreamFamilyOptions): Promise<void> {
  const plan: StreamPlan = { ...STREAM_PLANS[ctx.profile], ...options.plan };
  const fuller = STREAM_PLANS.full.orderCounts.filter((n) => !plan.orderCounts.includes(n));
  const fullerUploads = STREAM_PLANS.full.uploadBytes.filter((n) => !plan.uploadBytes.includes(n)).map((n) => `${n / (1024 * 1024)} MiB`);
  if (ctx.profile === "quick" && fuller.length + fullerUploads.length > 0) {
    ctx.leftOut(`quick profile: streams of ${plan.orderCounts.join(", ")} orders, uploads of ${plan.uploadBytes.map((n) => `${n / (1024 * 1024)} MiB`).join(", ")}; --profile full adds ${[...fuller.map((n) => `${n} orders`), ...fullerUploads].join(", ")}`);
  }
  const arms = familyArms(ctx, { family: "stream family", fits: streamFits, lacking: "stream clients", calls: ["StreamOrders", "Upload", "Chat"] });
  if (arms.length === 0) return;
  // A server that dies is reported against the case it was serving (report.serverExits), never silently.
  const exits = new ServerExitWatch((exit) => ctx.serverExit(exit));
  const servers: FamilyServers = await startFamilyServers({
    arms,
    exits,
    // REST reads uploads as a stream without a total limit and gRPC limits each message; raise the limit
    // anyway so no arm can refuse the largest upload for a reason another does not share.
    serverOptions: { maxRequestBytes: Math.max(...plan.uploadBytes) + 1024 * 1024 },
  });
  const meter = new SocketBytesMeter();
  // Over TLS every client opens its connection through bench/run-tls.ts (the meter sees the TCP socket), and the
  // handshake happens at the unmeasured warm-up or open, so an entry says what its bytes include.
  const overTls = new Set(servers.list.filter((s) => targetEndpoint(s.target).tls).map((s) => s.arm.id));
  const record = (entry: StreamResult) => {
    if (overTls.has(entry.arm)) entry.note = [entry.note, STREAM_TLS_NOTE].filter(Boolean).join("; ");
    ctx.record("stream", entry);
    ctx.progress(describeEntry(entry));
  };
  try {
    if (!servers.pinned) ctx.caveat(`stream family: ${servers.pinningNote}`);
    const caseCtx = (server: FamilyServer): StreamCaseContext => ({
      arm: server.arm.id,
      server: server.process,
      meter,
      signal: ctx.signal,
      repetitionTimeoutMs: plan.repetitionTimeoutMs,
    });
    const isGrpc = (server: FamilyServer) => server.arm.api === "grpc";

    // ---- server streaming --------------------------------------------------------------------------------
    const expected = new ExpectedOrdersCache(servers.seed, LIST_ORDERS_MAX_LIMIT, PAGE_SIZE);
    expected.prefetch(STREAM_USER, [plan.warmupOrders, ...plan.orderCounts]);
    const freshUsers = new FreshUsers(2, 1000);
    const clients: { client: OrderStreamClient; server: FamilyServer }[] = servers.list.flatMap((server) =>
      isGrpc(server)
        ? [{ client: grpcStreamOrdersClient(server.target), server }]
        : [
            { client: restNdjsonOrdersClient(server.target), server },
            { client: restJsonArrayOrdersClient(server.target, freshUsers), server },
            { client: restPagedOrdersClient(server.target), server },
          ],
    );
    try {
      for (const items of plan.orderCounts) {
        for (const { client, server } of clients) {
          if (ctx.signal.aborted) return;
          const entry = await exits.measuring(server.process, { scenario: `${server.arm.id} server-stream ${client.configuration} ${items} orders`, repetition: null }, () =>
            runServerStreamCase(
              { client, userId: STREAM_USER, items, repetitions: plan.orderRepetitions(items), warmupItems: plan.warmupOrders },
              caseCtx(server),
              expected,
            ),
          );
          record(entry);
        }
      }
    } finally {
      await Promise.all(clients.map(({ client }) => client.close().catch(() => {})));
    }

    // ---- client streaming --------------------------------------------------------------------------------
    for (const bytes of plan.uploadBytes) {
      for (const server of servers.list) {
        if (ctx.signal.aborted) return;
        const client = isGrpc(server) ? grpcUploadClient(server.target) : restUploadClient(server.target);
        try {
          const scenario = { scenario: `${server.arm.id} client-stream ${client.configuration} ${bytes} bytes`, repetition: null };
          record(await exits.measuring(server.process, scenario, () => runUploadCase({ client, bytes, chunkBytes: plan.uploadChunkBytes, repetitions: plan.uploadRepetitions(bytes) }, caseCtx(server))));
        } finally {
          await client.close().catch(() => {});
        }
      }
    }

    // ---- bidirectional -----------------------------------------------------------------------------------
    for (const server of servers.list) {
      if (ctx.signal.aborted) return;
      const [client, note] = isGrpc(server)
        ? [grpcChatClient(server.target), "one grpc-js bidi stream; sequential round trips"]
        : [websocketChatClient(server.target), WEBSOCKET_RATIONALE];
      try {
        const scenario = { scenario: `${server.arm.id} bidi ${client.configuration} ${plan.chatMessages} messages`, repetition: null };
        record(await exits.measuring(server.process, scenario, () => runChatCase({ client, messages: plan.chatMessages, warmupMessages: plan.chatWarmupMessages, text: CHAT_TEXT, note }, caseCtx(server))));
      } finally {
        await client.close().catch(() => {});
      }
    }
  } finally {
    meter.dispose();
    await servers.stop();
  }
}

export function createStreamFamily(options: StreamFamilyOptions = {}): Family {
  return {
    name: "stream",
    describe: "server/client/bidi streaming: gRPC streams vs NDJSON, one-shot JSON, pagination, streamed POST, WebSocket; every case verified",
    run: (ctx) => runFamily(ctx, options),
  };
}

export const family: Family = createStreamFamily();
