// Server view, REST closed loop: autocannon (keep-alive connections, pipelining 1 by default), the standard
// Node HTTP/1.1 load generator. autocannon owns its loop, so it is a LoadGenerator rather than a Transport.
//
// What we take from it and what we do not (read from autocannon 8 lib/run.js, httpClient.js):
// - latency: its 'response' event gives each response's time in ms from process.hrtime (request written →
//   response parsed); we record that into OUR histogram in µs. Its own histogram records integer ms at its own
//   settings, too coarse for sub-millisecond calls and not mergeable with the other drivers.
// - errors: 'reqError' carries connection errors and its timeouts ("request timed out"); non-2xx arrive as
//   'response' with their status. Both are counted by code; only 2xx latencies are recorded.
// - it parses with http-parser-js and buffers each body as a string: client CPU it spends, which the
//   crosscheck against wrk exposes if it ever limits throughput.
// - its -R rate limit is a per-second token bucket without intended-time latency: open loop uses
//   bench/load/open-loop.ts with the h1-lean transport instead.
// - its sockets come from plain net.connect without TCP_NODELAY; wrk, h2load and our other drivers set it, so we
//   set it too, on every socket created while autocannon runs (seen through the net.client.socket channel).
import diagnostics from "node:diagnostics_channel";
import type { Socket } from "node:net";
import autocannon from "autocannon";
import { authHeaders, tokenOf } from "../run-token.js";
import { transportErrorCode } from "./error-code.js";
import type { CallSink } from "../load/call-sink.js";
import type { RestRequest } from "../load/call-spec.js";
import type { LoadGenerator } from "../load/load-generator.js";

export interface AutocannonOptions {
  /** http://host:port */
  target: string;
  /** path and query */
  path: string;
  /** several requests (method, path, JSON body) sent round-robin in place of a GET of `path` (a --config call) */
  requests?: readonly RestRequest[];
  connections: number;
  pipelining: number;
  timeoutMs: number;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

// autocannon's own stop is polled at sampleInt, and until then it keeps sending: at 100 ms every stop cost ~85 ms
// of load nobody measured (the gap after a REST window was 0.2 s against 0.115 s after a gRPC one), ~4 s per quick run.
const SAMPLE_INT_MS = 10;
// Runs are stopped explicitly; a day is only a ceiling (setTimeout cannot take more than ~24.8 days).
const CEILING_S = 86_400;

export class AutocannonLoad implements LoadGenerator {
  readonly driver = "autocannon";
  private instance: autocannon.Instance | null = null;
  private finished: Promise<void> | null = null;
  private readonly noDelay = (message: unknown): void => {
    (message as { socket: Socket }).socket.setNoDelay(true);
  };

  constructor(private readonly options: AutocannonOptions) {}

  start(sink: CallSink): void {
    const { options } = this;
    diagnostics.subscribe("net.client.socket", this.noDelay);
    this.finished = new Promise((resolve) => {
      this.instance = autocannon(
        {
          url: new URL(options.path, options.target).toString(),
          connections: options.connections,
          pipelining: options.pipelining,
          // autocannon writes these into the one request it builds and repeats (absent: no header at all).
          headers: authHeaders(tokenOf(options.token)),
          // Several requests: each connection cycles through them in order (autocannon's requests option).
          ...(options.requests !== undefined && options.requests.length > 0 ? { requests: options.requests.map(autocannonRequest) } : {}),
          duration: CEILING_S,
          timeout: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
          sampleInt: SAMPLE_INT_MS,
          skipAggregateResult: true,
        },
        () => resolve(),
      );
    });
    const instance = this.instance as unknown as NodeJS.EventEmitter;
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
      if (statusCode >= 200 && statusCode < 300) sink.ok(responseTimeMs * 1000);
      else sink.error(String(statusCode));
    });
    instance.on("reqError", (error: Error) => {
      sink.error(error?.message === "request timed out" ? "timeout" : transportErrorCode(error));
    });
  }

  async stop(): Promise<void> {
    this.instance?.stop();
    await this.finished;
    diagnostics.unsubscribe("net.client.socket", this.noDelay);
  }
}

/**
 * A request as autocannon's `requests` option takes it (its headers are merged over the run's): a body goes as
 * application/json, autocannon adds its length; a POST, PUT or PATCH without one says content-length: 0 (as h1-lean).
 */
function autocannonRequest(request: RestRequest): autocannon.Request {
  const method = request.method as autocannon.Request["method"];
  if (request.body !== null) return { method, path: request.path, body: request.body, headers: { "content-type": "application/json" } };
  return { method, path: request.path, ...(["POST", "PUT", "PATCH"].includes(request.method) ? { headers: { "content-length": "0" } } : {}) };
}
