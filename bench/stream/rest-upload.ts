// REST client streaming: POST /v1/uploads with an application/octet-stream body sent chunked from a Readable;
// undici pulls the next chunk only when the socket has taken the previous one (backpressure).
import { REST_UPLOAD_PATH } from "../../servers/shop-routes.js";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { canonicalJsonCodec, type JsonValue } from "../../proto/canonical-json.js";
import { authHeaders, tokenOf } from "../run-token.js";
import { undiciOriginClient } from "./undici-origin-client.js";
import { uploadFailed, uploadOutcome, type UploadClient, type UploadOutcome } from "./upload-client.js";
import type { UploadPlan } from "./upload-data.js";

const uploadResultJson = canonicalJsonCodec("UploadResult");

/** `bearer`: the token every request carries (undefined: the run's, bench/run-token.ts; null: none). */
export function restUploadClient(origin: string, bearer?: string | null): UploadClient {
  const client = undiciOriginClient(origin, { pipelining: 1 });
  const headers = { "content-type": "application/octet-stream", ...authHeaders(tokenOf(bearer)) };
  return {
    configuration: "rest-upload",
    protocol: "rest",
    driver: "undici Client, chunked request body from an async generator",
    async upload(plan: UploadPlan): Promise<UploadOutcome> {
      const start = performance.now();
      try {
        const res = await client.request({
          method: "POST",
          path: REST_UPLOAD_PATH,
          headers,
          body: Readable.from(plan.chunks(), { objectMode: false, highWaterMark: plan.chunkBytes }),
        });
        const text = await res.body.text();
        if (res.statusCode !== 200) return uploadFailed(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
        const result = uploadResultJson.fromJson(JSON.parse(text) as JsonValue);
        return uploadOutcome(plan, performance.now() - start, result);
      } catch (err) {
        return uploadFailed((err as Error).message);
      }
    },
    close: () => client.close(),
  };
}
