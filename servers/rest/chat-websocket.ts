// The REST side of ChatService.Chat: a WebSocket echo at /v1/chat on the REST server's own HTTP server.
// Each text frame is one canonical-JSON ChatMessage; the reply frame is the echo with serverTime set.
// A frame that is not a valid ChatMessage gets one error frame {code: "INVALID_ARGUMENT", message} and the
// socket is closed with 1007 (invalid payload), as the gRPC call ends with INVALID_ARGUMENT; a frame over the
// size limit is closed by ws with 1009 (message too big), the RESOURCE_EXHAUSTED of WebSockets.
import type { Server } from "node:http";
import { WebSocketServer, type RawData, type VerifyClientCallbackAsync, type WebSocket } from "ws";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { ShopHandlers } from "../handlers/shop-handlers.js";
import { CHAT_PATH } from "../shop-routes.js";
import type { ErrorBody } from "./http-status.js";

/** Echoes in flight on one socket before it stops reading (grpc-js's object streams buffer 16 too). */
const HIGH_WATER = 16;

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.from(data).toString("utf8");
}

/** `verify` refuses an upgrade before it is accepted (the bearer token check, rest-bearer.ts); absent, every upgrade is. */
export function attachChat(server: Server, handlers: ShopHandlers, maxPayloadBytes: number, verify?: VerifyClientCallbackAsync): WebSocketServer {
  const chat = canonicalJsonCodec("ChatMessage");
  const wss = new WebSocketServer({ server, path: CHAT_PATH, maxPayload: maxPayloadBytes, perMessageDeflate: false, ...(verify !== undefined ? { verifyClient: verify } : {}) });
  wss.on("error", () => {}); // the HTTP server's own errors, re-emitted; the arm's listen() handles those
  wss.on("connection", (socket: WebSocket) => {
    socket.on("error", () => {}); // protocol errors close the socket; nothing to log in a benchmark server
    let inFlight = 0;
    const sent = (): void => {
      inFlight--;
      if (socket.isPaused && inFlight <= HIGH_WATER / 2) socket.resume();
    };
    socket.on("message", (data, isBinary) => {
      let echo: JsonValue;
      try {
        if (isBinary) throw new Error("expected a text frame with a JSON ChatMessage");
        echo = chat.toJson(handlers.chat(chat.fromJson(JSON.parse(text(data)) as JsonValue)));
      } catch (err) {
        const body: ErrorBody = { code: "INVALID_ARGUMENT", message: `malformed ChatMessage: ${(err as Error).message}` };
        socket.send(JSON.stringify(body));
        socket.close(1007, "INVALID_ARGUMENT");
        return;
      }
      inFlight++;
      socket.send(JSON.stringify(echo), sent);
      if (inFlight >= HIGH_WATER && !socket.isPaused) socket.pause();
    });
  });
  return wss;
}
