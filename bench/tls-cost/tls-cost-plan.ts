// The tls family's settings per profile. The quick profile's share of the run is about 15 s, of which starting
// four server processes (a cleartext and a TLS one for rest and grpc) takes about half on this 2-core machine; so
// quick measures the claim pair only, 8 lanes only, two short windows per case and GetUser small alone for TLS vs
// cleartext. The full profile measures every HTTP/1.1 and HTTP/2 arm, 1 and 8 lanes, three windows per case, and
// ListOrders medium too.
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";
import type { WarmUpPlan } from "./server-warm-up.js";
import { MIN_LOAD_REPETITIONS } from "../profile.js";

export interface ConnectionCasePlan {
  /** before the first window; keep-alive connections are opened before it, so their handshakes land here */
  warmupS: number;
  /** one measured window; each is a repetition with its own server CPU reading */
  windowS: number;
  windows: number;
  /** no further window once this many calls were measured (a connection per call fills the port range) */
  maxCalls: number;
  timeoutMs: number;
}

export interface TlsVersusCleartextPlan {
  /** the headline scenarios: GetUser small, ListOrders medium; repetitions follow the load policy (bench/profile.ts) */
  payloads: PayloadClass[];
  concurrency: number;
  h2Connections: number;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
}

export interface TlsCostPlan {
  /** the size class (and so the call) of the connection cases */
  payload: PayloadClass;
  lanes: number[];
  connection: ConnectionCasePlan;
  /** before each server's first case (the load family's first-run warm-up, for the same reason) */
  serverWarmUp: WarmUpPlan;
  versus: TlsVersusCleartextPlan;
  /** no case starts after this many seconds of the family; what is left is listed as left out */
  budgetS: number;
}

export const TLS_COST_PLANS: Record<ProfileName, TlsCostPlan> = {
  quick: {
    payload: "small",
    lanes: [8],
    connection: { warmupS: 0.1, windowS: 0.15, windows: 2, maxCalls: 10_000, timeoutMs: 5_000 },
    serverWarmUp: { minCalls: 2_000, maxS: 0.5 },
    versus: { payloads: ["small"], concurrency: 32, h2Connections: 4, warmupS: 0.1, durationS: 0.2, repetitions: MIN_LOAD_REPETITIONS.quick, timeoutMs: 10_000 },
    budgetS: 40,
  },
  full: {
    payload: "small",
    lanes: [1, 8],
    connection: { warmupS: 0.3, windowS: 0.75, windows: 3, maxCalls: 20_000, timeoutMs: 10_000 },
    serverWarmUp: { minCalls: 8_000, maxS: 3 },
    versus: { payloads: ["small", "medium"], concurrency: 32, h2Connections: 4, warmupS: 0.5, durationS: 1, repetitions: MIN_LOAD_REPETITIONS.full, timeoutMs: 10_000 },
    budgetS: 600,
  },
};
