// gRPC server streaming with the idiomatic client (grpc-js): OrderService/StreamOrders, one Order per
// message. The deserializer sees each message's bytes before decoding them, which is where we hash and
// time: an order is usable by the caller the moment it is decoded.
import { SHOP_ROUTES } from "../../servers/shop-routes.js";
import * as grpc from "@grpc/grpc-js";
import { performance } from "node:perf_hooks";
import { shop } from "../../proto/generated/shop.js";
import { tokenOf } from "../run-token.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { grpcJsChannel } from "../drivers/grpc-js-credentials.js";
import { ItemChecksum } from "./item-checksum.js";
import { failed, onePage, type OrderFetchResult, type OrderStreamClient } from "./order-stream-client.js";

const METHOD = SHOP_ROUTES.StreamOrders.grpcPath;
/** The proto's documented bound on StreamOrdersRequest.limit. */
const MAX_LIMIT = 1_000_000;

/** Channel options shared by the stream family's gRPC clients: a private connection per client. */
export const PRIVATE_CHANNEL: grpc.ChannelOptions = {
  "grpc.use_local_subchannel_pool": 1,
  "grpc.max_receive_message_length": 64 * 1024 * 1024,
};

/**
 * `target`: host:port, grpc://host:port, or grpcs://host:port (TLS with the run's trust, drivers/grpc-js-credentials.ts).
 * `bearer`: the token the call carries as metadata (undefined: the run's, bench/run-token.ts; null: none).
 */
export function grpcStreamOrdersClient(target: string, bearer?: string | null): OrderStreamClient {
  const channel = grpcJsChannel(target);
  const client = new grpc.Client(channel.address, channel.credentials, PRIVATE_CHANNEL);
  const metadata = bearerMetadata(tokenOf(bearer)) ?? new grpc.Metadata();
  const serialize = (req: shop.v1.IStreamOrdersRequest) => Buffer.from(shop.v1.StreamOrdersRequest.encode(req).finish());
  return {
    configuration: "grpc-StreamOrders",
    protocol: "grpc",
    driver: "grpc-js client, server stream",
    maxItems: MAX_LIMIT,
    plan: (userId, n) => [{ userId, count: n }],
    fetch(pages, expectations, signal): Promise<OrderFetchResult> {
      const planned = onePage(pages, expectations);
      if (typeof planned === "string") return Promise.resolve(failed(planned, 0));
      const [page, expected] = planned;
      const checksum = new ItemChecksum();
      let first: number | null = null;
      let last: number | null = null;
      const start = performance.now();
      const deserialize = (bytes: Buffer) => {
        checksum.addBytes(bytes);
        const order = shop.v1.Order.decode(bytes);
        checksum.countItem();
        last = performance.now() - start;
        if (first === null) first = last;
        return order;
      };
      return new Promise((resolve) => {
        if (signal.aborted) return resolve(failed(`aborted before the call: ${String(signal.reason)}`, 0));
        const call = client.makeServerStreamRequest(METHOD, serialize, deserialize, { userId: page.userId, limit: page.count }, metadata);
        const cancel = () => call.cancel();
        signal.addEventListener("abort", cancel, { once: true });
        call.on("data", () => {}); // flowing mode; the deserializer already timed and hashed the item
        call.on("error", (err: grpc.ServiceError) => {
          signal.removeEventListener("abort", cancel);
          resolve(failed(`${grpc.status[err.code] ?? err.code}: ${err.details}`, checksum.count));
        });
        call.on("status", (status: grpc.StatusObject) => {
          if (status.code !== grpc.status.OK) return; // 'error' reports it
          signal.removeEventListener("abort", cancel);
          // grpc-js delivers every message before the status, so the checksum is complete here.
          resolve({ timeToFirstItemMs: first, timeToLastItemMs: last, received: checksum.verify(expected.protobufMessages), requests: 1 });
        });
      });
    },
    close: async () => client.close(),
  };
}
