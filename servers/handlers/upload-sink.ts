// UploadService semantics: a sink that hashes and counts bytes as they arrive and keeps none of them.
import { createHash, type Hash } from "node:crypto";
import type { shop } from "../../proto/generated/shop.js";

export class UploadSink {
  private readonly hash: Hash = createHash("sha256");
  private size = 0;
  private chunks = 0;

  /** One chunk: a gRPC UploadChunk's data, or one body chunk as the REST server read it. */
  write(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.byteLength;
    this.chunks++;
  }

  /** The reply; call once, after the last chunk. */
  finish(): shop.v1.IUploadResult {
    return { size: this.size, sha256: this.hash.digest("hex"), chunks: this.chunks };
  }
}
