// The compression family's configurations per profile, as data. Quick stays near 15 s on a 2-core machine: the
// smallest class (where compression does not pay) and the large one (where it does); full adds the others.
import type { PayloadClass } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";

export interface CompressionPlan {
  /** response direction: the classes' own calls (GetUser, ListOrders) */
  responseClasses: PayloadClass[];
  /** REST responses under the load engine: closed loop, h1-lean, this many in flight (one connection each) */
  inFlight: number;
  warmupS: number;
  durationS: number;
  repetitions: number;
  timeoutMs: number;
  /** request direction (UpdateUser): sequential calls per configuration */
  sequentialCalls: number;
  sequentialWarmupCalls: number;
  /** calls per wire probe: the first and the last are reported */
  probeCalls: number;
  /** budget of each stand-alone codec timing, ms */
  codecTimingMs: number;
  /** deflate as well as gzip: the same zlib stream without gzip's header, so quick leaves it to full */
  deflate: boolean;
}

export const COMPRESSION_PLANS: Record<ProfileName, CompressionPlan> = {
  quick: {
    responseClasses: ["small", "large"],
    inFlight: 4,
    warmupS: 0.3,
    durationS: 0.5,
    repetitions: 1,
    timeoutMs: 10_000,
    sequentialCalls: 300,
    sequentialWarmupCalls: 200,
    probeCalls: 4,
    codecTimingMs: 50,
    deflate: false,
  },
  full: {
    responseClasses: ["small", "medium", "large", "xlarge"],
    inFlight: 4,
    warmupS: 1,
    durationS: 3,
    repetitions: 3,
    timeoutMs: 30_000,
    sequentialCalls: 2_000,
    sequentialWarmupCalls: 500,
    probeCalls: 6,
    codecTimingMs: 300,
    deflate: true,
  },
};
