// Open loop: calls are due at fixed intended times (t0 + k / rate) whatever the server does, and latency is
// measured from the intended time, not from the actual send: a stalled server cannot hide the calls it delayed
// (coordinated-omission correction, as wrk2). In-flight calls are capped at maxInFlight (connections × streams,
// or connections for HTTP/1.1); a due call with no free slot waits in a backlog and its wait counts as latency.
//
// Node timers fire on whole milliseconds, late. Sending only calls already due would add 0–1 ms of timer
// lateness to every latency; instead each tick also sends calls due within the next `earlyMs` (0.5 ms), and a
// call's latency is measured from the earlier of its intended time and its actual send: an early call is timed
// from when it really left (never shorter than its service time), a late one from when it was due (never
// hiding the delay). The rate is exact; sendLag() reports how early or late sends really were.
//
// At stop() the calls still waiting in the backlog were never sent: they are not results (no latency, no
// outcome), but under overload they are the ones that waited longest, so their count and the oldest one's
// wait are reported (backlogAtStop) rather than silently dropped.
//
// Memory is constant in the run length: the backlog is one preallocated Float64Array ring of intended times,
// slots are preallocated, and nothing is kept per call.
import { performance } from "node:perf_hooks";
import type { CallDone, Transport } from "../drivers/transport.js";
import type { CallSink } from "./call-sink.js";
import { waitIdle, type LoadGenerator, type SendLag } from "./load-generator.js";

export interface OpenLoopOptions {
  /** calls per second */
  rate: number;
  maxInFlight: number;
  /** Stop scheduling after this many calls (tests, bounded runs); unlimited by default. */
  maxCalls?: number;
  /** Backlog capacity in calls; beyond it due calls are dropped and counted as "backlog-overflow". */
  backlogCapacity?: number;
  /** How far ahead of its intended time a call may be sent to offset timer granularity (default 0.5 ms). */
  earlyMs?: number;
  drainGraceMs?: number;
}

const DEFAULT_BACKLOG = 1 << 20; // 8 MB of intended times

export class OpenLoop implements LoadGenerator {
  private running = false;
  private sink: CallSink | null = null;
  private readonly slots: OpenSlot[] = [];
  private readonly free: Int32Array;
  private freeCount = 0;
  private readonly backlog: Float64Array;
  private backlogHead = 0;
  private backlogSize = 0;
  private readonly intervalMs: number;
  private t0 = 0;
  private scheduled = 0;
  private queued = 0;
  private dropped = 0;
  private lagSumMs = 0;
  private lagMaxMs = 0;
  private sends = 0;
  private backlogAtStop = 0;
  private backlogAtStopOldestWaitMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly options: OpenLoopOptions,
  ) {
    if (!(options.rate > 0)) throw new RangeError(`open-loop rate must be > 0, got ${options.rate}`);
    if (!(options.maxInFlight >= 1)) throw new RangeError(`maxInFlight must be >= 1, got ${options.maxInFlight}`);
    this.intervalMs = 1000 / options.rate;
    this.free = new Int32Array(options.maxInFlight);
    this.backlog = new Float64Array(options.backlogCapacity ?? DEFAULT_BACKLOG);
  }

  start(sink: CallSink): void {
    this.sink = sink;
    for (let i = 0; i < this.options.maxInFlight; i++) {
      this.slots.push(new OpenSlot(this, this.transport, sink, i));
      this.free[this.freeCount++] = i;
    }
    this.running = true;
    this.t0 = performance.now();
    this.tick();
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (!this.running) return;
    const now = performance.now();
    const horizon = now + (this.options.earlyMs ?? 0.5);
    const limit = this.options.maxCalls ?? Infinity;
    let intended = this.t0 + this.scheduled * this.intervalMs;
    while (intended <= horizon && this.scheduled < limit) {
      this.scheduled++;
      this.dispatch(intended, now);
      intended = this.t0 + this.scheduled * this.intervalMs;
    }
    if (this.scheduled >= limit) return;
    this.timer = setTimeout(this.tick, Math.max(0, intended - (this.options.earlyMs ?? 0.5) - performance.now()));
  };

  private dispatch(intended: number, now: number): void {
    if (this.freeCount > 0) {
      const slot = this.slots[this.free[--this.freeCount] as number] as OpenSlot;
      this.noteSend(intended, now);
      slot.fire(intended);
      return;
    }
    if (this.backlogSize === this.backlog.length) {
      this.dropped++;
      this.sink?.error("backlog-overflow");
      return;
    }
    this.queued++;
    this.backlog[(this.backlogHead + this.backlogSize++) % this.backlog.length] = intended;
  }

  private noteSend(intended: number, now: number): void {
    const lag = now - intended;
    this.sends++;
    this.lagSumMs += lag;
    if (lag > this.lagMaxMs) this.lagMaxMs = lag;
  }

  /** @internal a slot finished: give it the oldest waiting call, or free it. */
  release(slot: OpenSlot): void {
    if (this.running && this.backlogSize > 0) {
      const intended = this.backlog[this.backlogHead] as number;
      this.backlogHead = (this.backlogHead + 1) % this.backlog.length;
      this.backlogSize--;
      this.noteSend(intended, performance.now());
      slot.fire(intended);
      return;
    }
    this.free[this.freeCount++] = slot.index;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    // Waiting calls were never sent: they are not results, and the run is over; count them so the report says so.
    if (this.backlogSize > 0) {
      this.backlogAtStop += this.backlogSize;
      const oldestWaitMs = performance.now() - (this.backlog[this.backlogHead] as number);
      this.backlogAtStopOldestWaitMs = Math.max(this.backlogAtStopOldestWaitMs ?? 0, oldestWaitMs);
    }
    this.backlogSize = 0;
    await waitIdle(() => this.freeCount === this.options.maxInFlight, this.options.drainGraceMs ?? 2000);
  }

  /** Resolves once maxCalls calls were scheduled and all of them completed (bounded runs). */
  whenAllDone(): Promise<void> {
    const limit = this.options.maxCalls;
    if (limit === undefined) return Promise.reject(new Error("whenAllDone needs maxCalls"));
    return waitIdle(
      () => this.scheduled >= limit && this.backlogSize === 0 && this.freeCount === this.options.maxInFlight,
      Number.MAX_SAFE_INTEGER,
    );
  }

  sendLag(): SendLag {
    return {
      scheduled: this.scheduled,
      queued: this.queued,
      dropped: this.dropped,
      meanMs: this.sends === 0 ? 0 : this.lagSumMs / this.sends,
      maxMs: this.lagMaxMs,
      backlogAtStop: this.backlogAtStop,
      backlogAtStopOldestWaitMs: this.backlogAtStopOldestWaitMs,
    };
  }
}

class OpenSlot {
  private origin = 0;
  private sending = false;
  readonly done: CallDone = (code) => {
    // From the intended send time (or the actual one, if the call went out early): queueing behind a slow
    // server is part of what the user waits.
    const latencyUs = (performance.now() - this.origin) * 1000;
    if (code === null) this.sink.ok(latencyUs);
    else this.sink.error(code);
    if (this.sending) setImmediate(() => this.loop.release(this));
    else this.loop.release(this);
  };

  constructor(
    private readonly loop: OpenLoop,
    private readonly transport: Transport,
    private readonly sink: CallSink,
    readonly index: number,
  ) {}

  fire(intended: number): void {
    const now = performance.now();
    this.origin = intended > now ? now : intended;
    this.sending = true;
    this.transport.send(this.index, this.done);
    this.sending = false;
  }
}
