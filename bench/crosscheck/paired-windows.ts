// The throughput crosscheck's design: many short windows, ours and theirs side by side in each round, the order
// rotating from round to round. On this shared host the machine's speed moves by tens of percent over seconds, so
// two long back-to-back runs compare two moments of the host; adjacent short windows share the moment, and the
// paired ratio over many rounds cancels it. Rounds in which the hypervisor took part of either CPU (steal) measure
// the host, not the drivers: the verdict leaves them out and says how many there were.
import { mean, median, pairedRatioCi, type RatioEstimate } from "../analysis/statistics.js";

/** One driver's measured window, whichever tool measured it. */
export interface CrosscheckWindow {
  /** successful calls */
  ok: number;
  errors: number;
  seconds: number;
  p50Ms: number | null;
  /** server CPU µs spent during the window; null when it could not be read */
  serverCpuUs: number | null;
  /** load generator CPU / wall; null for the neutral tools (their CPU is not read) */
  clientUtilization: number | null;
  /** fraction of the server's and the load generator's CPU time the hypervisor took; null when unreadable */
  steal: { server: number | null; client: number | null };
}

/** The round's running order: participant i opens round i + 1, so every participant takes every position equally often (AB BA AB … for two). */
export function rotated<T>(participants: readonly T[], round: number): T[] {
  const k = ((round - 1) % participants.length + participants.length) % participants.length;
  return [...participants.slice(k), ...participants.slice(0, k)];
}

/** A window no steal above maxSteal touched (an unreadable steal counts as none: the output says it was unreadable). */
export const withoutSteal = (w: CrosscheckWindow, maxSteal: number) => (w.steal.server ?? 0) <= maxSteal && (w.steal.client ?? 0) <= maxSteal;

export interface PairFigures {
  rounds: number;
  oursRps: number;
  theirsRps: number;
  /** geometric mean of the per-round rps ratios, with a paired 95% CI: the verdict */
  rpsRatio: RatioEstimate;
  /** total calls over total seconds, ours over theirs: the same question weighted by time, shown beside the verdict */
  totalsRatio: number;
  /** 10th and 90th percentile of single-round ratios: what one short back-to-back pair would have said */
  singleRound: [number, number];
  serverCpuUsPerCall: { ours: number | null; theirs: number | null };
  /** server CPU seconds per wall second (1 = its pinned core saturated) */
  serverBusy: { ours: number | null; theirs: number | null };
  oursClientUtilization: number | null;
  /** median of the per-round p50 ratios */
  p50Ratio: number | null;
}

export interface PairSummary {
  /** rounds in which both sides completed a window with at least one successful call */
  measuredRounds: number;
  /** the paired rps ratio over every measured round, steal or not */
  allRounds: RatioEstimate;
  /** mean steal (the larger of the two CPUs') over the measured windows of each side */
  meanSteal: { ours: number | null; theirs: number | null };
  errors: { ours: number; theirs: number };
  /** the figures over the measured rounds in which neither window lost more than maxSteal of either CPU; null when none did */
  clean: PairFigures | null;
}

const rps = (w: CrosscheckWindow) => w.ok / w.seconds;
const meanOrNull = (xs: readonly number[]) => (xs.length === 0 ? null : mean(xs));

function figures(pairs: readonly [CrosscheckWindow, CrosscheckWindow][]): PairFigures | null {
  const rpsRatio = pairedRatioCi(
    pairs.map(([a]) => rps(a)),
    pairs.map(([, b]) => rps(b)),
  );
  if (rpsRatio === null) return null;
  const total = (side: 0 | 1) => {
    const ws = pairs.map((p) => p[side]);
    const ok = ws.reduce((s, w) => s + w.ok, 0);
    const seconds = ws.reduce((s, w) => s + w.seconds, 0);
    const cpu = ws.every((w) => w.serverCpuUs !== null) ? ws.reduce((s, w) => s + (w.serverCpuUs as number), 0) : null;
    return { rps: ok / seconds, cpuPerCall: cpu === null ? null : cpu / (ok + ws.reduce((s, w) => s + w.errors, 0)), busy: cpu === null ? null : cpu / 1e6 / seconds };
  };
  const a = total(0);
  const b = total(1);
  const single = pairs.map(([x, y]) => rps(x) / rps(y)).sort((x, y) => x - y);
  const at = (q: number) => single[Math.min(single.length - 1, Math.floor(q * single.length))]!;
  const p50s = pairs.flatMap(([x, y]) => (x.p50Ms !== null && y.p50Ms !== null && y.p50Ms > 0 ? [x.p50Ms / y.p50Ms] : []));
  return {
    rounds: pairs.length,
    oursRps: a.rps,
    theirsRps: b.rps,
    rpsRatio,
    totalsRatio: a.rps / b.rps,
    singleRound: [at(0.1), at(0.9)],
    serverCpuUsPerCall: { ours: a.cpuPerCall, theirs: b.cpuPerCall },
    serverBusy: { ours: a.busy, theirs: b.busy },
    oursClientUtilization: meanOrNull(pairs.flatMap(([x]) => (x.clientUtilization === null ? [] : [x.clientUtilization]))),
    p50Ratio: p50s.length === 0 ? null : median(p50s),
  };
}

/** Ours against theirs over the rounds both measured; null when there is no such round. */
export function summarizePair(ours: readonly (CrosscheckWindow | undefined)[], theirs: readonly (CrosscheckWindow | undefined)[], maxSteal: number): PairSummary | null {
  const pairs: [CrosscheckWindow, CrosscheckWindow][] = [];
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a !== undefined && b !== undefined && a.ok > 0 && b.ok > 0 && a.seconds > 0 && b.seconds > 0) pairs.push([a, b]);
  }
  const all = figures(pairs);
  if (all === null) return null;
  const steal = (w: CrosscheckWindow) => (w.steal.server === null && w.steal.client === null ? [] : [Math.max(w.steal.server ?? 0, w.steal.client ?? 0)]);
  return {
    measuredRounds: pairs.length,
    allRounds: all.rpsRatio,
    meanSteal: { ours: meanOrNull(pairs.flatMap(([a]) => steal(a))), theirs: meanOrNull(pairs.flatMap(([, b]) => steal(b))) },
    errors: { ours: pairs.reduce((s, [x]) => s + x.errors, 0), theirs: pairs.reduce((s, [, y]) => s + y.errors, 0) },
    clean: figures(pairs.filter(([a, b]) => withoutSteal(a, maxSteal) && withoutSteal(b, maxSteal))),
  };
}
