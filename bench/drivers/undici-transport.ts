// End-to-end view, REST: what a Node service would really use to call a JSON API — undici (the engine
// behind Node's fetch) with a keep-alive Pool, the body read as text, JSON.parse, then the canonical JSON
// mapping back into the protobuf-shaped message, so the client does the same work as a gRPC stub's decode.
import { Pool } from "undici";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { CallSpec } from "../load/call-spec.js";
import { transportErrorCode } from "./error-code.js";
import type { CallDone, Transport } from "./transport.js";

export interface UndiciOptions {
  /** http://host:port */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  pipelining?: number;
}

export class UndiciTransport implements Transport {
  readonly driver = "undici";
  readonly protocol = "rest" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly pool: Pool;
  private readonly codec: ReturnType<typeof canonicalJsonCodec>;
  private readonly requestOptions: { path: string; method: "GET"; headers: Record<string, string> };

  constructor(private readonly options: UndiciOptions) {
    this.connections = options.connections;
    this.pool = new Pool(options.target, {
      connections: options.connections,
      pipelining: options.pipelining ?? 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.codec = canonicalJsonCodec(options.spec.responseMessage);
    this.requestOptions = { path: options.spec.restPath, method: "GET", headers: { accept: "application/json" } };
  }

  async open(): Promise<void> {
    // One request per connection proves the target answers; the pool keeps those connections alive.
    await Promise.all(
      Array.from({ length: this.connections }, async () => {
        const { body } = await this.pool.request(this.requestOptions);
        await body.dump();
      }),
    );
  }

  send(_lane: number, done: CallDone): void {
    this.pool.request(this.requestOptions).then(
      async ({ statusCode, body }) => {
        try {
          const text = await body.text();
          if (statusCode < 200 || statusCode >= 300) return done(String(statusCode));
          this.codec.fromJson(JSON.parse(text) as JsonValue);
          done(null);
        } catch (error) {
          done(error instanceof SyntaxError || (error as Error).name === "CanonicalJsonError" ? "bad-response" : transportErrorCode(error));
        }
      },
      (error: unknown) => done(transportErrorCode(error)),
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
