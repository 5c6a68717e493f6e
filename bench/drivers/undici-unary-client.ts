// The REST counterpart of grpc-js-unary-stub.ts: an undici 7 keep-alive Pool (the engine behind Node's fetch)
// for one call, each response checked for its HTTP status first, then read as text, JSON.parse'd and mapped
// back through the canonical JSON mapping into the protobuf-shaped message, so the client does the same work
// as a gRPC stub's decode. One place for the end-to-end load driver and the head-of-line transports.
import { Pool } from "undici";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { CallSpec } from "../load/call-spec.js";
import { transportErrorCode } from "./error-code.js";
import type { CallDone } from "./transport.js";

export interface UndiciUnaryOptions {
  /** http://host:port */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  pipelining?: number;
}

export interface UnaryRequest {
  path: string;
  method: "GET";
  headers: Record<string, string>;
}

export class UndiciUnaryClient {
  private readonly pool: Pool;
  private readonly codec: ReturnType<typeof canonicalJsonCodec>;
  /** the call as a request; `withHeaders` derives variants (e.g. x-delay-ms) */
  readonly request: UnaryRequest;

  constructor(private readonly options: UndiciUnaryOptions) {
    this.pool = new Pool(options.target, {
      connections: options.connections,
      pipelining: options.pipelining ?? 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.codec = canonicalJsonCodec(options.spec.responseMessage);
    this.request = { path: options.spec.restPath, method: "GET", headers: { accept: "application/json" } };
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

  /** One call; `done` gets null, the HTTP status ("404"), "bad-response" (not the message's canonical JSON) or a transport code. */
  send(request: UnaryRequest, done: CallDone): void {
    this.pool.request(request).then(
      async ({ statusCode, body }) => {
        let code: string | null = null;
        if (statusCode < 200 || statusCode >= 300) {
          // The status is the answer, whatever the body is (an error page need not be JSON).
          await body.dump().catch(() => {});
          code = String(statusCode);
        } else {
          try {
            this.codec.fromJson(JSON.parse(await body.text()) as JsonValue);
          } catch (error) {
            code = error instanceof SyntaxError || (error as Error).name === "CanonicalJsonError" ? "bad-response" : transportErrorCode(error);
          }
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
