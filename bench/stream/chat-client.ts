// Bidirectional streaming, measured as a conversation: one long-lived stream (gRPC Chat) or socket
// (WebSocket), one message out, wait for its echo, next message. Each echo must carry the same session,
// sequence and text back with server_time set, or the run is not verified.
import type { Protocol } from "../model/measurement.js";
import { createHistogram, recordUs, type LatencyHistogram } from "../histogram.js";
import { shop } from "../../proto/generated/shop.js";

export const CHAT_SESSION = "bench-session";

export interface ChatOutcome {
  messages: number;
  /** Round trip per message, µs. */
  histogram: LatencyHistogram;
  elapsedMs: number;
  verified: boolean;
  failure?: string;
}

export interface ChatClient {
  readonly configuration: string;
  readonly protocol: Protocol;
  readonly driver: string;
  /** Connect and open the stream; not part of any timed window. */
  open(): Promise<void>;
  /** `count` sequential round trips on the open stream, sequences starting at `firstSequence`. */
  converse(count: number, firstSequence: number, text: string): Promise<ChatOutcome>;
  close(): Promise<void>;
}

export function chatMessage(sequence: number, text: string): shop.v1.IChatMessage {
  const ms = Date.now();
  return { sessionId: CHAT_SESSION, sequence, text, sentAt: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 } };
}

/** Why an echo does not match what was sent, or null when it does. */
export function echoMismatch(sent: shop.v1.IChatMessage, echo: shop.v1.IChatMessage): string | null {
  if (echo.sessionId !== sent.sessionId) return `session ${JSON.stringify(echo.sessionId)} != ${JSON.stringify(sent.sessionId)}`;
  if (String(echo.sequence ?? 0) !== String(sent.sequence)) return `sequence ${String(echo.sequence)} != ${String(sent.sequence)}`;
  if (echo.text !== sent.text) return `text of message ${String(sent.sequence)} changed`;
  if (!echo.serverTime || Number(echo.serverTime.seconds ?? 0) <= 0) return `message ${String(sent.sequence)} came back without server_time`;
  return null;
}

/**
 * Drives `count` sequential round trips: `send` writes one message, `nextEcho` resolves with its echo
 * (or rejects when the stream broke). Shared by the gRPC and WebSocket clients so both time the same thing.
 */
export async function converse(
  count: number,
  firstSequence: number,
  text: string,
  send: (message: shop.v1.IChatMessage) => void,
  nextEcho: () => Promise<shop.v1.IChatMessage>,
): Promise<ChatOutcome> {
  const histogram = createHistogram();
  const start = performance.now();
  let messages = 0;
  try {
    for (let i = 0; i < count; i++) {
      const sent = chatMessage(firstSequence + i, text);
      const t0 = performance.now();
      const echoed = nextEcho();
      send(sent);
      const echo = await echoed;
      recordUs(histogram, (performance.now() - t0) * 1000);
      messages++;
      const mismatch = echoMismatch(sent, echo);
      if (mismatch) return { messages, histogram, elapsedMs: performance.now() - start, verified: false, failure: mismatch };
    }
  } catch (err) {
    return { messages, histogram, elapsedMs: performance.now() - start, verified: false, failure: (err as Error).message };
  }
  return { messages, histogram, elapsedMs: performance.now() - start, verified: messages === count };
}

/** Turns a stream of incoming messages into "await the next one", failing every waiter once the stream breaks. */
export class EchoQueue<T> {
  #ready: T[] = [];
  #waiting: { resolve: (m: T) => void; reject: (e: Error) => void }[] = [];
  #broken: Error | null = null;

  push(message: T): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(message);
    else this.#ready.push(message);
  }

  fail(error: Error): void {
    this.#broken ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }

  next(): Promise<T> {
    const ready = this.#ready.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }
}
