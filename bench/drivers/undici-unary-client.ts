// The REST counterpart of grpc-js-unary-stub.ts: an undici 7 keep-alive Pool (the engine behind Node's fetch)
// for one call, each response checked for its HTTP status first, then decoded as the arm's wire format says, so
// the client does the same work as a gRPC stub's decode: JSON is read as text, JSON.parse'd and mapped back
// through the canonical JSON mapping into the protobuf-shaped message; protobuf is read as bytes and decoded by
// the generated static codec (spec.deserializeResponse, the gRPC stub's own decode). One place for the end-to-end
// load driver and the head-of-line transports.
//
// Over TLS (an https:// target) the Pool gets our own `connect` (undici-tls-connector.ts: connectTls with the run's
// trust, ALPN "http/1.1", metered, tallied, with a handshake timeout) instead of undici's tls.connect, which the meter
// would not see. As undici's own connector does, it offers the last session the server gave for a new connection to
// resume; the tally shows how many did.
import { Pool } from "undici";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { CallSpec } from "../load/call-spec.js";
import type { ArmWire } from "../model/arm.js";
import { authHeaders, tokenOf } from "../run-token.js";
import { transportErrorCode } from "./error-code.js";
import { targetEndpoint } from "./target-address.js";
import type { CallDone } from "./transport.js";
import { undiciTlsConnector } from "./undici-tls-connector.js";

export interface UndiciUnaryOptions {
  /** http://host:port, or https://host:port for TLS */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  pipelining?: number;
  /** the arm's wire format: what the response bodies are decoded from (default json) */
  wire?: ArmWire;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

export interface UnaryRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  /** a JSON body (a --config call's POST); absent: none */
  body?: string;
}

/** What the client asks for, per wire format (application/x-protobuf: protobuf-h1's bodies). */
const ACCEPT: Record<ArmWire, string> = { json: "application/json", protobuf: "application/x-protobuf" };

/** A 2xx body: read it whole, then decode it. Reading fails with a transport error; decoding with "bad-response". */
interface BodyDecoder {
  read(body: { text(): Promise<string>; bytes(): Promise<Uint8Array> }): Promise<string | Uint8Array>;
  decode(read: string | Uint8Array): unknown;
}

function bodyDecoder(wire: ArmWire, spec: CallSpec): BodyDecoder {
  if (wire === "protobuf") return { read: (body) => body.bytes(), decode: (bytes) => spec.deserializeResponse(bytes as Uint8Array) };
  const fromJson = spec.responseFromJson ?? canonicalJsonCodec(spec.responseMessage).fromJson;
  return { read: (body) => body.text(), decode: (text) => fromJson(JSON.parse(text as string) as JsonValue) };
}

export class UndiciUnaryClient {
  private readonly pool: Pool;
  private readonly decoder: BodyDecoder;
  /** the call as a request; `withHeaders` derives variants (e.g. x-delay-ms) */
  readonly request: UnaryRequest;
  /** the spec's requests in rotation order (one: `request`), index for index with the spec's rotation */
  readonly requests: readonly UnaryRequest[];

  constructor(private readonly options: UndiciUnaryOptions) {
    this.pool = new Pool(options.target, {
      ...(targetEndpoint(options.target).tls ? { connect: undiciTlsConnector({ resume: true }) } : {}),
      connections: options.connections,
      pipelining: options.pipelining ?? 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const wire = options.wire ?? "json";
    this.decoder = bodyDecoder(wire, options.spec);
    const headers = { accept: ACCEPT[wire], ...authHeaders(tokenOf(options.token)) };
    const rest = options.spec.rotation?.rest ?? [{ method: "GET", path: options.spec.restPath, body: null }];
    this.requests = rest.map((r) =>
      r.body === null ? { path: r.path, method: r.method, headers } : { path: r.path, method: r.method, headers: { ...headers, "content-type": "application/json" }, body: r.body },
    );
    this.request = this.requests[0] as UnaryRequest;
  }

  withHeaders(headers: Record<string, string>): UnaryRequest {
    return { ...this.request, headers: { ...this.request.headers, ...headers } };
  }

  /** One request per connection, all at once: proves the target answers and opens every connection before measuring. */
  async open(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.options.connections }, async () => {
        const { body } = await this.pool.request(this.request);
        await body.dump();
      }),
    );
  }

  /**
   * One call; `done` gets null, the HTTP status ("404"), "bad-response" (a body that does not decode as the message),
   * "mismatch" (decoded, but `check` says it is not the expected response) or a transport code.
   */
  send(request: UnaryRequest, done: CallDone, check?: (response: object) => boolean): void {
    this.pool.request(request).then(
      async ({ statusCode, body }) => {
        if (statusCode < 200 || statusCode >= 300) {
          // The status is the answer, whatever the body is (an error page need not be the message's encoding).
          await body.dump().catch(() => {});
          return done(String(statusCode));
        }
        let read: string | Uint8Array;
        try {
          read = await this.decoder.read(body);
        } catch (error) {
          return done(transportErrorCode(error));
        }
        let code: string | null = null;
        try {
          const decoded = this.decoder.decode(read);
          if (check !== undefined && !check(decoded as object)) code = "mismatch";
        } catch {
          code = "bad-response";
        }
        done(code);
      },
      (error: unknown) => done(transportErrorCode(error)),
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
