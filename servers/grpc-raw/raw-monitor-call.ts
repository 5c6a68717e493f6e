// grb.monitor.v1.Monitor/Watch on grpc-raw, in the arm's own frame-level style: the request's one
// Length-Prefixed-Message read off the stream, then the response HEADERS, one DATA frame per ProcessMetrics (the
// first at once, then one every interval_ms) and the OK trailers when interval_ms is 0; the client's RST_STREAM (or
// the server's shutdown) stops the timer. Not on the hot path: the stream listener reaches it only for a :path that
// is not a shop.v1 or health method.
import type { ServerHttp2Stream } from "node:http2";
import { statusCode, type StatusName } from "../handlers/status.js";
import { decodeWatchRequest, encodeProcessMetrics } from "../monitor/monitor-messages.js";
import type { ServerMonitor } from "../monitor/server-monitor.js";
import { streamSnapshots } from "../monitor/snapshot-stream.js";
import { END_STREAM, OK_TRAILERS, RESPONSE_HEADERS, trailersOnly, WAIT_FOR_TRAILERS } from "./grpc-wire.js";

/** A WatchRequest is one small varint field; anything much larger is not one. */
const MAX_REQUEST_BYTES = 1024;
const HEAD = 5;

function fail(stream: ServerHttp2Stream, code: Exclude<StatusName, "OK">, details: string): void {
  stream.resume();
  if (!stream.destroyed && !stream.closed && !stream.headersSent) stream.respond(trailersOnly(statusCode(code), details), END_STREAM);
}

/** One framed message, compressed flag 0: the monitor never compresses, as the arm's replies never are. */
function frame(bytes: Uint8Array): Buffer {
  const framed = Buffer.allocUnsafe(HEAD + bytes.length);
  framed[0] = 0;
  framed.writeUInt32BE(bytes.length, 1);
  framed.set(bytes, HEAD);
  return framed;
}

/** The request body: exactly one uncompressed message; a string says what is wrong with it. */
function watchInterval(body: Buffer): number | [Exclude<StatusName, "OK">, string] {
  if (body.length < HEAD) return ["UNIMPLEMENTED", "Received no request message for server streaming method /grb.monitor.v1.Monitor/Watch"];
  const length = body.readUInt32BE(1);
  if (body.length !== HEAD + length) return ["UNIMPLEMENTED", "Received a second request message for server streaming method /grb.monitor.v1.Monitor/Watch"];
  if (body[0] !== 0) return ["UNIMPLEMENTED", "the monitor does not accept compressed requests"];
  try {
    return decodeWatchRequest(body.subarray(HEAD)).intervalMs;
  } catch (err) {
    return ["INVALID_ARGUMENT", `malformed WatchRequest: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** Serves one Watch call on its stream (the token, if any, was already checked). */
export function watchOnStream(stream: ServerHttp2Stream, monitor: ServerMonitor): void {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  });
  stream.once("end", () => {
    if (size > MAX_REQUEST_BYTES) return fail(stream, "RESOURCE_EXHAUSTED", `a WatchRequest is at most ${MAX_REQUEST_BYTES} bytes`);
    const interval = watchInterval(Buffer.concat(chunks));
    if (typeof interval !== "number") return fail(stream, interval[0], interval[1]);
    if (stream.destroyed || stream.closed) return;
    stream.respond(RESPONSE_HEADERS, WAIT_FOR_TRAILERS);
    let ended = false;
    const stop = streamSnapshots(monitor, interval, {
      send: (metrics) => void stream.write(frame(encodeProcessMetrics(metrics))),
      end: () => {
        ended = true;
        stream.once("wantTrailers", () => stream.sendTrailers(OK_TRAILERS));
        stream.end();
      },
      get backedUp() {
        return stream.writableNeedDrain;
      },
      get closed() {
        return ended || stream.destroyed || stream.closed;
      },
    });
    stream.once("close", stop);
  });
}
