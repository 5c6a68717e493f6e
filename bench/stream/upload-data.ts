// The bytes an upload case sends: `total` bytes in `chunkBytes` pieces, cycled from a pool of random chunks
// made once (compression is off in this family, so repetition cannot flatter either side). The expected
// size and SHA-256 are computed from the same sequence before timing.
import { createHash, randomBytes } from "node:crypto";

const POOL_CHUNKS = 16;

export interface UploadPlan {
  total: number;
  chunkBytes: number;
  chunks(): Generator<Buffer>;
  expected: { size: number; sha256: string };
}

export function uploadPlan(total: number, chunkBytes: number): UploadPlan {
  if (!Number.isSafeInteger(total) || total < 0 || !Number.isSafeInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`upload of ${total} bytes in ${chunkBytes}-byte chunks is not a valid plan`);
  }
  const pool = Array.from({ length: POOL_CHUNKS }, () => randomBytes(chunkBytes));
  function* chunks(): Generator<Buffer> {
    let sent = 0;
    for (let i = 0; sent < total; i++) {
      const piece = pool[i % POOL_CHUNKS] as Buffer;
      const n = Math.min(chunkBytes, total - sent);
      yield n === chunkBytes ? piece : piece.subarray(0, n);
      sent += n;
    }
  }
  const hash = createHash("sha256");
  for (const chunk of chunks()) hash.update(chunk);
  return { total, chunkBytes, chunks, expected: { size: total, sha256: hash.digest("hex") } };
}
