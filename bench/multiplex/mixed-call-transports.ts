// Head-of-line experiment transports: the same call, but every `slowEvery`-th one carries x-delay-ms so the
// server holds it (servers started with maxDelayMs). The load engine's lean transports send one fixed request,
// so these use the idiomatic clients, which take per-call metadata/headers: grpc-js on ONE channel (one
// HTTP/2 connection, calls are streams on it) and an undici Pool (HTTP/1.1, one call per connection at a time,
// a shared queue when all are busy, as a real pool). Each completion says whether it was a slow call
// (`completingSlow`, read synchronously by the sink while `done` runs).
import * as grpc from "@grpc/grpc-js";
import { Pool } from "undici";
import { DELAY_HEADER } from "../../servers/handlers/request-delay.js";
import { grpcStatusName, transportErrorCode } from "../drivers/error-code.js";
import type { CallDone, Transport } from "../drivers/transport.js";
import type { CallSpec } from "../load/call-spec.js";

export interface MixedCallTransport extends Transport {
  /** true while `done` runs for a slow call */
  readonly completingSlow: boolean;
}

export interface MixedCallOptions {
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  slowEvery: number;
  slowDelayMs: number;
}

abstract class MixedBase {
  completingSlow = false;
  private calls = 0;
  constructor(protected readonly mix: MixedCallOptions) {}
  /** Deterministic mix: exactly one call in `slowEvery` is slow. */
  protected nextIsSlow(): boolean {
    return this.calls++ % this.mix.slowEvery === this.mix.slowEvery - 1;
  }
  protected complete(done: CallDone, slow: boolean, code: string | null): void {
    this.completingSlow = slow;
    try {
      done(code);
    } finally {
      this.completingSlow = false;
    }
  }
}

type UnaryStub = grpc.Client & Record<string, (req: object, md: grpc.Metadata, options: grpc.CallOptions, cb: grpc.requestCallback<object>) => grpc.ClientUnaryCall>;

export class MixedGrpcJsTransport extends MixedBase implements MixedCallTransport {
  readonly driver = "grpc-js";
  readonly protocol = "grpc" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly clients: UnaryStub[] = [];
  private readonly fast = new grpc.Metadata();
  private readonly slow = new grpc.Metadata();

  constructor(mix: MixedCallOptions) {
    super(mix);
    this.connections = mix.connections;
    const { spec } = mix;
    const definition: grpc.ServiceDefinition = {
      [spec.call]: {
        path: spec.grpcPath,
        requestStream: false,
        responseStream: false,
        requestSerialize: spec.serializeRequest,
        requestDeserialize: (bytes: Buffer) => bytes,
        responseSerialize: (message: object) => Buffer.from(JSON.stringify(message)),
        responseDeserialize: spec.deserializeResponse,
      },
    };
    const Stub = grpc.makeGenericClientConstructor(definition, "Mixed");
    for (let i = 0; i < mix.connections; i++) {
      // A private subchannel pool per stub: one stub = one HTTP/2 connection.
      this.clients.push(new Stub(mix.target, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }) as unknown as UnaryStub);
    }
    this.slow.set(DELAY_HEADER, String(mix.slowDelayMs));
  }

  async open(): Promise<void> {
    const deadline = Date.now() + Math.max(this.mix.timeoutMs, 1000);
    await Promise.all(
      this.clients.map((client) => new Promise<void>((resolve, reject) => client.waitForReady(deadline, (error) => (error ? reject(Object.assign(error, { code: "ECONNREFUSED" })) : resolve())))),
    );
  }

  send(lane: number, done: CallDone): void {
    const slow = this.nextIsSlow();
    const client = this.clients[lane % this.connections] as UnaryStub;
    try {
      (client[this.mix.spec.call] as UnaryStub[string])(this.mix.spec.request, slow ? this.slow : this.fast, { deadline: Date.now() + this.mix.timeoutMs }, (error) => {
        const code = error == null ? null : error.code === grpc.status.DEADLINE_EXCEEDED ? "timeout" : grpcStatusName(error.code);
        this.complete(done, slow, code);
      });
    } catch (error) {
      this.complete(done, slow, transportErrorCode(error));
    }
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
  }
}

export class MixedUndiciTransport extends MixedBase implements MixedCallTransport {
  readonly driver = "undici";
  readonly protocol = "rest" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly pool: Pool;
  private readonly fastRequest: { path: string; method: "GET"; headers: Record<string, string> };
  private readonly slowRequest: { path: string; method: "GET"; headers: Record<string, string> };

  constructor(mix: MixedCallOptions) {
    super(mix);
    this.connections = mix.connections;
    this.pool = new Pool(mix.target, { connections: mix.connections, pipelining: 1, headersTimeout: mix.timeoutMs, bodyTimeout: mix.timeoutMs });
    this.fastRequest = { path: mix.spec.restPath, method: "GET", headers: { accept: "application/json" } };
    this.slowRequest = { ...this.fastRequest, headers: { ...this.fastRequest.headers, [DELAY_HEADER]: String(mix.slowDelayMs) } };
  }

  async open(): Promise<void> {
    // One request per connection, all at once, so the pool opens every connection before measuring.
    await Promise.all(
      Array.from({ length: this.connections }, async () => {
        const { body } = await this.pool.request(this.fastRequest);
        await body.dump();
      }),
    );
  }

  send(_lane: number, done: CallDone): void {
    const slow = this.nextIsSlow();
    this.pool.request(slow ? this.slowRequest : this.fastRequest).then(
      async ({ statusCode, body }) => {
        try {
          JSON.parse(await body.text()); // decode, as the gRPC stub decodes protobuf
          this.complete(done, slow, statusCode >= 200 && statusCode < 300 ? null : String(statusCode));
        } catch (error) {
          this.complete(done, slow, transportErrorCode(error));
        }
      },
      (error: unknown) => this.complete(done, slow, transportErrorCode(error)),
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
