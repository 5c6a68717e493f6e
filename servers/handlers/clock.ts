import type { google } from "../../proto/generated/shop.js";

/** A wall-clock Timestamp; a zero nanos is left unset, as a conforming proto3 encoder would not send it. */
export function timestampAt(ms: number): google.protobuf.ITimestamp {
  const seconds = Math.floor(ms / 1000);
  const nanos = (ms - seconds * 1000) * 1_000_000;
  return nanos === 0 ? { seconds } : { seconds, nanos };
}
