// End-to-end view, gRPC: the client a Node service would really use — a @grpc/grpc-js stub built the way
// generated code builds it (makeGenericClientConstructor with the static protobufjs codecs), encoding the
// request and decoding the response on every call. Its own CPU cost is part of what this view measures.
import * as grpc from "@grpc/grpc-js";
import type { CallSpec } from "../load/call-spec.js";
import { grpcStatusName, transportErrorCode } from "./error-code.js";
import type { CallDone, Transport } from "./transport.js";

export interface GrpcJsOptions {
  /** host:port */
  target: string;
  connections: number;
  spec: CallSpec;
  timeoutMs: number;
}

type UnaryStub = grpc.Client & Record<string, (req: object, options: grpc.CallOptions, cb: grpc.requestCallback<object>) => grpc.ClientUnaryCall>;

export class GrpcJsTransport implements Transport {
  readonly driver = "grpc-js";
  readonly protocol = "grpc" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly clients: UnaryStub[] = [];
  private readonly method: string;

  constructor(private readonly options: GrpcJsOptions) {
    this.connections = options.connections;
    const { spec } = options;
    this.method = spec.call;
    const [, service] = /^\/([^/]+)\//.exec(spec.grpcPath) ?? [];
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
    const Stub = grpc.makeGenericClientConstructor(definition, service ?? "Service");
    for (let i = 0; i < options.connections; i++) {
      // A local subchannel pool per stub: otherwise grpc-js shares one connection among all of them.
      this.clients.push(new Stub(options.target, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }) as unknown as UnaryStub);
    }
  }

  async open(): Promise<void> {
    const deadline = Date.now() + Math.max(this.options.timeoutMs, 1000);
    await Promise.all(
      this.clients.map(
        (client) =>
          new Promise<void>((resolve, reject) =>
            client.waitForReady(deadline, (error) => {
              if (error === undefined || error === null) return resolve();
              const unreachable = Object.assign(new Error(`grpc-js could not connect to ${this.options.target}: ${error.message}`), { code: "ECONNREFUSED" });
              reject(unreachable);
            }),
          ),
      ),
    );
  }

  send(lane: number, done: CallDone): void {
    const client = this.clients[lane % this.connections] as UnaryStub;
    const options: grpc.CallOptions = this.options.timeoutMs > 0 ? { deadline: Date.now() + this.options.timeoutMs } : {};
    try {
      (client[this.method] as UnaryStub[string])(this.options.spec.request, options, (error) => {
        if (error === null || error === undefined) done(null);
        else done(error.code === grpc.status.DEADLINE_EXCEEDED ? "timeout" : grpcStatusName(error.code));
      });
    } catch (error) {
      done(transportErrorCode(error));
    }
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
  }
}
