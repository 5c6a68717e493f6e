// grpc-js service definitions for shop.v1, built from the proto's reflection (names, paths, streaming flags)
// and the generated static codecs (bytes). Per call the server does exactly one static decode of the request
// and one static encode of each reply: no proto-loader, no toObject/fromObject copies, no option-driven
// conversion of longs, enums or defaults. Clients (tests, bench drivers) build on the same definitions.
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";
import type protobuf from "protobufjs";
import { google, shop } from "../../proto/generated/shop.js";
import { protoPackage, service } from "../../proto/schema.js";

/** The generated static class of one message type: what the hot path encodes and decodes with. */
export interface StaticCodec<T = object> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

/**
 * What a request deserializer returns for bytes that are not a valid message. grpc-js answers a throwing
 * deserializer with INTERNAL ("Error deserializing request", server-interceptors.ts); the spec asks for
 * INVALID_ARGUMENT, so decoding never throws and the handler wrapper answers this marker instead.
 */
export class MalformedMessage {
  constructor(readonly reason: string) {}
}

export const SERVICE_NAMES = ["UserService", "OrderService", "UploadService", "ChatService"] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The generated codec of a fully qualified type name such as ".shop.v1.User" or ".google.protobuf.Empty". */
export function staticCodec(fullName: string): StaticCodec {
  let node: unknown = { shop, google };
  for (const part of fullName.replace(/^\./, "").split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const codec = node as Partial<StaticCodec> | undefined;
  if (typeof codec?.encode !== "function" || typeof codec.decode !== "function") {
    throw new Error(`no generated codec for ${fullName}: run npm run gen`);
  }
  return codec as StaticCodec;
}

/** Zero-copy view as a Buffer (grpc-js copies the serialized bytes into its frame with Buffer#copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function methodDefinition(serviceName: string, method: protobuf.Method): MethodDefinition<object, object> {
  method.resolve();
  const request = staticCodec(method.resolvedRequestType!.fullName);
  const response = staticCodec(method.resolvedResponseType!.fullName);
  return {
    path: `/${protoPackage}.${serviceName}/${method.name}`,
    requestStream: method.requestStream === true,
    responseStream: method.responseStream === true,
    requestSerialize: (message: object) => asBuffer(request.encode(message).finish()),
    requestDeserialize: (bytes: Buffer) => {
      try {
        return request.decode(bytes);
      } catch (err) {
        return new MalformedMessage(err instanceof Error ? err.message : String(err));
      }
    },
    responseSerialize: (message: object) => asBuffer(response.encode(message).finish()),
    responseDeserialize: (bytes: Buffer) => response.decode(bytes),
    originalName: lowerFirst(method.name),
  };
}

/** The grpc-js definition of one shop.v1 service, keyed by RPC name (GetUser, ListUsers, …). */
export function serviceDefinition(name: ServiceName): ServiceDefinition {
  const svc = service(name);
  const definition: Record<string, MethodDefinition<object, object>> = {};
  for (const method of svc.methodsArray) definition[method.name] = methodDefinition(name, method);
  return definition;
}

export const SHOP_SERVICES: Readonly<Record<ServiceName, ServiceDefinition>> = {
  UserService: serviceDefinition("UserService"),
  OrderService: serviceDefinition("OrderService"),
  UploadService: serviceDefinition("UploadService"),
  ChatService: serviceDefinition("ChatService"),
};
