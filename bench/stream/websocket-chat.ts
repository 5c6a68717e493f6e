// The REST side's bidirectional equivalent: a WebSocket (ws) at /v1/chat carrying the canonical JSON of
// ChatMessage in text frames. Why WebSocket and not request/response polling: see bench/stream/README.md.
// permessage-deflate is off, as compression is everywhere in this family. An https origin gives wss://, its
// connection opened through bench/run-tls.ts connectTls (the run's trust, ALPN http/1.1), so its bytes are metered at
// the TCP socket and its handshake counted, like every other client of the family.
import { CHAT_PATH } from "../../servers/shop-routes.js";
import { WebSocket } from "ws";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import type { shop } from "../../proto/generated/shop.js";
import { connectTls } from "../run-tls.js";
import { authHeaders, tokenOf } from "../run-token.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { converse, EchoQueue, type ChatClient } from "./chat-client.js";

const chatJson = canonicalJsonCodec("ChatMessage");

/** `bearer`: the token the upgrade request carries (undefined: the run's, bench/run-token.ts; null: none). */
export function websocketChatClient(origin: string, bearer?: string | null): ChatClient {
  const url = `${origin.replace(/^http/, "ws")}${CHAT_PATH}`;
  let socket: WebSocket | null = null;
  const echoes = new EchoQueue<shop.v1.IChatMessage>();
  return {
    configuration: "rest-websocket",
    protocol: "rest",
    driver: "ws client, one WebSocket, canonical JSON text frames",
    async open() {
      const endpoint = targetEndpoint(origin);
      // ws calls createConnection instead of tls.connect; the upgrade request then goes over this TLS socket.
      const tls = endpoint.tls ? { createConnection: () => connectTls({ host: endpoint.host, port: endpoint.port, alpn: ["http/1.1"] }) } : {};
      const ws = new WebSocket(url, { perMessageDeflate: false, headers: authHeaders(tokenOf(bearer)), ...tls });
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      ws.on("message", (data, isBinary) => {
        try {
          if (isBinary) throw new Error("binary frame where a JSON text frame was expected");
          echoes.push(chatJson.fromJson(JSON.parse(data.toString()) as JsonValue) as shop.v1.IChatMessage);
        } catch (err) {
          echoes.fail(err as Error);
        }
      });
      ws.on("error", (err) => echoes.fail(err));
      ws.on("close", () => echoes.fail(new Error("the server closed the WebSocket")));
      socket = ws;
    },
    converse(count, firstSequence, text) {
      const ws = socket;
      if (!ws) throw new Error("websocket chat: open() first");
      return converse(count, firstSequence, text, (m) => ws.send(JSON.stringify(chatJson.toJson(m))), () => echoes.next());
    },
    async close() {
      if (!socket) return;
      const ws = socket;
      if (ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.close();
        setTimeout(() => {
          ws.terminate();
          resolve();
        }, 1000).unref();
      });
    },
  };
}
