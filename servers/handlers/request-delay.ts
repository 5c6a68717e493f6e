// The opt-in head-of-line experiment: a call carrying `x-delay-ms: N` (HTTP header or gRPC metadata) waits
// min(N, maxDelayMs) ms before its handler replies. With maxDelayMs = 0 (the default) adapters never even read
// the header, so the experiment costs nothing when it is off.
export const DELAY_HEADER = "x-delay-ms";

/** Milliseconds to wait for a header value; 0 when off, absent, or not a non-negative integer. */
export function requestDelayMs(headerValue: unknown, maxDelayMs: number): number {
  if (maxDelayMs <= 0 || typeof headerValue !== "string" || !/^\d{1,9}$/.test(headerValue)) return 0;
  return Math.min(Number(headerValue), maxDelayMs);
}
