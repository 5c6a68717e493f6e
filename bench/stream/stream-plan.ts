// The stream family's scenarios per profile, as data. Quick stays within ~15 s on a 2-core machine;
// full runs every size the issue asks for with more repetitions.
import type { ProfileName } from "../model/report.js";

export interface StreamPlan {
  /** Orders per server-stream case. */
  orderCounts: number[];
  /** Measured repetitions for a given order count (after one warm-up fetch). */
  orderRepetitions(count: number): number;
  warmupOrders: number;
  /** Client-stream upload sizes, bytes. */
  uploadBytes: number[];
  uploadChunkBytes: number;
  uploadRepetitions(bytes: number): number;
  chatMessages: number;
  chatWarmupMessages: number;
  /** One repetition's deadline. */
  repetitionTimeoutMs: number;
}

const MiB = 1024 * 1024;

export const STREAM_PLANS: Record<ProfileName, StreamPlan> = {
  quick: {
    // 100 000 orders take ~5 s per configuration (the server generates each order): full profile only.
    orderCounts: [10, 1_000, 10_000],
    orderRepetitions: (n) => (n <= 10 ? 10 : n <= 1_000 ? 3 : 1),
    warmupOrders: 100,
    // 64 MiB uploads are the full profile's: 16 MiB already takes hundreds of chunks through both flow controls.
    uploadBytes: [1 * MiB, 16 * MiB],
    uploadChunkBytes: 64 * 1024,
    uploadRepetitions: (bytes) => (bytes <= MiB ? 3 : 1),
    chatMessages: 1_000,
    chatWarmupMessages: 100,
    repetitionTimeoutMs: 60_000,
  },
  full: {
    orderCounts: [10, 1_000, 100_000],
    orderRepetitions: (n) => (n <= 10 ? 30 : n <= 1_000 ? 10 : 3),
    warmupOrders: 100,
    uploadBytes: [1 * MiB, 64 * MiB],
    uploadChunkBytes: 64 * 1024,
    uploadRepetitions: (bytes) => (bytes <= MiB ? 10 : 3),
    chatMessages: 5_000,
    chatWarmupMessages: 500,
    repetitionTimeoutMs: 120_000,
  },
};

/** The message every Chat case sends (64 characters, ASCII and not). */
export const CHAT_TEXT = "hello from the stream family — 你好 — ☕ round trip #00000 padding.";

/** Why a WebSocket is the REST side's bidirectional equivalent; copied into each bidi entry. */
export const WEBSOCKET_RATIONALE =
  "REST-side equivalent of a bidi stream: a WebSocket is what a team would build for a long-lived two-way " +
  "message channel over HTTP/1.1 — one connection, per-message framing, either side may send at any time, " +
  "like one gRPC bidi stream. Request/response polling would measure one HTTP request per message (headers, " +
  "a round trip to even learn there is nothing new) and cannot push server-initiated messages; SSE is one-way.";

/** Added to the note of every entry measured over TLS (grpcs:// and https:// targets). */
export const STREAM_TLS_NOTE =
  "over TLS: the connection was opened and its handshake made before the measured window (warm-up); wireBytes are " +
  "TCP bytes, TLS records included";
