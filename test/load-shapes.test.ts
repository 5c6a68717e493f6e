// Closed and open loops against a fake transport: how many calls they issue and how they complete. No timing
// assertions: only counts, which the schedule fixes exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CallDone, Transport } from "../bench/drivers/transport.js";
import { CallSink, WindowCounts } from "../bench/load/call-sink.js";
import { ClosedLoop } from "../bench/load/closed-loop.js";
import { OpenLoop } from "../bench/load/open-loop.js";

/** Completes every call after `delayMs` (0 = next tick), with `code`. Counts what it was asked. */
class FakeTransport implements Transport {
  readonly driver = "fake";
  readonly protocol = "grpc" as const;
  readonly view = "server" as const;
  sent = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly perLane = new Map<number, number>();
  constructor(
    readonly connections: number,
    private readonly delayMs = 0,
    private readonly code: string | null = null,
  ) {}
  async open(): Promise<void> {}
  send(lane: number, done: CallDone): void {
    this.sent++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.perLane.set(lane % this.connections, (this.perLane.get(lane % this.connections) ?? 0) + 1);
    const finish = () => {
      this.inFlight--;
      done(this.code);
    };
    if (this.delayMs > 0) setTimeout(finish, this.delayMs);
    else setImmediate(finish);
  }
  async close(): Promise<void> {}
}

test("open loop issues exactly maxCalls calls and records each", async () => {
  const transport = new FakeTransport(2);
  const loop = new OpenLoop(transport, { rate: 2000, maxInFlight: 8, maxCalls: 50 });
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  await loop.whenAllDone();
  await loop.stop();
  assert.equal(transport.sent, 50);
  assert.equal(window.ok, 50);
  assert.equal(window.histogram.totalCount, 50);
  const lag = loop.sendLag();
  assert.equal(lag.scheduled, 50);
  assert.equal(lag.dropped, 0);
});

test("open loop never exceeds its in-flight cap; calls due meanwhile wait in the backlog and are all sent", async () => {
  const transport = new FakeTransport(1, 5);
  const loop = new OpenLoop(transport, { rate: 5000, maxInFlight: 2, maxCalls: 30 });
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  await loop.whenAllDone();
  await loop.stop();
  assert.equal(transport.sent, 30);
  assert.ok(transport.maxInFlight <= 2, `in flight reached ${transport.maxInFlight}`);
  assert.equal(window.ok, 30);
  assert.ok(loop.sendLag().queued > 0, "a 5 ms call at 5000/s with 2 slots must queue");
});

test("open loop drops calls beyond its backlog and counts them as errors", async () => {
  const transport = new FakeTransport(1, 20);
  const loop = new OpenLoop(transport, { rate: 10_000, maxInFlight: 1, maxCalls: 40, backlogCapacity: 4 });
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  await loop.whenAllDone();
  await loop.stop();
  const lag = loop.sendLag();
  assert.equal(lag.scheduled, 40);
  assert.equal(window.ok + window.errors.total, 40);
  assert.equal(window.errors.toModel().byCode["backlog-overflow"], lag.dropped);
  assert.ok(lag.dropped > 0);
});

test("open loop: calls still in the backlog at stop are never sent, and are counted as backlogAtStop", async () => {
  // one slot, held until released by hand: every call after the first waits in the backlog
  const held: CallDone[] = [];
  const transport: Transport = {
    driver: "held",
    protocol: "grpc",
    view: "server",
    connections: 1,
    open: async () => {},
    send: (_lane, done) => void held.push(done),
    close: async () => {},
  };
  const loop = new OpenLoop(transport, { rate: 10_000, maxInFlight: 1, maxCalls: 20, drainGraceMs: 1000 });
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  for (let i = 0; i < 500 && loop.sendLag().scheduled < 20; i++) await new Promise((r) => setTimeout(r, 2));
  assert.equal(loop.sendLag().scheduled, 20);
  assert.equal(loop.sendLag().backlogAtStop, 0, "nothing is counted before stop");
  const stopped = loop.stop();
  held.shift()?.(null); // the one call in flight completes during the drain
  await stopped;
  const lag = loop.sendLag();
  assert.equal(held.length, 0, "no backlogged call was sent after stop");
  assert.equal(window.ok, 1);
  assert.equal(lag.queued, 19);
  assert.equal(lag.backlogAtStop, 19);
  assert.ok(lag.backlogAtStopOldestWaitMs !== null && lag.backlogAtStopOldestWaitMs >= 0);
});

test("open loop: an empty backlog at stop reports 0 and no wait", async () => {
  const loop = new OpenLoop(new FakeTransport(1), { rate: 2000, maxInFlight: 4, maxCalls: 10 });
  loop.start(new CallSink());
  await loop.whenAllDone();
  await loop.stop();
  assert.equal(loop.sendLag().backlogAtStop, 0);
  assert.equal(loop.sendLag().backlogAtStopOldestWaitMs, null);
});

test("closed loop keeps exactly `concurrency` calls in flight, spread over the connections", async () => {
  const transport = new FakeTransport(4, 1);
  const loop = new ClosedLoop(transport, 12);
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  assert.equal(transport.inFlight, 12);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await loop.stop();
  assert.equal(transport.inFlight, 0);
  assert.equal(transport.maxInFlight, 12);
  assert.ok(window.ok >= 12);
  assert.equal(transport.sent, window.ok);
  const lanes = [...transport.perLane.values()];
  assert.equal(lanes.length, 4);
});

test("errors are counted by code and never recorded as latency", async () => {
  const transport = new FakeTransport(1, 0, "UNAVAILABLE");
  const loop = new ClosedLoop(transport, 3);
  const sink = new CallSink();
  const window = new WindowCounts();
  sink.pointAt(window);
  loop.start(sink);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await loop.stop();
  assert.ok(window.errors.total > 0);
  assert.equal(window.ok, 0);
  assert.equal(window.histogram.totalCount, 0);
  assert.deepEqual(Object.keys(window.errors.toModel().byCode), ["UNAVAILABLE"]);
});
