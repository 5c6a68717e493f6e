// The messages the size and micro families measure: for every size class the response the servers send
// (sizeClassMessage, the very object both arms serialize) and the request that asks for it, plus one
// StreamOrders item and one Chat echo. Each comes with its static codec, so both families encode exactly
// what grpc-js sends (the gRPC arm serializes with the same generated code). A --config run measures the config's
// sample messages instead (bench/config/config-messages.ts), in the same shape, through the same family code.
import type protobuf from "protobufjs";
import type { PayloadClass } from "../model/measurement.js";
import { shop } from "../../proto/generated/shop.js";
import { messageType } from "../../proto/schema.js";
import { generateOrder } from "../../payloads/generator.js";
import { PAYLOAD_CLASSES, SIZE_CLASSES, sizeClassMessage, sizeClassRequest } from "../../payloads/size-classes.js";

/** What the generated static code offers for every message type. */
export interface StaticCodec {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
}

const STATIC_CODECS = {
  User: shop.v1.User,
  ListOrdersResponse: shop.v1.ListOrdersResponse,
  GetUserRequest: shop.v1.GetUserRequest,
  ListOrdersRequest: shop.v1.ListOrdersRequest,
  Order: shop.v1.Order,
  ChatMessage: shop.v1.ChatMessage,
} as const satisfies Record<string, StaticCodec>;

export type MeasuredMessageName = keyof typeof STATIC_CODECS;

export type MessageRole = "response" | "request" | "stream-item";

export interface MeasuredMessage {
  /** proto message name: in shop.v1 (GetUserRequest), or fully qualified for a config's (routeguide.Feature) */
  message: string;
  /** its reflection type (the canonical JSON mapping and the reflection codec read it) */
  type: protobuf.Type;
  /** the size class, or for a config's message the sample file as the config names it */
  payload: PayloadClass | string;
  /** null for a config's sample: the config does not say what carries it */
  role: MessageRole | null;
  /** The RPC that carries it (shop messages). */
  call?: string;
  /** One plain sentence: which object this is, so a row can never be mistaken for another. */
  subject: string;
  /** The in-memory message (protobufjs-shaped plain object), exactly as the server handlers produce it. */
  value: object;
  /** generated static code (shop messages); null where there is none (a config's messages: reflection only) */
  codec: StaticCodec | null;
}

export interface MessageSelection {
  classes?: readonly PayloadClass[];
  roles?: readonly MessageRole[];
}

export const ALL_ROLES: readonly MessageRole[] = ["response", "request", "stream-item"];

// A fixed, representative Chat echo: the client's message with server_time set, as chatEcho returns it.
// Timestamps at millisecond precision, as chatMessage/chatEcho build them from Date.now().
const CHAT_TEXT = "Is order ord_3f2a still on its way? Die Lieferung war für Montag geplant 🙂";
const CHAT_SEQUENCE = 1000;
const CHAT_SESSION = "bench-session"; // the session id the stream family's chat clients use

function chatEchoSample(): shop.v1.IChatMessage {
  return {
    sessionId: CHAT_SESSION,
    sequence: CHAT_SEQUENCE,
    text: CHAT_TEXT,
    sentAt: { seconds: 1_767_225_600, nanos: 123_000_000 },
    serverTime: { seconds: 1_767_225_600, nanos: 125_000_000 },
  };
}

/**
 * The measured messages, in size-class order. Stream items and the Chat echo are single messages that do not
 * depend on a size class; they are filed under "small" (the class of single small messages) and say so in `subject`.
 */
export function measuredMessages(seed: number, selection: MessageSelection = {}): MeasuredMessage[] {
  const classes = selection.classes ?? PAYLOAD_CLASSES;
  const roles = new Set(selection.roles ?? ALL_ROLES);
  const out: MeasuredMessage[] = [];
  for (const cls of PAYLOAD_CLASSES) {
    if (!classes.includes(cls)) continue;
    const spec = SIZE_CLASSES[cls];
    if (roles.has("response")) {
      out.push({
        message: spec.message,
        type: messageType(spec.message),
        payload: cls,
        role: "response",
        call: spec.call,
        subject:
          spec.call === "GetUser"
            ? `${spec.call} response: user ${spec.userId}`
            : `${spec.call} response: the first ${spec.limit} orders of ${spec.userId}`,
        value: sizeClassMessage(seed, cls),
        codec: STATIC_CODECS[spec.message],
      });
    }
    if (roles.has("request")) {
      const message = spec.call === "GetUser" ? "GetUserRequest" : "ListOrdersRequest";
      out.push({
        message,
        type: messageType(message),
        payload: cls,
        role: "request",
        call: spec.call,
        subject: `${spec.call} request message (gRPC sends it; REST carries it in the path and query string, not as a JSON body)`,
        value: sizeClassRequest(cls),
        codec: STATIC_CODECS[message],
      });
    }
    if (cls === "small" && roles.has("stream-item")) {
      out.push({
        message: "Order",
        type: messageType("Order"),
        payload: "small",
        role: "stream-item",
        call: "StreamOrders",
        subject: "one StreamOrders item: order 0 of u-1 (a single message, whatever the stream's length)",
        value: generateOrder(seed, "u-1", 0),
        codec: STATIC_CODECS.Order,
      });
      out.push({
        message: "ChatMessage",
        type: messageType("ChatMessage"),
        payload: "small",
        role: "stream-item",
        call: "Chat",
        subject: `one Chat echo: session ${CHAT_SESSION}, sequence ${CHAT_SEQUENCE}, a fixed ${[...CHAT_TEXT].length}-character text, both timestamps set`,
        value: chatEchoSample(),
        codec: STATIC_CODECS.ChatMessage,
      });
    }
  }
  return out;
}
