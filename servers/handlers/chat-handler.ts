// ChatService semantics: every message comes back as it was sent, with server_time set.
import type { shop } from "../../proto/generated/shop.js";
import { timestampAt } from "./clock.js";

export function chatEcho(message: shop.v1.IChatMessage, nowMs: number = Date.now()): shop.v1.IChatMessage {
  // A new object (the received one is the transport's); spreading copies only the fields that were set.
  return { ...message, serverTime: timestampAt(nowMs) };
}
