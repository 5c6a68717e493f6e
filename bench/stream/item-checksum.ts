// What a streaming client received, reduced to a count and a SHA-256, so a fast wrong answer cannot win.
// The hash covers the items in their wire encoding without transport framing (serialized protobuf messages
// for gRPC; the response body text for REST), which is cheap enough to run inside the timed window and
// stricter than a semantic comparison: one changed, missing or reordered byte fails verification.
import { createHash, type Hash } from "node:crypto";

export interface ExpectedItems {
  count: number;
  sha256: string;
}

export interface ReceivedItems extends ExpectedItems {
  verified: boolean;
  /** Why verification failed, for the report's failure text. */
  mismatch?: string;
}

export class ItemChecksum {
  #hash: Hash = createHash("sha256");
  #count = 0;

  /** Bytes that belong to the item stream (a message, a body chunk). */
  addBytes(bytes: Uint8Array | string): void {
    this.#hash.update(bytes);
  }

  /** One complete item was decoded. */
  countItem(n = 1): void {
    this.#count += n;
  }

  get count(): number {
    return this.#count;
  }

  /** Compare with the expected count and hash; the checksum cannot be used afterwards. */
  verify(expected: ExpectedItems): ReceivedItems {
    const sha256 = this.#hash.digest("hex");
    return verifyReceived({ count: this.#count, sha256 }, expected);
  }
}

export function verifyReceived(received: ExpectedItems, expected: ExpectedItems): ReceivedItems {
  if (received.count !== expected.count) {
    return { ...received, verified: false, mismatch: `received ${received.count} items, expected ${expected.count}` };
  }
  if (received.sha256 !== expected.sha256) {
    return { ...received, verified: false, mismatch: `checksum ${received.sha256.slice(0, 12)}… differs from expected ${expected.sha256.slice(0, 12)}…` };
  }
  return { ...received, verified: true };
}
