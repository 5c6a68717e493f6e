// End-to-end view, REST over h2c (json-h2): what a Node service would use to call a JSON API over cleartext HTTP/2
// with prior knowledge, which undici and fetch cannot speak — node:http2 client sessions, one per connection,
// calls multiplexed as streams. Each response is checked for its :status first, then read as text, JSON.parse'd
// and mapped back through the canonical JSON mapping into the protobuf-shaped message: the decode work the undici
// driver (undici-unary-client.ts) does over HTTP/1.1 and a gRPC stub does on its side. Sessions get grpc-js's client
// settings (default windows, no session memory limit), so this client and the grpc-js one differ by what they do
// per call, not by flow control. An https:// target is the same over TLS with ALPN "h2" (h2-session-lanes.ts).
import http2 from "node:http2";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { CallSpec } from "../load/call-spec.js";
import { authHeaders, tokenOf } from "../run-token.js";
import { transportErrorCode } from "./error-code.js";
import { H2SessionLanes } from "./h2-session-lanes.js";
import type { CallDone, Transport } from "./transport.js";

export interface H2JsonOptions {
  /** http://host:port, or https://host:port for TLS (h2 by ALPN) */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

const { NGHTTP2_CANCEL } = http2.constants;
const END_STREAM: http2.ClientSessionRequestOptions = Object.freeze({ endStream: true });

export class H2JsonTransport implements Transport {
  readonly driver = "h2-json";
  readonly protocol = "rest" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly lanes: H2SessionLanes;
  private readonly codec: ReturnType<typeof canonicalJsonCodec>;
  /** the request the undici driver sends, as HTTP/2 headers */
  private readonly headers: http2.OutgoingHttpHeaders;

  constructor(private readonly options: H2JsonOptions) {
    this.connections = options.connections;
    this.codec = canonicalJsonCodec(options.spec.responseMessage);
    this.headers = Object.freeze({ ":method": "GET", ":path": options.spec.restPath, accept: "application/json", ...authHeaders(tokenOf(options.token)) });
    this.lanes = new H2SessionLanes({
      target: options.target,
      lanes: options.connections,
      session: { maxSessionMemory: Number.MAX_SAFE_INTEGER },
      resend: (lane, done) => this.send(lane, done),
    });
  }

  open(): Promise<void> {
    return this.lanes.open();
  }

  send(lane: number, done: CallDone): void {
    const session = this.lanes.session(lane % this.connections, done);
    if (session === null) return;
    let stream: http2.ClientHttp2Stream;
    try {
      stream = session.request(this.headers, END_STREAM);
    } catch (error) {
      done(transportErrorCode(error));
      return;
    }
    /** undefined until the call has a verdict: null (decoded), the HTTP status, "bad-response" or a transport code */
    let code: string | null | undefined;
    let text = "";
    const timer = this.options.timeoutMs > 0 ? setTimeout(() => {
      code ??= "timeout";
      stream.close(NGHTTP2_CANCEL);
    }, this.options.timeoutMs) : undefined;
    stream.on("response", (headers) => {
      const status = headers[":status"] ?? 0;
      // The status is the answer, whatever the body is (an error page need not be JSON); the body is still read off.
      if (status < 200 || status >= 300) code = String(status);
    });
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      if (code === undefined) text += chunk;
    });
    stream.on("end", () => {
      if (code !== undefined) return;
      try {
        this.codec.fromJson(JSON.parse(text) as JsonValue);
        code = null;
      } catch {
        code = "bad-response";
      }
    });
    stream.on("error", (error) => {
      code ??= transportErrorCode(error);
    });
    stream.on("close", () => {
      clearTimeout(timer);
      done(code === undefined ? "reset" : code);
    });
  }

  close(): Promise<void> {
    return this.lanes.close();
  }
}
