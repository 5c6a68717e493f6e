// A @grpc/grpc-js client for one unary method, built the way generated code builds it (makeGenericClientConstructor
// with the static protobufjs codecs), so it encodes the request and decodes the response on every call. One
// place for the end-to-end load driver, the head-of-line transports and the compression wire probe, so all of
// them measure the same client doing the same work.
import * as grpc from "@grpc/grpc-js";
import { grpcJsChannel } from "./grpc-js-credentials.js";
import { grpcStatusName } from "./error-code.js";

export interface UnaryMethod {
  /** the RPC name (GetUser): the method's key on the stub */
  name: string;
  /** /shop.v1.UserService/GetUser */
  path: string;
  serialize(message: object): Buffer;
  deserialize(bytes: Uint8Array): object;
}

export interface GrpcJsUnaryStub {
  /** One call; `metadata` null sends none (as a generated stub called without it). May throw synchronously. */
  call(request: object, metadata: grpc.Metadata | null, options: grpc.CallOptions, callback: grpc.requestCallback<object>): void;
  /** Resolves once connected; rejects with code ECONNREFUSED when the target cannot be reached by `deadline` (epoch ms). */
  ready(deadline: number): Promise<void>;
  close(): void;
}

type UnaryFn = (...args: unknown[]) => grpc.ClientUnaryCall;

/** `target`: host:port or grpc://host:port (cleartext), grpcs://host:port (TLS with the run's trust, bench/run-tls.ts). */
export function grpcJsUnaryStub(target: string, method: UnaryMethod, channelOptions: grpc.ChannelOptions = {}): GrpcJsUnaryStub {
  const [, service] = /^\/([^/]+)\//.exec(method.path) ?? [];
  const definition: grpc.ServiceDefinition = {
    [method.name]: {
      path: method.path,
      requestStream: false,
      responseStream: false,
      requestSerialize: method.serialize,
      requestDeserialize: (bytes: Buffer) => bytes,
      responseSerialize: (message: object) => Buffer.from(JSON.stringify(message)),
      responseDeserialize: method.deserialize,
    },
  };
  const Stub = grpc.makeGenericClientConstructor(definition, service ?? "Service");
  // A local subchannel pool per stub: otherwise grpc-js shares one connection among all stubs to a target.
  const channel = grpcJsChannel(target);
  const client = new Stub(channel.address, channel.credentials, { "grpc.use_local_subchannel_pool": 1, ...channelOptions });
  const invoke = (client as unknown as Record<string, UnaryFn>)[method.name] as UnaryFn;
  return {
    call(request, metadata, options, callback) {
      if (metadata === null) invoke.call(client, request, options, callback);
      else invoke.call(client, request, metadata, options, callback);
    },
    ready(deadline) {
      return new Promise<void>((resolve, reject) =>
        client.waitForReady(deadline, (error) => {
          if (error === undefined || error === null) return resolve();
          reject(Object.assign(new Error(`grpc-js could not connect to ${target}: ${error.message}`), { code: "ECONNREFUSED" }));
        }),
      );
    },
    close: () => client.close(),
  };
}

/** The stub's outcome as an errors.byCode key (null: OK); a missed deadline is "timeout" as in every driver. */
export function grpcJsCallCode(error: grpc.ServiceError | null | undefined): string | null {
  if (error === null || error === undefined) return null;
  return error.code === grpc.status.DEADLINE_EXCEEDED ? "timeout" : grpcStatusName(error.code);
}
