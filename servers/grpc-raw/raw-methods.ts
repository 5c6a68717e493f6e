// The method table of the raw gRPC arm: one entry per :path, built once at start from the proto's reflection
// (paths, streaming flags, type names, exactly as the grpc arm's service definitions) and the generated static
// codecs, bound to the shared handler layer. Plus grpc.health.v1.Health/Check, which grpc-js serves through
// grpc-health-check.
import $protobuf from "protobufjs/minimal.js";
import type { shop } from "../../proto/generated/shop.js";
import { protoPackage, service } from "../../proto/schema.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { RpcError } from "../handlers/status.js";
import { SERVICE_NAMES, staticCodec } from "../grpc/service-definitions.js";
import type { WriterCodec } from "./grpc-wire.js";

/** What a client stream accumulates: one push per request message, one reply after the half-close. */
export interface ClientStreamState {
  push(message: object): void;
  finish(): object;
}

interface MethodBase {
  readonly path: string;
  readonly request: WriterCodec;
  readonly response: WriterCodec;
}

export type RawMethod =
  | (MethodBase & { readonly kind: "unary"; handle(request: object): object })
  | (MethodBase & { readonly kind: "server-stream"; handle(request: object): Iterator<object> })
  | (MethodBase & { readonly kind: "client-stream"; open(): ClientStreamState })
  | (MethodBase & { readonly kind: "bidi"; handle(request: object): object });

type Kind = RawMethod["kind"];
type Implementation =
  | { kind: "unary"; handle(request: object): object }
  | { kind: "server-stream"; handle(request: object): Iterator<object> }
  | { kind: "client-stream"; open(): ClientStreamState }
  | { kind: "bidi"; handle(request: object): object };

const unary = (handle: (request: never) => object): Implementation => ({ kind: "unary", handle: handle as (request: object) => object });

function implementations(handlers: ShopHandlers): Record<string, Implementation> {
  const empty = new Uint8Array(0);
  return {
    GetUser: unary(handlers.getUser),
    ListUsers: unary(handlers.listUsers),
    CreateUser: unary(handlers.createUser),
    UpdateUser: unary(handlers.updateUser),
    DeleteUser: unary(handlers.deleteUser),
    ListOrders: unary(handlers.listOrders),
    StreamOrders: { kind: "server-stream", handle: handlers.streamOrders as (request: object) => Iterator<object> },
    Upload: {
      kind: "client-stream",
      open() {
        const sink = handlers.upload();
        return {
          push: (chunk) => sink.write((chunk as shop.v1.IUploadChunk).data ?? empty),
          finish: () => sink.finish(),
        };
      },
    },
    Chat: { kind: "bidi", handle: handlers.chat as (request: object) => object },
  };
}

function kindOf(requestStream: boolean | undefined, responseStream: boolean | undefined): Kind {
  if (requestStream) return responseStream ? "bidi" : "client-stream";
  return responseStream ? "server-stream" : "unary";
}

/** Every shop.v1 RPC by :path; throws at start if the proto has an RPC without an implementation here. */
export function shopMethods(handlers: ShopHandlers): Map<string, RawMethod> {
  const impls = implementations(handlers);
  const methods = new Map<string, RawMethod>();
  for (const name of SERVICE_NAMES) {
    for (const method of service(name).methodsArray) {
      method.resolve();
      const impl = impls[method.name];
      const kind = kindOf(method.requestStream, method.responseStream);
      if (impl === undefined || impl.kind !== kind) throw new Error(`grpc-raw has no ${kind} implementation of ${name}/${method.name}`);
      const path = `/${protoPackage}.${name}/${method.name}`;
      methods.set(path, {
        ...impl,
        path,
        request: staticCodec(method.resolvedRequestType!.fullName) as unknown as WriterCodec,
        response: staticCodec(method.resolvedResponseType!.fullName) as unknown as WriterCodec,
      } as RawMethod);
    }
  }
  return methods;
}

// ---- grpc.health.v1.Health/Check, by hand: HealthCheckRequest {string service = 1}, HealthCheckResponse
// {ServingStatus status = 1} with UNKNOWN 0, SERVING 1, NOT_SERVING 2, SERVICE_UNKNOWN 3.

export const HEALTH_CHECK_PATH = "/grpc.health.v1.Health/Check";
export type ServingStatus = "SERVING" | "NOT_SERVING";
const STATUS_NUMBER: Record<ServingStatus, number> = { SERVING: 1, NOT_SERVING: 2 };

const healthRequest: WriterCodec = {
  encode: () => {
    throw new Error("not used");
  },
  decode(bytes) {
    const reader = $protobuf.Reader.create(bytes);
    let serviceName = "";
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag === 10) serviceName = reader.string();
      else reader.skipType(tag & 7);
    }
    return { service: serviceName };
  },
};

const healthResponse: WriterCodec = {
  encode(message, writer = $protobuf.Writer.create()) {
    const status = (message as { status: number }).status;
    return status === 0 ? writer : writer.uint32(8).int32(status);
  },
  decode: () => {
    throw new Error("not used");
  },
};

/**
 * Check as grpc-health-check 2.1 answers it: the status of a known service, NOT_FOUND "Health status unknown for
 * service X" otherwise. Watch and List are not served (UNIMPLEMENTED): nothing in the harness calls them.
 */
export function healthCheckMethod(statuses: ReadonlyMap<string, ServingStatus>): RawMethod {
  return {
    kind: "unary",
    path: HEALTH_CHECK_PATH,
    request: healthRequest,
    response: healthResponse,
    handle(request) {
      const name = (request as { service: string }).service;
      const status = statuses.get(name);
      if (status === undefined) throw new RpcError("NOT_FOUND", `Health status unknown for service ${name}`);
      return { status: STATUS_NUMBER[status] };
    },
  };
}

/** The health service names grpc serves: the server ("") and each shop.v1 service. */
export function healthServiceNames(): string[] {
  return ["", ...SERVICE_NAMES.map((name) => `${protoPackage}.${name}`)];
}
