// The measured part every repeated streaming case shares (server streaming, upload): repetitions after the
// warm-up, each inside a probe, stopping at the first failure; then the probe figures (peak RSS the maximum,
// server CPU the median, wire bytes of the last repetition) and the end reason, the same for every case.
import type { StreamResult } from "../model/stream-result.js";
import { openProbe, type ProbeReading } from "./case-probe.js";
import { maxOrNull, median, round, type StreamCaseContext } from "./stream-case-context.js";

/** Runs `work` inside a probe: peak RSS, server CPU and wire bytes cover it and nothing else. */
export async function probed<T>(ctx: StreamCaseContext, work: () => Promise<T>): Promise<{ outcome: T; probe: ProbeReading; startedAt: string }> {
  const probe = await openProbe(ctx.meter, ctx.server);
  const startedAt = new Date().toISOString();
  const outcome = await work();
  return { outcome, probe: await probe.finish(), startedAt };
}

export interface Repetitions<T> {
  outcomes: T[];
  probes: ProbeReading[];
  /** when each outcome's repetition started */
  startedAt: string[];
  /** the first failure (the one passed in, e.g. a failed warm-up, means no repetition ran) */
  failure: string | undefined;
}

/** Up to `repetitions` runs of `once`, stopping at the first failure (`failureOf`) or when the family is aborted. */
export async function measureRepetitions<T>(
  repetitions: number,
  ctx: StreamCaseContext,
  failure: string | undefined,
  once: () => Promise<{ outcome: T; probe: ProbeReading | null; startedAt?: string }>,
  failureOf: (outcome: T) => string | undefined,
): Promise<Repetitions<T>> {
  const outcomes: T[] = [];
  const probes: ProbeReading[] = [];
  const startedAt: string[] = [];
  let first = failure;
  for (let rep = 0; rep < repetitions && !first && !ctx.signal.aborted; rep++) {
    const began = new Date().toISOString();
    const { outcome, probe, startedAt: at } = await once();
    outcomes.push(outcome);
    startedAt.push(at ?? began);
    if (probe) probes.push(probe);
    first = failureOf(outcome);
  }
  return { outcomes, probes, startedAt, failure: first };
}

/** What the probes of the repetitions add to a StreamResult. */
export function probeFigures(probes: readonly ProbeReading[]): Pick<StreamResult, "clientPeakRssMb" | "serverPeakRssMb" | "clientRssStartMb" | "serverRssStartMb" | "serverCpuMs" | "wireBytes"> {
  const lastProbe = probes.at(-1);
  return {
    clientPeakRssMb: round(maxOrNull(probes.map((p) => p.clientPeakRssMb)), 1),
    serverPeakRssMb: round(maxOrNull(probes.map((p) => p.serverPeakRssMb)), 1),
    clientRssStartMb: round(probes[0]?.clientRssStartMb ?? null, 1),
    serverRssStartMb: round(probes[0]?.serverRssStartMb ?? null, 1),
    serverCpuMs: round(median(probes.map((p) => p.serverCpuMs).filter((v): v is number => v !== null))),
    wireBytes: lastProbe ? lastProbe.wireBytes : null,
  };
}

export function endReasonOf(ctx: StreamCaseContext, failure: string | undefined): string {
  return ctx.signal.aborted ? "aborted" : failure?.startsWith("timeout") ? "timeout" : failure ? "failed" : "completed";
}
