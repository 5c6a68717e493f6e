// gRPC bidirectional streaming with grpc-js: ChatService/Chat, one call open for the whole conversation.
import { SHOP_ROUTES } from "../../servers/shop-routes.js";
import * as grpc from "@grpc/grpc-js";
import { shop } from "../../proto/generated/shop.js";
import { tokenOf } from "../run-token.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { grpcJsChannel } from "../drivers/grpc-js-credentials.js";
import { converse, EchoQueue, type ChatClient } from "./chat-client.js";
import { PRIVATE_CHANNEL } from "./grpc-stream-orders.js";

const METHOD = SHOP_ROUTES.Chat.grpcPath;

/**
 * `target`: host:port, grpc://host:port, or grpcs://host:port (TLS with the run's trust, drivers/grpc-js-credentials.ts).
 * `bearer`: the token the call carries as metadata (undefined: the run's, bench/run-token.ts; null: none).
 */
export function grpcChatClient(target: string, bearer?: string | null): ChatClient {
  const channel = grpcJsChannel(target);
  const client = new grpc.Client(channel.address, channel.credentials, PRIVATE_CHANNEL);
  const metadata = bearerMetadata(tokenOf(bearer)) ?? new grpc.Metadata();
  const serialize = (m: shop.v1.IChatMessage) => Buffer.from(shop.v1.ChatMessage.encode(m).finish());
  const deserialize = (bytes: Buffer) => shop.v1.ChatMessage.decode(bytes);
  let call: grpc.ClientDuplexStream<shop.v1.IChatMessage, shop.v1.ChatMessage> | null = null;
  const echoes = new EchoQueue<shop.v1.IChatMessage>();
  return {
    configuration: "grpc-Chat",
    protocol: "grpc",
    driver: "grpc-js client, one bidi stream",
    async open() {
      await new Promise<void>((resolve, reject) =>
        client.waitForReady(Date.now() + 10_000, (err) => (err ? reject(err) : resolve())),
      );
      call = client.makeBidiStreamRequest(METHOD, serialize, deserialize, metadata);
      call.on("data", (m: shop.v1.ChatMessage) => echoes.push(m));
      call.on("error", (err: grpc.ServiceError) => echoes.fail(new Error(`${grpc.status[err.code] ?? err.code}: ${err.details}`)));
      call.on("end", () => echoes.fail(new Error("the server ended the Chat stream")));
    },
    converse(count, firstSequence, text) {
      const open = call;
      if (!open) throw new Error("grpc chat: open() first");
      return converse(count, firstSequence, text, (m) => open.write(m), () => echoes.next());
    },
    async close() {
      call?.end();
      call?.cancel();
      client.close();
    },
  };
}
