// One server-streaming case: one client configuration, N orders, a few repetitions after a warm-up fetch
// on the same connection. Figures are medians over repetitions (peak RSS: the maximum); the case is
// verified only if every repetition's count and checksum matched.
import type { StreamResult } from "../model/stream-result.js";
import type { ProbeReading } from "./case-probe.js";
import type { ExpectedOrdersCache } from "./expected-orders.js";
import type { OrderFetchResult, OrderStreamClient } from "./order-stream-client.js";
import { median, repetitionSignal, round, type StreamCaseContext } from "./stream-case-context.js";
import { streamMeasurement } from "./stream-measurement.js";
import { endReasonOf, measureRepetitions, probed, probeFigures } from "./stream-repetitions.js";

export interface ServerStreamCase {
  client: OrderStreamClient;
  /** The user streams read (fresh-user clients pick their own). */
  userId: string;
  items: number;
  repetitions: number;
  /** Orders fetched once, unmeasured, before the repetitions (connection set-up, JIT). */
  warmupItems: number;
}

function notApplicable(c: ServerStreamCase, arm: string, why: string): StreamResult {
  return {
    kind: "server-stream",
    configuration: c.client.configuration,
    arm,
    protocol: c.client.protocol,
    items: c.items,
    inFlight: 1,
    verified: false,
    timeToFirstItemMs: null,
    timeToLastItemMs: null,
    itemsPerSec: null,
    clientPeakRssMb: null,
    serverPeakRssMb: null,
    wireBytes: null,
    repetitions: 0,
    endReason: "not-applicable",
    measurement: null,
    driver: c.client.driver,
    note: why,
  };
}

export async function runServerStreamCase(c: ServerStreamCase, ctx: StreamCaseContext, expected: ExpectedOrdersCache): Promise<StreamResult> {
  const { client } = c;
  if (client.maxItems !== null && c.items > client.maxItems) {
    return notApplicable(c, ctx.arm, `not applicable: ${client.configuration} serves at most ${client.maxItems} orders per call (${client.note ?? "server limit"})`);
  }
  const fetchOnce = async (n: number, measure: boolean): Promise<{ outcome: OrderFetchResult; probe: ProbeReading | null }> => {
    const pages = client.plan(c.userId, n);
    const expectations = pages.map((p) => expected.get(p.userId, p.count));
    const signal = repetitionSignal(ctx);
    const fetch = () => client.fetch(pages, expectations, signal);
    const { outcome: result, probe } = measure ? await probed(ctx, fetch) : { outcome: await fetch(), probe: null };
    for (const p of pages) if (p.userId !== c.userId) expected.forget(p.userId);
    if (signal.aborted && !ctx.signal.aborted && result.failure) result.failure = `timeout after ${ctx.repetitionTimeoutMs} ms: ${result.failure}`;
    return { outcome: result, probe };
  };

  const warm = await fetchOnce(c.warmupItems, false);
  let warmFailure: string | undefined = warm.outcome.failure ? `warm-up: ${warm.outcome.failure}` : undefined;
  if (!warmFailure && !warm.outcome.received.verified) warmFailure = `warm-up not verified: ${warm.outcome.received.mismatch}`;
  const { outcomes: results, probes, startedAt, failure } = await measureRepetitions(
    c.repetitions,
    ctx,
    warmFailure,
    () => fetchOnce(c.items, true),
    (r) => r.failure ?? (r.received.verified ? undefined : `not verified: ${r.received.mismatch}`),
  );
  const ok = results.filter((r) => !r.failure);
  const ttfi = median(ok.map((r) => r.timeToFirstItemMs).filter((v): v is number => v !== null));
  const ttli = median(ok.map((r) => r.timeToLastItemMs).filter((v): v is number => v !== null));
  const lifetime = probes.some((p) => p.serverPeakIsLifetime);
  const notes = [client.note, lifetime ? "server peak RSS is the process's lifetime peak (no per-window reset on this OS)" : undefined].filter(Boolean);
  return {
    kind: "server-stream",
    configuration: client.configuration,
    arm: ctx.arm,
    protocol: client.protocol,
    items: c.items,
    inFlight: 1,
    verified: results.length > 0 && failure === undefined && results.every((r) => r.received.verified),
    timeToFirstItemMs: round(ttfi),
    timeToLastItemMs: round(ttli),
    itemsPerSec: ttli !== null && ttli > 0 ? round((c.items * 1000) / ttli, 1) : null,
    ...probeFigures(probes),
    repetitions: results.length,
    endReason: endReasonOf(ctx, failure),
    measurement: streamMeasurement(
      results.map((r, i) => ({
        startedAt: startedAt[i] ?? "",
        elapsedMs: r.timeToLastItemMs,
        calls: r.requests,
        ...(r.failure !== undefined ? { failure: r.failure } : !r.received.verified ? { failure: `not verified: ${r.received.mismatch}` } : {}),
        probe: probes[i] ?? null,
      })),
    ),
    driver: client.driver,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
    ...(failure ? { failure } : {}),
    ...(results.length > 0 ? { requestsPerFetch: results[0]?.requests } : {}),
  };
}
