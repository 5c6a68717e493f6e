// The running order of interleaved rounds: even rounds in the given order, odd rounds reversed (AB BA AB …; for
// more, ABC CBA ABC …). Over each pair of rounds every participant's mean position is the same, so a host that
// speeds up or slows down steadily weighs on all of them alike, and round i of one pairs with round i of another.

/** The participants in round `round`'s order (0-based). */
export function abbaOrder<T>(participants: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...participants] : [...participants].reverse();
}
