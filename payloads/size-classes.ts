// The named payload size classes every benchmark family uses. Each class is one request against the
// seeded dataset; sizeClassMessage is exactly the response both servers send for it. Limits were chosen
// from measured sizes (npm run sizes) so the canonical JSON lands near 4 KiB, 256 KiB and 4 MiB.
import type { PayloadClass } from "../bench/model/measurement.js";
import { toCanonicalJson } from "../proto/canonical-json.js";
import { shop } from "../proto/generated/shop.js";
import { generateOrders, generateUser, userIndex } from "./generator.js";

/** In size order. */
export const PAYLOAD_CLASSES: readonly PayloadClass[] = ["small", "medium", "large", "xlarge"];

export interface SizeClass {
  name: PayloadClass;
  call: "GetUser" | "ListOrders";
  /** The response message type. */
  message: "User" | "ListOrdersResponse";
  userId: string;
  /** ListOrders limit; 0 for GetUser. */
  limit: number;
}

export const SIZE_CLASSES: Record<PayloadClass, SizeClass> = {
  // u-6 has every field set (Cyrillic name, roles, metadata, int64 above 2^32) under DEFAULT_SEED.
  small: { name: "small", call: "GetUser", message: "User", userId: "u-6", limit: 0 },
  medium: { name: "medium", call: "ListOrders", message: "ListOrdersResponse", userId: "u-1", limit: 7 },
  large: { name: "large", call: "ListOrders", message: "ListOrdersResponse", userId: "u-1", limit: 470 },
  // JSON ≈ 4 MiB; protobuf is about half that, so well inside grpc-js's default 4 MiB receive limit.
  xlarge: { name: "xlarge", call: "ListOrders", message: "ListOrdersResponse", userId: "u-1", limit: 15000 },
};

/** The request message of a class, as both servers receive it (gRPC message / REST path and query). */
export function sizeClassRequest(cls: PayloadClass): shop.v1.IGetUserRequest | shop.v1.IListOrdersRequest {
  const c = SIZE_CLASSES[cls];
  return c.call === "GetUser" ? { userId: c.userId } : { userId: c.userId, limit: c.limit };
}

/** Exactly what the server returns for the class's request. */
export function sizeClassMessage(seed: number, cls: PayloadClass): shop.v1.IUser | shop.v1.IListOrdersResponse {
  const c = SIZE_CLASSES[cls];
  if (c.call === "ListOrders") return { orders: generateOrders(seed, c.userId, c.limit) };
  return generateUser(seed, userIndex(c.userId) as number);
}

/** The class's response encoded both ways: canonical JSON (UTF-8) and protobuf. */
export function encodeSizeClass(seed: number, cls: PayloadClass): { json: Buffer; protobuf: Uint8Array } {
  const c = SIZE_CLASSES[cls];
  const msg = sizeClassMessage(seed, cls);
  const protobuf = c.message === "User"
    ? shop.v1.User.encode(msg as shop.v1.IUser).finish()
    : shop.v1.ListOrdersResponse.encode(msg as shop.v1.IListOrdersResponse).finish();
  return { json: Buffer.from(JSON.stringify(toCanonicalJson(c.message, msg))), protobuf };
}
