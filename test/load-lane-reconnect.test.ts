// The reconnect policy both lean gRPC drivers share: calls for a lane without a connection wait for one
// reconnect and go out on it, a failed reconnect fails them with its transport code, and a closing transport
// fails them as "reset". The connection is a promise the test settles, so nothing depends on timing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { LaneReconnect } from "../bench/drivers/lane-reconnect.js";

function controlledConnect() {
  const attempts: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const connect = () => new Promise<void>((resolve, reject) => attempts.push({ resolve, reject }));
  return { attempts, connect };
}

const outcome = (lane: LaneReconnect) => new Promise<string | null>((resolve) => lane.send(resolve));

test("calls wait for one reconnect and go out on it", async () => {
  const { attempts, connect } = controlledConnect();
  const resent: number[] = [];
  let n = 0;
  const lane = new LaneReconnect(connect, (done) => { resent.push(n++); done(null); }, () => false);
  const calls = [outcome(lane), outcome(lane), outcome(lane)];
  assert.equal(attempts.length, 1, "one reconnect for all of them");
  attempts[0]!.resolve();
  assert.deepEqual(await Promise.all(calls), [null, null, null]);
  assert.deepEqual(resent, [0, 1, 2], "in the order they came");
});

test("a failed reconnect fails the waiting calls with its transport code", async () => {
  const { attempts, connect } = controlledConnect();
  const lane = new LaneReconnect(connect, () => assert.fail("nothing to resend"), () => false);
  const calls = [outcome(lane), outcome(lane)];
  attempts[0]!.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
  assert.deepEqual(await Promise.all(calls), ["refused", "refused"]);
});

test("a closing transport fails calls as reset without reconnecting", async () => {
  const { attempts, connect } = controlledConnect();
  const lane = new LaneReconnect(connect, () => assert.fail("nothing to resend"), () => true);
  assert.equal(await outcome(lane), "reset");
  assert.equal(attempts.length, 0);
});
