// Interleaved, paired windows: the one mechanism behind every ratio of two things measured on this shared host
// (each arm against the baseline in the load family, the connection modes in the tls family, our drivers against
// h2load and wrk in the crosscheck). The host's speed drifts by tens of percent over seconds, so two long runs back
// to back compare two moments of the host. Instead, short windows of A and B run side by side in rounds; the order
// alternates (AB BA AB …) so that neither always goes first; and the ratio comes from the per-round log-ratios
// (pairedRatioCi), so whatever both windows of a round shared cancels. Windows the hypervisor took CPU from
// (heavySteal) measured the host, not the code: their rounds are set aside and counted.
import { pairedRatioCi, type RatioEstimate } from "../analysis/statistics.js";
import type { Measurement } from "../model/measurement.js";
import type { ProfileName } from "../model/report.js";

/**
 * Rounds for the claim pair (the baseline and grpc) in the load family's main scenarios, and for every --config
 * call's: the ratios the decision summary reads get more paired windows than the other arms' (which run the
 * profile's repetitions, spread evenly over the same rounds). --rounds N replaces it for a run.
 */
export const PAIR_ROUNDS: Record<ProfileName, number> = { quick: 10, full: 12 };

/** The range --rounds takes: at least what compare's test needs per side, at most about half an hour of quick windows. */
export const MIN_ROUNDS = 3;
export const MAX_ROUNDS = 1000;

/**
 * A run's --rounds N over scenarios already given their rounds: none runs more than N (the claim pair's main
 * scenarios were given N, the others keep fewer), so N bounds the run's length as well as setting its precision.
 */
export function capRounds<T extends { repetitions: number }>(scenarios: readonly T[], rounds: number | undefined): T[] {
  return scenarios.map((s) => (rounds !== undefined && s.repetitions > rounds ? { ...s, repetitions: rounds } : s));
}

/**
 * The participants in round `round`'s order (0-based): even rounds as given, odd rounds reversed (AB BA AB …; for
 * more, ABC CBA ABC …). Over each two rounds every participant's mean position is the same, so a host that speeds
 * up or slows down steadily weighs on all of them alike.
 */
export function abbaOrder<T>(participants: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...participants] : [...participants].reverse();
}

export interface RoundPairs {
  /** [candidate, baseline] windows of the same round, both completed, neither heavily stolen from */
  pairs: [Measurement, Measurement][];
  /** rounds both measured but set aside because either window lost more than the heavy-steal threshold */
  heavySteal: number;
}

/**
 * The completed windows of two entries paired by the round they ran in; null when either side's windows carry no
 * round (a report from before paired rounds, or a single-window entry): such entries are compared unpaired.
 */
export function pairByRound(candidate: readonly Measurement[], baseline: readonly Measurement[]): RoundPairs | null {
  if (candidate.length === 0 || baseline.length === 0 || ![...candidate, ...baseline].every((w) => w.round !== undefined)) return null;
  const byRound = new Map(baseline.filter((w) => w.endReason === "completed").map((w) => [w.round as number, w]));
  const pairs: [Measurement, Measurement][] = [];
  let heavySteal = 0;
  for (const c of candidate) {
    const b = byRound.get(c.round as number);
    if (c.endReason !== "completed" || b === undefined) continue;
    if (c.heavySteal === true || b.heavySteal === true) heavySteal++;
    else pairs.push([c, b]);
  }
  return { pairs, heavySteal };
}

/** Candidate / baseline of one figure over paired rounds (pairs where either figure is missing are skipped). */
export function pairedRatio(pairs: readonly [Measurement, Measurement][], pick: (m: Measurement) => number | null): (RatioEstimate & { rounds: number }) | null {
  const a: number[] = [];
  const b: number[] = [];
  for (const [c, base] of pairs) {
    const x = pick(c);
    const y = pick(base);
    if (x === null || y === null || !(x > 0) || !(y > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    a.push(x);
    b.push(y);
  }
  const estimate = pairedRatioCi(a, b);
  return estimate === null ? null : { ...estimate, rounds: a.length };
}

/**
 * Whether a scenario of `repetitions` windows takes part in round `round` (1-based) of `rounds`: its windows are
 * spread evenly over the rounds (4 of 10: rounds 1, 3, 6, 8), so every arm samples the whole run's time span and
 * always pairs with a baseline window of the same round. Every scenario takes part in round 1.
 */
export function takesPart(repetitions: number, round: number, rounds: number): boolean {
  if (repetitions >= rounds) return round <= rounds;
  return Math.ceil((round * repetitions) / rounds) > Math.ceil(((round - 1) * repetitions) / rounds);
}

/**
 * The order of the windows in each round (1-based), one group of scenarios after another (a group: one scenario's
 * arms, paired with each other): the group's scenarios due in that round (takesPart), in ABBA order. The order
 * alternates per set of participants, however many rounds it skips, so a pair that meets in rounds 1, 3, 6 and 8
 * still runs AB, BA, AB, BA. Call it once per round, in round order.
 */
export function roundSchedule<T extends { id: string; repetitions: number }>(groups: readonly (readonly T[])[], rounds: number): (round: number) => T[] {
  const orderTurns = new Map<string, number>();
  return (round) =>
    groups.flatMap((group) => {
      const due = group.filter((s) => takesPart(s.repetitions, round, rounds));
      const key = due.map((s) => s.id).join("\u0000");
      const turn = orderTurns.get(key) ?? 0;
      orderTurns.set(key, turn + 1);
      return abbaOrder(due, turn);
    });
}
