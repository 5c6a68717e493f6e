// Head-of-line experiment transports: the same call, but every `slowEvery`-th one carries x-delay-ms so the
// server holds it (servers started with maxDelayMs). The load engine's lean transports send one fixed request,
// so these use the load family's end-to-end clients (bench/drivers/grpc-js-unary-stub.ts, undici-unary-client.ts,
// the same work per call), which take per-call metadata/headers: grpc-js on ONE channel (one
// HTTP/2 connection, calls are streams on it) and an undici Pool (HTTP/1.1, one call per connection at a time,
// a shared queue when all are busy, as a real pool). Each completion says whether it was a slow call
// (`completingSlow`, read synchronously by the sink while `done` runs).
import * as grpc from "@grpc/grpc-js";
import { DELAY_HEADER } from "../../servers/handlers/request-delay.js";
import { AUTHORIZATION, bearerValue } from "../../servers/handlers/bearer-token.js";
import { tokenOf } from "../run-token.js";
import { transportErrorCode } from "../drivers/error-code.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { unaryMethodOf } from "../drivers/grpc-js-transport.js";
import { grpcJsCallCode, grpcJsUnaryStub, type GrpcJsUnaryStub } from "../drivers/grpc-js-unary-stub.js";
import type { CallDone, Transport } from "../drivers/transport.js";
import { UndiciUnaryClient, type UnaryRequest } from "../drivers/undici-unary-client.js";
import type { CallSpec } from "../load/call-spec.js";
import type { ArmWire } from "../model/arm.js";

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
  /** a REST arm's wire format: what the undici client decodes (json when absent) */
  wire?: ArmWire;
  /** The bearer token every call carries: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
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

/** The load family's grpc-js client (the same stub); slow calls add x-delay-ms metadata, fast ones send none (but the bearer token, if any). */
export class MixedGrpcJsTransport extends MixedBase implements MixedCallTransport {
  readonly driver = "grpc-js";
  readonly protocol = "grpc" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly stubs: GrpcJsUnaryStub[] = [];
  private readonly slow = new grpc.Metadata();
  private readonly fast: grpc.Metadata | null;

  constructor(mix: MixedCallOptions) {
    super(mix);
    this.connections = mix.connections;
    const method = unaryMethodOf(mix.spec);
    // One stub = one HTTP/2 connection.
    for (let i = 0; i < mix.connections; i++) this.stubs.push(grpcJsUnaryStub(mix.target, method));
    const token = tokenOf(mix.token);
    this.fast = bearerMetadata(token);
    if (token !== null) this.slow.set(AUTHORIZATION, bearerValue(token));
    this.slow.set(DELAY_HEADER, String(mix.slowDelayMs));
  }

  async open(): Promise<void> {
    const deadline = Date.now() + Math.max(this.mix.timeoutMs, 1000);
    await Promise.all(this.stubs.map((stub) => stub.ready(deadline)));
  }

  send(lane: number, done: CallDone): void {
    const slow = this.nextIsSlow();
    const stub = this.stubs[lane % this.connections] as GrpcJsUnaryStub;
    try {
      stub.call(this.mix.spec.request, slow ? this.slow : this.fast, { deadline: Date.now() + this.mix.timeoutMs }, (error) => this.complete(done, slow, grpcJsCallCode(error)));
    } catch (error) {
      this.complete(done, slow, transportErrorCode(error));
    }
  }

  async close(): Promise<void> {
    for (const stub of this.stubs) stub.close();
  }
}

/** The load family's undici client (status, then the arm's wire decoded into the message); slow calls add the x-delay-ms header. */
export class MixedUndiciTransport extends MixedBase implements MixedCallTransport {
  readonly driver = "undici";
  readonly protocol = "rest" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly client: UndiciUnaryClient;
  private readonly slowRequest: UnaryRequest;

  constructor(mix: MixedCallOptions) {
    super(mix);
    this.connections = mix.connections;
    this.client = new UndiciUnaryClient(mix);
    this.slowRequest = this.client.withHeaders({ [DELAY_HEADER]: String(mix.slowDelayMs) });
  }

  open(): Promise<void> {
    return this.client.open();
  }

  send(_lane: number, done: CallDone): void {
    const slow = this.nextIsSlow();
    this.client.send(slow ? this.slowRequest : this.client.request, (code) => this.complete(done, slow, code));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
