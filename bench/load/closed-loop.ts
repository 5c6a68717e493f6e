// Closed loop: a fixed number of calls in flight; each completion immediately issues the next call on the
// same slot. Slot i uses lane (connection) i % connections, so concurrency = connections × streams for
// HTTP/2 and concurrency = connections for HTTP/1.1 without pipelining. Latency is send → completion.
import { performance } from "node:perf_hooks";
import type { CallDone, Transport } from "../drivers/transport.js";
import type { CallSink } from "./call-sink.js";
import { waitIdle, type LoadGenerator } from "./load-generator.js";

export class ClosedLoop implements LoadGenerator {
  private running = false;
  private inFlight = 0;
  private readonly slots: ClosedSlot[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly concurrency: number,
    private readonly drainGraceMs = 2000,
  ) {}

  start(sink: CallSink): void {
    this.running = true;
    for (let i = 0; i < this.concurrency; i++) {
      const slot = new ClosedSlot(this, this.transport, sink, i);
      this.slots.push(slot);
      this.inFlight++;
      slot.fire();
    }
  }

  /** @internal */
  isRunning(): boolean {
    return this.running;
  }

  /** @internal */
  retire(): void {
    this.inFlight--;
  }

  async stop(): Promise<void> {
    this.running = false;
    await waitIdle(() => this.inFlight === 0, this.drainGraceMs);
  }
}

class ClosedSlot {
  private startedAt = 0;
  private sending = false;
  readonly fire = (): void => {
    this.startedAt = performance.now();
    this.sending = true;
    this.transport.send(this.lane, this.done);
    this.sending = false;
  };
  readonly done: CallDone = (code) => {
    const latencyUs = (performance.now() - this.startedAt) * 1000;
    if (code === null) this.sink.ok(latencyUs);
    else this.sink.error(code);
    if (!this.loop.isRunning()) {
      this.loop.retire();
      return;
    }
    // A transport that completes synchronously (an immediate local failure) must not recurse.
    if (this.sending) setImmediate(this.fire);
    else this.fire();
  };

  constructor(
    private readonly loop: ClosedLoop,
    private readonly transport: Transport,
    private readonly sink: CallSink,
    private readonly lane: number,
  ) {}
}
