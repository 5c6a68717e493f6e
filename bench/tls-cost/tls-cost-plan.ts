// The tls family's settings per profile. The quick profile's share of the run is about 15 s, of which starting
// four server processes (a cleartext and a TLS one for the baseline and grpc) takes about half on this 2-core
// machine; so quick measures the claim pair only, 8 lanes only, four short rounds and GetUser small alone for TLS vs
// cleartext. The full profile measures every HTTP/1.1 and HTTP/2 arm, 1 and 8 lanes, more and longer rounds, and
// ListOrders medium too.
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";
import type { WarmUpPlan } from "./server-warm-up.js";
import { MIN_LOAD_REPETITIONS } from "../profile.js";

export interface ConnectionCasePlan {
  /** each mode's unmeasured calls before the first round, at least (kept-alive connections open, sessions to resume) */
  warmupS: number;
  /** unmeasured calls before each window, so it starts in its mode's steady state */
  windowWarmupS: number;
  /** one measured window; each is a repetition with its own server CPU reading */
  windowS: number;
  /** rounds of one window per mode, the modes interleaved (ABBA); each round is a pair for the ratios between modes */
  rounds: number;
  /** no further round once a mode measured this many calls (a connection per call fills the port range) */
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
  /** before a server's first windows, each of its modes warms up until this (the load family's first-run warm-up, for the same reason) */
  serverWarmUp: WarmUpPlan;
  versus: TlsVersusCleartextPlan;
  /** no case starts after this many seconds of the family; what is left is listed as left out */
  budgetS: number;
}

export const TLS_COST_PLANS: Record<ProfileName, TlsCostPlan> = {
  quick: {
    payload: "small",
    lanes: [8],
    connection: { warmupS: 0.05, windowWarmupS: 0.02, windowS: 0.08, rounds: 4, maxCalls: 10_000, timeoutMs: 5_000 },
    serverWarmUp: { minCalls: 300, maxS: 0.2 },
    versus: { payloads: ["small"], concurrency: 32, h2Connections: 4, warmupS: 0.1, durationS: 0.2, repetitions: MIN_LOAD_REPETITIONS.quick, timeoutMs: 10_000 },
    budgetS: 40,
  },
  full: {
    payload: "small",
    lanes: [1, 8],
    connection: { warmupS: 0.2, windowWarmupS: 0.1, windowS: 0.5, rounds: 5, maxCalls: 20_000, timeoutMs: 10_000 },
    serverWarmUp: { minCalls: 3_000, maxS: 1 },
    versus: { payloads: ["small", "medium"], concurrency: 32, h2Connections: 4, warmupS: 0.5, durationS: 1, repetitions: MIN_LOAD_REPETITIONS.full, timeoutMs: 10_000 },
    budgetS: 600,
  },
};
