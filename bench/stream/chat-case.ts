// One bidirectional case: open the stream (or socket), warm it with a few round trips, then `messages`
// sequential round trips measured one by one. items = messages; roundTripMs from the HDR histogram.
import { summarizeHistogram } from "../histogram.js";
import type { StreamResult } from "../model/stream-result.js";
import { openProbe } from "./case-probe.js";
import { streamMeasurement } from "./stream-measurement.js";
import type { ChatClient, ChatOutcome } from "./chat-client.js";
import { round, type StreamCaseContext } from "./stream-case-context.js";

export interface ChatCase {
  client: ChatClient;
  messages: number;
  warmupMessages: number;
  /** Message text; the same for both protocols. */
  text: string;
  note: string;
}

export async function runChatCase(c: ChatCase, ctx: StreamCaseContext): Promise<StreamResult> {
  const base = { kind: "bidi" as const, configuration: c.client.configuration, arm: ctx.arm, protocol: c.client.protocol, items: c.messages, inFlight: 1, driver: c.client.driver, note: c.note };
  const abort = () => void c.client.close();
  ctx.signal.addEventListener("abort", abort, { once: true });
  // One deadline for the whole conversation: closing the client fails the waiting echo.
  const timer = setTimeout(abort, ctx.repetitionTimeoutMs);
  try {
    try {
      await c.client.open();
    } catch (err) {
      return { ...base, verified: false, timeToFirstItemMs: null, timeToLastItemMs: null, itemsPerSec: null, clientPeakRssMb: null, serverPeakRssMb: null, wireBytes: null, repetitions: 0, endReason: "failed", measurement: null, failure: `open: ${(err as Error).message}` };
    }
    const warm = await c.client.converse(c.warmupMessages, 1, c.text);
    let outcome: ChatOutcome | null = null;
    let failure = warm.verified ? undefined : `warm-up: ${warm.failure ?? "not verified"}`;
    const probe = await openProbe(ctx.meter, ctx.server);
    const startedAt = new Date().toISOString();
    if (!failure) {
      outcome = await c.client.converse(c.messages, c.warmupMessages + 1, c.text);
      if (!outcome.verified) failure = outcome.failure ?? `echoed ${outcome.messages} of ${c.messages} messages`;
    }
    const reading = await probe.finish();
    const rtt = outcome && outcome.messages > 0 ? summarizeHistogram(outcome.histogram) : null;
    const timedOut = failure !== undefined && !ctx.signal.aborted && outcome !== null && outcome.elapsedMs >= ctx.repetitionTimeoutMs - 50;
    return {
      ...base,
      verified: outcome !== null && outcome.verified,
      timeToFirstItemMs: null, // a conversation has no "first item": roundTripMs carries the per-message figures
      timeToLastItemMs: outcome ? round(outcome.elapsedMs) : null,
      itemsPerSec: outcome && outcome.elapsedMs > 0 ? round((outcome.messages * 1000) / outcome.elapsedMs, 1) : null,
      ...(rtt ? { roundTripMs: { p50: round(rtt.p50) as number, p99: round(rtt.p99) as number } } : {}),
      clientPeakRssMb: round(reading.clientPeakRssMb, 1),
      serverPeakRssMb: round(reading.serverPeakRssMb, 1),
      clientRssStartMb: round(reading.clientRssStartMb, 1),
      serverRssStartMb: round(reading.serverRssStartMb, 1),
      serverCpuMs: round(reading.serverCpuMs),
      wireBytes: reading.wireBytes,
      repetitions: outcome ? 1 : 0,
      measurement: outcome
        ? streamMeasurement([
            { startedAt, elapsedMs: outcome.elapsedMs, calls: outcome.messages, latencies: outcome.histogram, ...(failure !== undefined ? { failure } : {}), probe: reading },
          ])
        : null,
      endReason: ctx.signal.aborted ? "aborted" : timedOut ? "timeout" : failure ? "failed" : "completed",
      ...(failure ? { failure } : {}),
    };
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener("abort", abort);
  }
}
