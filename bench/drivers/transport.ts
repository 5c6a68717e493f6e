// A transport is the protocol half of a driver: it owns connections and issues one call at a time on a lane
// (a connection), reporting completion through a callback. The load shapes (bench/load/closed-loop.ts,
// open-loop.ts) own timing and the in-flight count, so every transport is loaded the same way and measured
// by the same clock.
import type { LoadView } from "../model/load-result.js";
import type { Protocol } from "../model/measurement.js";

/** Called exactly once per call: null when the call succeeded, else its errors.byCode key. */
export type CallDone = (code: string | null) => void;

export interface Transport {
  /** Driver name as reported (h2-frames, h1-lean, grpc-js, undici). */
  readonly driver: string;
  /** the api it speaks (an arm's api) */
  readonly protocol: Protocol;
  readonly view: LoadView;
  /** Number of connections (lanes) the transport spreads calls over. */
  readonly connections: number;
  /** Opens every connection; rejects with a coded error (code ECONNREFUSED…) when the target cannot be reached. */
  open(): Promise<void>;
  /** Issues one call on lane `lane % connections`. Never throws; may call done synchronously. */
  send(lane: number, done: CallDone): void;
  close(): Promise<void>;
}
