// A load generator keeps calls flowing into a CallSink until stopped. Closed and open loops drive a Transport;
// autocannon drives itself. The window runner only sees this interface.
import type { CallSink } from "./call-sink.js";

export interface LoadGenerator {
  /** Starts issuing calls; results go to `sink` until stop() resolves. */
  start(sink: CallSink): void;
  /** Stops issuing calls and waits (bounded) for the ones in flight. */
  stop(): Promise<void>;
  /** Open loop only: how far actual sends lagged their intended times, over the whole run. */
  sendLag?(): SendLag;
}

export interface SendLag {
  scheduled: number;
  /** calls that waited for a free in-flight slot (connection or stream) */
  queued: number;
  /** calls dropped because the backlog was full (counted as "backlog-overflow" errors) */
  dropped: number;
  meanMs: number;
  maxMs: number;
  /** calls due but still waiting for a slot when the loop stopped: never sent, so in no window's figures */
  backlogAtStop: number;
  /** how long the oldest of those had waited (a lower bound on its latency); null when none waited */
  backlogAtStopOldestWaitMs: number | null;
}

/** Waits until `isIdle()` or `graceMs` passes. */
export function waitIdle(isIdle: () => boolean, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + graceMs;
    const poll = () => (isIdle() || Date.now() >= deadline ? resolve() : setTimeout(poll, 5));
    poll();
  });
}
