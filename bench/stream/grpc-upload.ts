// gRPC client streaming with grpc-js: UploadService/Upload, one UploadChunk per plan chunk. write() returning
// false means grpc-js buffered past its high-water mark; we wait for 'drain' (backpressure) before the next.
import { SHOP_ROUTES } from "../../servers/shop-routes.js";
import * as grpc from "@grpc/grpc-js";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { shop } from "../../proto/generated/shop.js";
import { tokenOf } from "../run-token.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { grpcJsChannel } from "../drivers/grpc-js-credentials.js";
import { PRIVATE_CHANNEL } from "./grpc-stream-orders.js";
import { uploadFailed, uploadOutcome, type UploadClient, type UploadOutcome } from "./upload-client.js";
import type { UploadPlan } from "./upload-data.js";

const METHOD = SHOP_ROUTES.Upload.grpcPath;

/**
 * `target`: host:port, grpc://host:port, or grpcs://host:port (TLS with the run's trust, drivers/grpc-js-credentials.ts).
 * `bearer`: the token the call carries as metadata (undefined: the run's, bench/run-token.ts; null: none).
 */
export function grpcUploadClient(target: string, bearer?: string | null): UploadClient {
  const channel = grpcJsChannel(target);
  const client = new grpc.Client(channel.address, channel.credentials, PRIVATE_CHANNEL);
  const metadata = bearerMetadata(tokenOf(bearer)) ?? new grpc.Metadata();
  const serialize = (chunk: shop.v1.IUploadChunk) => Buffer.from(shop.v1.UploadChunk.encode(chunk).finish());
  const deserialize = (bytes: Buffer) => shop.v1.UploadResult.decode(bytes);
  return {
    configuration: "grpc-Upload",
    protocol: "grpc",
    driver: "grpc-js client stream, write()/drain backpressure",
    async upload(plan: UploadPlan): Promise<UploadOutcome> {
      const start = performance.now();
      let settle!: (outcome: UploadOutcome) => void;
      const done = new Promise<UploadOutcome>((resolve) => (settle = resolve));
      const call = client.makeClientStreamRequest(METHOD, serialize, deserialize, metadata, (err, result) => {
        if (err) settle(uploadFailed(`${grpc.status[err.code] ?? err.code}: ${err.details}`));
        else settle(uploadOutcome(plan, performance.now() - start, result ?? {}));
      });
      let finished = false;
      void done.then(() => (finished = true));
      for (const data of plan.chunks()) {
        if (finished) break; // the call already failed: stop sending
        if (!call.write({ data })) await Promise.race([once(call, "drain"), done]);
      }
      call.end();
      return done;
    },
    close: async () => client.close(),
  };
}
