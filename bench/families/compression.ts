// The compression family: compression as the servers and clients really do it, per direction, verified on
// the wire before anything is measured. Response direction: REST (express + compression, Accept-Encoding
// identity/gzip/deflate/br) under the load engine; gRPC (grpc-js server with compression on, client accepting
// gzip/deflate) checked frame by frame, plus a labelled per-message zlib estimate since grpc-js never
// compresses responses. Request direction: UpdateUser with the small user as body, REST Content-Encoding
// gzip/deflate/br and grpc-js grpc-encoding gzip/deflate, sequential calls. Every entry carries the bytes of a
// first and a steady-state call (HPACK makes later gRPC headers smaller).
//
// Over TLS (grpcs://, https://: --tls servers or TLS targets) compression is verified from the plaintext inside TLS,
// never assumed: the REST probe reads the response as the server sent it through its TLS connection, and the gRPC
// probe's loopback relay carries the frames to the server over TLS while keeping a plaintext copy. Each entry says so
// (path, wirePerCall.note); its per-call bytes are the HTTP bytes inside TLS, the load engine's the TCP bytes.
import { familyArms } from "../family-arms.js";
import type { Family, FamilyContext } from "../family.js";
import { remoteMetricsCaveat } from "../server-metrics/remote-caveat.js";
import { isRemoteServer } from "../server-metrics/remote-server.js";
import { startFamilyServers, type FamilyServer } from "../family-servers.js";
import type { Arm } from "../model/arm.js";
import type { CompressionResult } from "../model/compression-result.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { responseCall, updateUserCall } from "../compression/compression-calls.js";
import {
  compareWithIdentity,
  grpcRequestCase,
  grpcResponseCase,
  grpcResponseEstimate,
  restRequestCase,
  restResponseCase,
  type CaseContext,
  type RestCodec,
} from "../compression/compression-cases.js";
import { COMPRESSION_PLANS, type CompressionPlan } from "../compression/compression-plan.js";
import { ServerExitWatch } from "../server-process/server-exit-watch.js";
import type { GrpcCodec } from "../compression/grpc-wire-probe.js";
import { measuredMessages } from "./measured-messages.js";
import { encodeBoth } from "./size.js";

const REST_CODECS: readonly RestCodec[] = ["identity", "gzip", "deflate", "br"];
const GRPC_CODECS: readonly GrpcCodec[] = ["identity", "gzip", "deflate"];

function describe(e: CompressionResult): string {
  const cost = e.serverCpuUsPerCall !== null ? `, server ${e.serverCpuUsPerCall} µs/call` : "";
  const latency = e.latencyMs ? `, p50 ${e.latencyMs.p50} ms` : "";
  const added = e.vsIdentity?.serverCpuUsAdded != null ? ` (${e.vsIdentity.serverCpuUsAdded >= 0 ? "+" : ""}${e.vsIdentity.serverCpuUsAdded} µs vs identity)` : "";
  return (
    `compression ${e.arm} ${e.call} ${e.payload} ${e.direction}: requested ${e.requested}, applied ${e.applied}, ` +
    `${e.wireBytes} of ${e.uncompressedBytes} B (${e.bytesSavedPct}% saved)${cost}${added}${latency}`
  );
}

export interface CompressionFamilyOptions {
  plan?: Partial<CompressionPlan>;
  seed?: number;
}

export function createCompressionFamily(options: CompressionFamilyOptions = {}): Family {
  return {
    name: "compression",
    describe: "compression as really done, per direction and verified on the wire: REST express+compression and Content-Encoding bodies, grpc-js grpc-encoding",
    async run(ctx: FamilyContext) {
      const plan: CompressionPlan = { ...COMPRESSION_PLANS[ctx.profile], ...options.plan };
      const restCodecs = REST_CODECS.filter((c) => plan.deflate || c !== "deflate");
      const grpcCodecs = GRPC_CODECS.filter((c) => plan.deflate || c !== "deflate");
      const fuller = COMPRESSION_PLANS.full.responseClasses.filter((c) => !plan.responseClasses.includes(c));
      if (ctx.profile === "quick" && (fuller.length > 0 || !plan.deflate)) {
        ctx.leftOut(
          `quick profile: response classes ${plan.responseClasses.join(", ")}, ${plan.deflate ? "" : "no deflate (gzip's zlib stream without its header), "}one repetition; --profile full adds ${[...fuller, ...(plan.deflate ? [] : ["deflate"])].join(", ")} and ${COMPRESSION_PLANS.full.repetitions} repetitions`,
        );
      }
      const seed = options.seed ?? DEFAULT_SEED;
      const arms = familyArms(ctx, { family: "compression family", fits: compressionFits, lacking: "compression cases", calls: ["GetUser", "ListOrders", "UpdateUser"] });
      if (arms.length === 0) return;
      // A server that dies is reported against the case it was serving (report.serverExits), never silently.
      const exits = new ServerExitWatch((exit) => ctx.serverExit(exit));
      const servers = await startFamilyServers({ arms, serverOptions: { compression: true }, exits });
      /** `work` is the case `what` on `server`: what a server that dies during it is reported against */
      const on = <T>(server: FamilyServer, what: string, work: () => Promise<T>): Promise<T> =>
        exits.measuring(server.process, { scenario: `${server.arm.id} ${what}`, repetition: null }, work);
      // Entries whose compression was not applied carry a note; the report's caveats list them (bench/analysis).
      const record = (entry: CompressionResult) => {
        ctx.record("compression", entry);
        ctx.progress(describe(entry));
      };
      const casesOf = (server: FamilyServer): CaseContext => ({ plan, signal: ctx.signal, arm: { id: server.arm.id, framework: server.arm.framework } });
      const rest = servers.list.filter((s) => s.arm.api === "rest");
      const grpc = servers.list.filter((s) => s.arm.api === "grpc");
      try {
        if (!servers.pinned) ctx.caveat(`compression family: ${servers.pinningNote}`);
        const remote = servers.list.filter((s) => s.arm.target !== null);
        if (remote.length > 0) {
          ctx.caveat(`compression family: remote targets (${remote.map((s) => s.arm.id).join(", ")}) must run with compression on (serve --compression)`);
          const metrics = remoteMetricsCaveat("compression family", remote.map((s) => s.process).filter(isRemoteServer));
          if (metrics !== null) ctx.caveat(metrics);
        }
        const responses = new Map(measuredMessages(seed, { classes: plan.responseClasses, roles: ["response"] }).map((m) => [m.payload, encodeBoth(m)]));

        // Unrecorded first pass: each REST server's JIT warms up on it, not on the identity baseline of the first class.
        const first = plan.responseClasses[0];
        if (first !== undefined) {
          for (const server of rest) {
            await on(server, `${first} response identity (warm-up)`, () => restResponseCase(responseCall(first), "identity", server.target, server.process, responses.get(first)!.json, casesOf(server)));
          }
        }

        for (const payload of plan.responseClasses) {
          const call = responseCall(payload);
          const encoded = responses.get(payload)!;
          for (const server of rest) {
            let identity: CompressionResult | null = null;
            for (const codec of restCodecs) {
              if (ctx.signal.aborted) return;
              const entry = await on(server, `${call.call} ${payload} response ${codec}`, () => restResponseCase(call, codec, server.target, server.process, encoded.json, casesOf(server)));
              if (codec === "identity") identity = entry;
              compareWithIdentity(entry, identity);
              record(entry);
            }
          }
          for (const server of grpc) {
            for (const codec of grpcCodecs.filter((c) => c !== "identity")) {
              if (ctx.signal.aborted) return;
              record(await on(server, `${call.call} ${payload} response ${codec}`, () => grpcResponseCase(call, codec, server.target, encoded.protobuf.length, casesOf(server))));
              record(await grpcResponseEstimate(call, codec, encoded.protobuf, casesOf(server)));
            }
          }
        }

        const update = updateUserCall(seed);
        // Unrecorded first passes again: each request path (the REST body parser + inflate, grpc-js client and server)
        // warms up on a throwaway identity run instead of on the baseline every other configuration is compared with.
        for (const server of rest) await on(server, `${update.call} request identity (warm-up)`, () => restRequestCase(update, "identity", server.target, server.process, casesOf(server)));
        for (const server of grpc) await on(server, `${update.call} request identity (warm-up)`, () => grpcRequestCase(update, "identity", server.target, server.process, casesOf(server)));
        for (const server of rest) {
          let identity: CompressionResult | null = null;
          for (const codec of restCodecs) {
            if (ctx.signal.aborted) return;
            const entry = await on(server, `${update.call} request ${codec}`, () => restRequestCase(update, codec, server.target, server.process, casesOf(server)));
            if (codec === "identity") identity = entry;
            compareWithIdentity(entry, identity);
            record(entry);
          }
        }
        for (const server of grpc) {
          let identity: CompressionResult | null = null;
          for (const codec of grpcCodecs) {
            if (ctx.signal.aborted) return;
            const entry = await on(server, `${update.call} request ${codec}`, () => grpcRequestCase(update, codec, server.target, server.process, casesOf(server)));
            if (codec === "identity") identity = entry;
            compareWithIdentity(entry, identity);
            record(entry);
          }
        }
      } finally {
        await servers.stop();
      }
    },
  };
}

/** The arms the family has cases for: gRPC over h2c (grpc-js client), REST JSON over HTTP/1.1. */
function compressionFits(arm: Arm): boolean {
  return (arm.api === "grpc" && arm.transport === "h2c") || (arm.api === "rest" && arm.wire === "json" && arm.transport === "http/1.1");
}

export const family: Family = createCompressionFamily();
