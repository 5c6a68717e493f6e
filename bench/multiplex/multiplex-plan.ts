// The multiplex family's scenarios per profile, as data. Quick stays near 20 s on a 2-core machine; full runs
// every in-flight level the issue asks for, with repetitions.
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";

export interface HeadOfLinePlan {
  /** most calls in flight at once, equal for every HOL configuration */
  inFlight: number;
  /** open-loop arrival rate, calls/s: below capacity, so latency shows blocking rather than CPU queueing */
  rateRps: number;
  /** every `slowEvery`-th call carries x-delay-ms (1/slowEvery of the calls are slow) */
  slowEvery: number;
  slowDelayMs: number;
  warmupS: number;
  durationS: number;
}

export interface MultiplexPlan {
  /** calls in flight, the same for every configuration compared */
  inFlight: number[];
  /** k in "gRPC k connections × N/k streams" */
  grpcConnections: number;
  /** connections of the REST pool where calls queue */
  poolConnections: number;
  payload: PayloadClass;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
  headOfLine: HeadOfLinePlan;
}

export const MULTIPLEX_PLANS: Record<ProfileName, MultiplexPlan> = {
  quick: {
    // the two ends: one call in flight (no multiplexing to gain) and 64 (where connection counts matter)
    inFlight: [1, 64],
    grpcConnections: 4,
    poolConnections: 4,
    payload: "small",
    warmupS: 0.2,
    durationS: 0.5,
    repetitions: 1,
    timeoutMs: 5000,
    headOfLine: { inFlight: 16, rateRps: 800, slowEvery: 20, slowDelayMs: 50, warmupS: 0.2, durationS: 1 },
  },
  full: {
    inFlight: [1, 8, 64, 256],
    grpcConnections: 4,
    poolConnections: 4,
    payload: "small",
    warmupS: 1,
    durationS: 3,
    repetitions: 3,
    timeoutMs: 10_000,
    headOfLine: { inFlight: 16, rateRps: 800, slowEvery: 20, slowDelayMs: 50, warmupS: 1, durationS: 8 },
  },
};
