// End-to-end view, gRPC: the client a Node service would really use — a @grpc/grpc-js stub built the way
// generated code builds it (drivers/grpc-js-unary-stub.ts), encoding the request and decoding the response on
// every call. Its own CPU cost is part of what this view measures.
import type * as grpc from "@grpc/grpc-js";
import type { CallSpec } from "../load/call-spec.js";
import { tokenOf } from "../run-token.js";
import { transportErrorCode } from "./error-code.js";
import { bearerMetadata } from "./grpc-js-bearer.js";
import { grpcJsCallCode, grpcJsUnaryStub, type GrpcJsUnaryStub, type UnaryMethod } from "./grpc-js-unary-stub.js";
import type { CallDone, Transport } from "./transport.js";

export interface GrpcJsOptions {
  /** host:port */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
  /** The bearer token sent as `authorization` metadata: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

/** The spec's call as a grpc-js unary method. */
export function unaryMethodOf(spec: CallSpec): UnaryMethod {
  return { name: spec.call, path: spec.grpcPath, serialize: spec.serializeRequest, deserialize: spec.deserializeResponse };
}

export class GrpcJsTransport implements Transport {
  readonly driver = "grpc-js";
  readonly protocol = "grpc" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly stubs: GrpcJsUnaryStub[] = [];
  /** null: no metadata at all, as a generated stub called without it */
  private readonly metadata: grpc.Metadata | null;
  /** the spec's request, or its rotation's, sent round-robin */
  private readonly requests: readonly object[];
  private next = 0;

  constructor(private readonly options: GrpcJsOptions) {
    this.connections = options.connections;
    this.metadata = bearerMetadata(tokenOf(options.token));
    this.requests = options.spec.rotation?.requests ?? [options.spec.request];
    const method = unaryMethodOf(options.spec);
    // One stub = one HTTP/2 connection.
    for (let i = 0; i < options.connections; i++) this.stubs.push(grpcJsUnaryStub(options.target, method));
  }

  async open(): Promise<void> {
    const deadline = Date.now() + Math.max(this.options.timeoutMs, 1000);
    await Promise.all(this.stubs.map((stub) => stub.ready(deadline)));
  }

  send(lane: number, done: CallDone): void {
    const stub = this.stubs[lane % this.connections] as GrpcJsUnaryStub;
    const options = this.options.timeoutMs > 0 ? { deadline: Date.now() + this.options.timeoutMs } : {};
    const index = this.next;
    this.next = index + 1 === this.requests.length ? 0 : index + 1;
    const check = this.options.spec.check;
    try {
      stub.call(this.requests[index] as object, this.metadata, options, (error, response) => {
        const code = grpcJsCallCode(error);
        // A response checked against the one expected for its request (a --config call's check: equal-json).
        done(code === null && check !== undefined && !check(index, response as object) ? "mismatch" : code);
      });
    } catch (error) {
      done(transportErrorCode(error));
    }
  }

  async close(): Promise<void> {
    for (const stub of this.stubs) stub.close();
  }
}
