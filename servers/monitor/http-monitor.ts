// GET /v1/monitor on the HTTP arms (monitor-contract.ts): one ProcessMetrics as canonical JSON, or with
// `?intervalMs=N` an NDJSON stream of them until the client goes. Served at the server level, ahead of the arm's
// framework (rest/rest-http-server.ts's listener, json-h2's stream listener), so no framework pays for the route and
// every HTTP arm answers the same bytes. A node:http response and a node:http2 stream each get a small adapter.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { ServerHttp2Stream } from "node:http2";
import { MONITOR_HTTP_PATH, MONITOR_INTERVAL_PARAM } from "./monitor-contract.js";
import { processMetricsToJson } from "./monitor-messages.js";
import type { ServerMonitor } from "./server-monitor.js";
import { streamSnapshots } from "./snapshot-stream.js";

const JSON_TYPE = "application/json; charset=utf-8";
const NDJSON_TYPE = "application/x-ndjson";
const UINT32_MAX = 0xffff_ffff;
const QUERY = MONITOR_HTTP_PATH.length;

/** What the monitor needs of a response, on HTTP/1.1 and on an HTTP/2 stream alike. */
export interface MonitorHttpResponse {
  /** the status and headers; `body` ends the response with it, null leaves it open for write() */
  respond(status: number, headers: Record<string, string>, body: string | null, head: boolean): void;
  write(chunk: string): void;
  end(): void;
  readonly backedUp: boolean;
  readonly closed: boolean;
  onClose(listener: () => void): void;
}

/** Whether a request target is the monitor (its path, with or without a query): one prefix test per request. */
export function isMonitorTarget(target: string | undefined): boolean {
  if (target === undefined || !target.startsWith(MONITOR_HTTP_PATH)) return false;
  return target.length === QUERY || target.charCodeAt(QUERY) === 0x3f /* "?" */;
}

/** null: a single snapshot; a number: a stream at that interval; a string: what is wrong with the query. */
function requestedInterval(target: string): number | null | string {
  const query = target.length > QUERY ? new URLSearchParams(target.slice(QUERY + 1)) : null;
  const raw = query?.get(MONITOR_INTERVAL_PARAM) ?? null;
  if (raw === null) return null;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > UINT32_MAX) {
    return `${MONITOR_INTERVAL_PARAM} must be an integer in 0..${UINT32_MAX} (ms), got ${JSON.stringify(raw)}`;
  }
  return n;
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ code, message });
}

/** Answers one monitor request (any method; only GET and HEAD are served). */
export function serveMonitorHttp(monitor: ServerMonitor, method: string | undefined, target: string, res: MonitorHttpResponse): void {
  const head = method === "HEAD";
  if (method !== "GET" && !head) {
    const body = errorBody("UNIMPLEMENTED", `${MONITOR_HTTP_PATH} answers GET only`);
    res.respond(405, { allow: "GET, HEAD", "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }, body, false);
    return;
  }
  const interval = requestedInterval(target);
  if (typeof interval === "string") {
    const body = errorBody("INVALID_ARGUMENT", interval);
    res.respond(400, { "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }, body, head);
    return;
  }
  if (interval === null) {
    void monitor.snapshot().then((metrics) => {
      if (res.closed) return;
      const body = JSON.stringify(processMetricsToJson(metrics));
      res.respond(200, { "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(body)), "cache-control": "no-store" }, body, head);
    });
    return;
  }
  res.respond(200, { "content-type": NDJSON_TYPE, "cache-control": "no-store" }, head ? "" : null, head);
  if (head) return;
  const stop = streamSnapshots(monitor, interval, {
    send: (metrics) => res.write(`${JSON.stringify(processMetricsToJson(metrics))}\n`),
    end: () => res.end(),
    get backedUp() {
      return res.backedUp;
    },
    get closed() {
      return res.closed;
    },
  });
  res.onClose(stop);
}

/** A node:http response (or node:http2's compatibility response, which has the same calls: json-h2 with compression). */
export function http1MonitorResponse(res: ServerResponse): MonitorHttpResponse {
  let closed = false;
  res.once("close", () => (closed = true));
  return {
    respond(status, headers, body, head) {
      res.writeHead(status, headers);
      if (body === null) return;
      if (head) res.end();
      else res.end(body);
    },
    write: (chunk) => void res.write(chunk),
    end: () => void res.end(),
    get backedUp() {
      return res.writableNeedDrain;
    },
    get closed() {
      return closed || res.destroyed;
    },
    onClose(listener) {
      if (closed) listener();
      else res.once("close", listener);
    },
  };
}

/** A node:http2 stream as json-h2 serves it. */
export function h2StreamMonitorResponse(stream: ServerHttp2Stream): MonitorHttpResponse {
  stream.resume(); // a GET has no body; whatever a client sends anyway is dropped
  return {
    respond(status, headers, body, head) {
      if (stream.destroyed || stream.closed) return;
      const ends = body !== null && (head || body === "");
      stream.respond({ ...headers, ":status": status }, ends ? { endStream: true } : undefined);
      if (body !== null && !ends) stream.end(body);
    },
    write: (chunk) => void stream.write(chunk),
    end: () => void stream.end(),
    get backedUp() {
      return stream.writableNeedDrain;
    },
    get closed() {
      return stream.destroyed || stream.closed;
    },
    onClose(listener) {
      if (stream.destroyed || stream.closed) listener();
      else stream.once("close", listener);
    },
  };
}

/**
 * An HTTP arm's request listener with the monitor in front: a monitor request is answered here, any other request
 * counts as a call served (calls-served.ts) and goes to the arm. Wrap it in the bearer check, so the monitor needs
 * the token like every call.
 */
export function withMonitor(listener: RequestListener, monitor: ServerMonitor): RequestListener {
  const calls = monitor.calls;
  return function monitored(req: IncomingMessage, res: ServerResponse): void {
    if (isMonitorTarget(req.url)) return serveMonitorHttp(monitor, req.method, req.url!, http1MonitorResponse(res));
    calls.count++;
    listener(req, res);
  };
}
