// One compression configuration each: verified on the wire first (what was requested vs what the bytes show),
// then measured. REST responses go through the load engine (h1-lean with Accept-Encoding, closed loop, measured
// windows, server CPU over IPC); request bodies through sequential calls (no engine transport sends a body);
// gRPC responses, which grpc-js servers never compress, get a labelled stand-alone zlib estimate next to the
// wire fact.
import zlib from "node:zlib";
import { H1LeanTransport } from "../drivers/h1-lean-transport.js";
import { aggregateRepetitions } from "../load/aggregate-repetitions.js";
import { ClosedLoop } from "../load/closed-loop.js";
import { measureWindows } from "../load/measure-windows.js";
import type { ArmApi } from "../model/arm.js";
import type { CompressionResult } from "../model/compression-result.js";
import type { ServerProcess } from "../server-process/server-process.js";
import { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { compress, GRPC_JS_COMPRESSION, SERVER_LEVELS, type Codec } from "../families/stack-compression.js";
import type { CompressionCall } from "./compression-calls.js";
import type { CompressionPlan } from "./compression-plan.js";
import { grpcClient, probeGrpcWire, type GrpcCodec, type GrpcWireProbe } from "./grpc-wire-probe.js";
import type { GrpcMessageOnWire } from "./h2-grpc-frames.js";
import { oneConnectionAgent, probeRestWire, restCall } from "./rest-wire-probe.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { meanUs, timeSequentialCalls } from "./sequential-calls.js";

export type RestCodec = "identity" | Codec;

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export interface CaseContext {
  plan: CompressionPlan;
  signal: AbortSignal;
  /** the arm the case measures: entries carry its id, and its framework names the server side of the path */
  arm: { id: string; framework: string };
}

const decompressors: Record<Codec, (b: Buffer) => Buffer> = {
  gzip: (b) => zlib.gunzipSync(b),
  deflate: (b) => zlib.inflateSync(b),
  br: (b) => zlib.brotliDecompressSync(b),
};

function savedPct(wire: number, uncompressed: number): number {
  return uncompressed > 0 ? round((1 - wire / uncompressed) * 100, 1) : 0;
}

function appliedNote(direction: "request" | "response", requested: string, applied: string, why: string): string | undefined {
  if (requested === applied) return undefined;
  return `requested ${requested}; ${direction} sent ${applied === "identity" ? "uncompressed" : `as ${applied}`} (${why})`;
}

/**
 * How an entry was verified over TLS (grpcs://, https://), or "" for cleartext: the wire probes read the plaintext
 * inside TLS, so what is verified is what the server sent through its TLS connection; TLS's own bytes are not in it.
 */
function overTls(target: string, protocol: ArmApi): string {
  if (!targetEndpoint(target).tls) return "";
  return protocol === "rest"
    ? "; over TLS: verified from the plaintext the node:http client read inside TLS (TLS records and the handshake are not in these per-call bytes)"
    : "; over TLS: frames captured in plaintext by a loopback relay that carried them to the server over TLS (ALPN h2), so TLS records and the handshake are not in these per-call bytes";
}

// ---- REST responses ---------------------------------------------------------------------------------

export async function restResponseCase(
  call: CompressionCall,
  codec: RestCodec,
  target: string,
  server: ServerProcess | null,
  expectedJson: Buffer,
  ctx: CaseContext,
): Promise<CompressionResult> {
  const { plan } = ctx;
  const probe = await probeRestWire(target, call, { acceptEncoding: codec }, plan.probeCalls);
  const applied = probe.steady.contentEncoding;
  const body = probe.steady.responseBody;
  // What arrived must be the canonical JSON once decoded, or the figures describe something else.
  const decoded = applied === "identity" ? body : decompressors[applied as Codec]?.(body);
  if (!decoded?.equals(expectedJson)) throw new Error(`REST ${call.call} ${call.payload} with ${codec}: the body (${applied}) does not decode to the canonical JSON`);

  const meter = new SocketBytesMeter();
  const transport = new H1LeanTransport({
    target,
    connections: plan.inFlight,
    path: call.rest.path,
    timeoutMs: plan.timeoutMs,
    headers: { "accept-encoding": codec },
  });
  try {
    await transport.open();
    const run = await measureWindows({
      generator: new ClosedLoop(transport, plan.inFlight),
      plan: { warmupS: plan.warmupS, durationS: plan.durationS, repetitions: plan.repetitions },
      server,
      meter,
      signal: ctx.signal,
      clientCores: 1,
    });
    const top = aggregateRepetitions(run.windows);
    const codecUs = applied === "identity" ? 0 : meanUs(() => decompressors[applied as Codec](body), plan.codecTimingMs);
    const why =
      applied === "identity" && codec !== "identity" && expectedJson.length < 1024
        ? "the compression middleware leaves bodies under its 1 KiB threshold uncompressed"
        : "the server's choice";
    const note = appliedNote("response", codec, applied, why);
    return {
      arm: ctx.arm.id,
      protocol: "rest",
      call: call.call,
      payload: call.payload,
      direction: "response",
      requested: codec,
      applied,
      appliedAsRequested: applied === codec,
      path: `${ctx.arm.framework} + compression middleware; h1-lean client${targetEndpoint(target).tls ? " over TLS" : ""}`,
      ...(note ? { note } : {}),
      wireBytes: body.length,
      uncompressedBytes: expectedJson.length,
      bytesSavedPct: savedPct(body.length, expectedJson.length),
      serverCpuUsPerCall: top.serverCpuUsPerCall === null ? null : round(top.serverCpuUsPerCall),
      clientCpuUsPerCall: top.clientCpuUsPerCall === null ? null : round(top.clientCpuUsPerCall),
      latencyMs: top.requests > 0 ? { p50: top.latencyMs.p50, p99: top.latencyMs.p99 } : null,
      measuredBy:
        `load engine: closed loop, ${plan.inFlight} in flight over ${plan.inFlight} keep-alive connections (h1-lean, which reads but does not ` +
        `decompress the body), ${plan.repetitions} × ${plan.durationS} s after ${plan.warmupS} s warm-up; end reason ${top.endReason}`,
      wirePerCall: {
        firstCall: { request: probe.first.requestBytes, response: probe.first.responseBytes },
        steadyState: { request: probe.steady.requestBytes, response: probe.steady.responseBytes },
        note: `HTTP/1.1 bytes at the socket: request line and headers; status line, headers, body and any chunked framing${overTls(target, "rest")}`,
      },
      loadWireBytesPerCall: top.wireBytesPerCall,
      clientCodecUsPerCall: round(codecUs),
      requests: top.requests,
      errors: top.errors.total,
    };
  } finally {
    await transport.close().catch(() => {});
    meter.dispose();
  }
}

// ---- gRPC ---------------------------------------------------------------------------------------

function framedBytes(messages: readonly GrpcMessageOnWire[]): number {
  return messages.reduce((n, m) => n + 5 + m.length, 0);
}

function appliedOf(messages: readonly GrpcMessageOnWire[]): string {
  const codecs = [...new Set(messages.map((m) => m.codec))];
  return codecs.length === 1 ? codecs[0]! : codecs.join("+") || "no message";
}

function grpcWirePerCall(probe: GrpcWireProbe, target: string): NonNullable<CompressionResult["wirePerCall"]> {
  return {
    firstCall: { request: probe.first.requestBytes, response: probe.first.responseBytes },
    steadyState: { request: probe.steady.requestBytes, response: probe.steady.responseBytes },
    note:
      `HTTP/2 frames of the call's stream, 9-byte frame headers included: HEADERS (HPACK), DATA (5-byte gRPC prefix + message), trailers; ` +
      `connection-level frames and the client preface excluded (${probe.connectionBytes.request} B up, ${probe.connectionBytes.response} B down over ${probe.calls} calls)` +
      overTls(target, "grpc"),
  };
}

/** What the gRPC server does with responses when it was started with compression on and the client accepts gzip/deflate. */
export async function grpcResponseCase(call: CompressionCall, codec: Exclude<GrpcCodec, "identity">, target: string, protobufBytes: number, ctx: CaseContext): Promise<CompressionResult> {
  const probe = await probeGrpcWire(target, call, codec, ctx.plan.probeCalls);
  const messages = probe.steady.response.messages;
  const applied = appliedOf(messages);
  const note = appliedNote(
    "response",
    codec,
    applied,
    `the ${ctx.arm.framework} server did not compress its responses: it ran with compression on, the client sent grpc-accept-encoding identity,deflate,gzip`,
  );
  return {
    arm: ctx.arm.id,
    protocol: "grpc",
    call: call.call,
    payload: call.payload,
    direction: "response",
    requested: codec,
    applied,
    appliedAsRequested: applied === codec,
    path: `${ctx.arm.framework} server (compression on); grpc-js client with grpc.default_compression_algorithm=${codec}`,
    ...(note ? { note } : {}),
    wireBytes: framedBytes(messages),
    uncompressedBytes: 5 + protobufBytes,
    bytesSavedPct: savedPct(framedBytes(messages), 5 + protobufBytes),
    serverCpuUsPerCall: null,
    clientCpuUsPerCall: null,
    latencyMs: null,
    measuredBy: `wire probe only (${probe.calls} calls through a TCP tap): nothing was compressed, so there is no cost to measure; the load family measures this path uncompressed`,
    wirePerCall: grpcWirePerCall(probe, target),
  };
}

/** The labelled alternative for the direction grpc-js cannot compress: per-message zlib as grpc-js would apply it, timed stand-alone. */
export async function grpcResponseEstimate(call: CompressionCall, codec: Exclude<GrpcCodec, "identity">, protobuf: Uint8Array, ctx: CaseContext): Promise<CompressionResult> {
  const level = GRPC_JS_COMPRESSION.levels[codec];
  const compressed = await compress(codec, protobuf, level);
  const compressUs = meanUs(() => (codec === "gzip" ? zlib.gzipSync(protobuf, { level }) : zlib.deflateSync(protobuf, { level })), ctx.plan.codecTimingMs);
  const decompressUs = meanUs(() => decompressors[codec](compressed), ctx.plan.codecTimingMs);
  return {
    arm: ctx.arm.id,
    protocol: "grpc",
    call: call.call,
    payload: call.payload,
    direction: "response",
    requested: codec,
    applied: codec,
    appliedAsRequested: true,
    path: `estimate (alternative, not grpc-js): the response message compressed as grpc-js compresses requests (zlib ${codec} level ${level}, one message, 5-byte prefix with flag 1)`,
    note: "grpc-js cannot compress responses; these figures are what per-message compression would save and cost, not a measurement of a running server",
    wireBytes: 5 + compressed.length,
    uncompressedBytes: 5 + protobuf.length,
    bytesSavedPct: savedPct(5 + compressed.length, 5 + protobuf.length),
    // No call was made: per-call totals stay null; the codec's cost is what vsIdentity adds.
    serverCpuUsPerCall: null,
    clientCpuUsPerCall: null,
    latencyMs: null,
    measuredBy: `stand-alone node:zlib timing in this process, ${ctx.plan.codecTimingMs} ms per figure: vsIdentity's CPU figures are the codec alone`,
    clientCodecUsPerCall: round(decompressUs),
    vsIdentity: {
      bytesSavedPerCall: protobuf.length - compressed.length,
      serverCpuUsAdded: round(compressUs),
      clientCpuUsAdded: round(decompressUs),
      latencyP50MsDelta: null,
      latencyP99MsDelta: null,
    },
  };
}

/** UpdateUser from a grpc-js client compressing its requests with `codec`. */
export async function grpcRequestCase(call: CompressionCall, codec: GrpcCodec, target: string, server: ServerProcess | null, ctx: CaseContext): Promise<CompressionResult> {
  const { plan } = ctx;
  const probe = await probeGrpcWire(target, call, codec, plan.probeCalls);
  const messages = probe.steady.request.messages;
  const applied = appliedOf(messages);
  const note = appliedNote("request", codec, applied, "grpc-js dropped to identity (the server did not list the codec in grpc-accept-encoding?)");
  const client = grpcClient(target, call, codec);
  try {
    const timing = await timeSequentialCalls(client.invoke, { calls: plan.sequentialCalls, warmupCalls: plan.sequentialWarmupCalls, server, signal: ctx.signal });
    return {
      arm: ctx.arm.id,
    protocol: "grpc",
      call: call.call,
      payload: call.payload,
      direction: "request",
      requested: codec,
      applied,
      appliedAsRequested: applied === codec,
      path: `grpc-js client with grpc.default_compression_algorithm=${codec} (level ${GRPC_JS_COMPRESSION.levels.gzip}); ${ctx.arm.framework} server inflates`,
      ...(note ? { note } : {}),
      wireBytes: framedBytes(messages),
      uncompressedBytes: 5 + call.grpc.requestBytes.length,
      bytesSavedPct: savedPct(framedBytes(messages), 5 + call.grpc.requestBytes.length),
      serverCpuUsPerCall: timing.serverCpuUsPerCall === null ? null : round(timing.serverCpuUsPerCall),
      clientCpuUsPerCall: timing.clientCpuUsPerCall === null ? null : round(timing.clientCpuUsPerCall),
      latencyMs: timing.calls - timing.errors > 0 ? timing.latencyMs : null,
      measuredBy: `sequential calls (one in flight, grpc-js end to end, which compresses per call): ${timing.calls} after ${plan.sequentialWarmupCalls} warm-up`,
      wirePerCall: grpcWirePerCall(probe, target),
      requests: timing.calls,
      errors: timing.errors,
    };
  } finally {
    client.close();
  }
}

// ---- REST requests --------------------------------------------------------------------------------

/** Client-side request compression: gzip/deflate at level 6 as grpc-js does, brotli at 4 as express's middleware does. */
function compressBody(codec: RestCodec, body: Buffer): Buffer {
  if (codec === "identity") return body;
  if (codec === "gzip") return zlib.gzipSync(body, { level: SERVER_LEVELS.gzip });
  if (codec === "deflate") return zlib.deflateSync(body, { level: SERVER_LEVELS.deflate });
  return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: SERVER_LEVELS.br } });
}

/** UpdateUser (PATCH) with the JSON body sent with Content-Encoding `codec`; the server (body-parser) must inflate it. */
export async function restRequestCase(call: CompressionCall, codec: RestCodec, target: string, server: ServerProcess | null, ctx: CaseContext): Promise<CompressionResult> {
  const { plan } = ctx;
  const json = call.rest.body as Buffer;
  const body = compressBody(codec, json);
  const probe = await probeRestWire(target, call, { contentEncoding: codec, body }, plan.probeCalls);
  // 200 with the updated user back means the server inflated and parsed the body; body-parser answers 415 otherwise.
  const applied = probe.steady.status === 200 ? codec : `rejected (HTTP ${probe.steady.status})`;
  const base = new URL(target);
  const agent = oneConnectionAgent(target);
  try {
    const invoke = async () => {
      const reply = await restCall(base, call, agent, { contentEncoding: codec, body: compressBody(codec, json) });
      if (reply.status !== 200) throw new Error(`HTTP ${reply.status}`);
    };
    const timing = await timeSequentialCalls(invoke, { calls: plan.sequentialCalls, warmupCalls: plan.sequentialWarmupCalls, server, signal: ctx.signal });
    const note = appliedNote("request", codec, applied, "the server did not accept the encoding");
    return {
      arm: ctx.arm.id,
      protocol: "rest",
      call: call.call,
      payload: call.payload,
      direction: "request",
      requested: codec,
      applied,
      appliedAsRequested: applied === codec,
      path: `node:http client, Content-Encoding ${codec} (${codec === "br" ? `quality ${SERVER_LEVELS.br}` : codec === "identity" ? "none" : `level ${SERVER_LEVELS.gzip}`}); ${ctx.arm.framework} server inflates`,
      ...(note ? { note } : {}),
      wireBytes: body.length,
      uncompressedBytes: json.length,
      bytesSavedPct: savedPct(body.length, json.length),
      serverCpuUsPerCall: timing.serverCpuUsPerCall === null ? null : round(timing.serverCpuUsPerCall),
      clientCpuUsPerCall: timing.clientCpuUsPerCall === null ? null : round(timing.clientCpuUsPerCall),
      latencyMs: timing.calls - timing.errors > 0 ? timing.latencyMs : null,
      measuredBy: `sequential calls (one in flight, node:http keep-alive, body compressed per call): ${timing.calls} after ${plan.sequentialWarmupCalls} warm-up`,
      wirePerCall: {
        firstCall: { request: probe.first.requestBytes, response: probe.first.responseBytes },
        steadyState: { request: probe.steady.requestBytes, response: probe.steady.responseBytes },
        note: `HTTP/1.1 bytes at the socket: request line, headers and body; status line, headers and body${overTls(target, "rest")}`,
      },
      requests: timing.calls,
      errors: timing.errors,
    };
  } finally {
    agent.destroy();
  }
}

/** Fills vsIdentity of each entry from the identity entry measured the same way (same protocol, call, class, direction, path kind). */
export function compareWithIdentity(entry: CompressionResult, identity: CompressionResult | null): void {
  if (identity === null || entry === identity || entry.vsIdentity) return;
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : round(a - b, 3));
  const clientDriver = diff(entry.clientCpuUsPerCall, identity.clientCpuUsPerCall);
  entry.vsIdentity = {
    bytesSavedPerCall: identity.wireBytes - entry.wireBytes,
    serverCpuUsAdded: diff(entry.serverCpuUsPerCall, identity.serverCpuUsPerCall),
    clientCpuUsAdded: clientDriver === null ? null : round(clientDriver + (entry.clientCodecUsPerCall ?? 0) - (identity.clientCodecUsPerCall ?? 0)),
    latencyP50MsDelta: diff(entry.latencyMs?.p50, identity.latencyMs?.p50),
    latencyP99MsDelta: diff(entry.latencyMs?.p99, identity.latencyMs?.p99),
  };
}
