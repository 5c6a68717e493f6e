// The one write loop of every server-streaming reply (gRPC StreamOrders, REST NDJSON), so both sides pace
// alike: write items as they are produced until the transport pushes back, then wait for it to drain. After a
// burst without pushback the loop yields to the event loop, so one fast stream cannot starve other calls.
export interface StreamTarget<T> {
  /** Writes one item; false means "buffer full, wait for drain" (Node's Writable contract). */
  write(item: T): boolean;
  /** Resolves on drain, or when the target closes. */
  drained(): Promise<void>;
  /** True once the peer went away (cancelled, reset, closed). */
  readonly closed: boolean;
  /** Optional: called around each synchronous burst (REST corks the socket, as HTTP/2 batches frames per tick). */
  beginBurst?(): void;
  endBurst?(): void;
}

export type PumpEnd = "complete" | "closed";

const BURST = 256;

export async function pump<T>(items: Iterator<T>, target: StreamTarget<T>): Promise<PumpEnd> {
  for (;;) {
    let pushback = false;
    target.beginBurst?.();
    try {
      for (let n = 0; n < BURST && !pushback; n++) {
        if (target.closed) return "closed";
        const next = items.next();
        if (next.done) return "complete";
        pushback = !target.write(next.value);
      }
    } finally {
      target.endBurst?.();
    }
    if (pushback) await target.drained();
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
