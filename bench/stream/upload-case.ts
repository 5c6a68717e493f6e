// One client-streaming case: upload a plan's bytes a few times after a small warm-up upload on the same
// connection. items = bytes; itemsPerSec = bytes per second; verified when the server's size and SHA-256
// match what was sent, every repetition.
import type { StreamResult } from "../model/stream-result.js";
import { openProbe, type ProbeReading } from "./case-probe.js";
import { maxOrNull, median, round, type StreamCaseContext } from "./stream-case-context.js";
import type { UploadClient, UploadOutcome } from "./upload-client.js";
import { uploadPlan, type UploadPlan } from "./upload-data.js";

export interface UploadCase {
  client: UploadClient;
  bytes: number;
  chunkBytes: number;
  repetitions: number;
}

async function withDeadline(work: Promise<UploadOutcome>, ctx: StreamCaseContext, onCancel: () => void): Promise<UploadOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => onCancel();
  ctx.signal.addEventListener("abort", onAbort, { once: true });
  const deadline = new Promise<UploadOutcome>((resolve) => {
    timer = setTimeout(() => {
      onCancel();
      resolve({ elapsedMs: null, verified: false, serverChunks: null, failure: `timeout after ${ctx.repetitionTimeoutMs} ms` });
    }, ctx.repetitionTimeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener("abort", onAbort);
  }
}

export async function runUploadCase(c: UploadCase, ctx: StreamCaseContext): Promise<StreamResult> {
  const plan: UploadPlan = uploadPlan(c.bytes, c.chunkBytes);
  const cancel = () => void c.client.close();
  const warm = await withDeadline(c.client.upload(uploadPlan(Math.min(c.bytes, 4 * c.chunkBytes), c.chunkBytes)), ctx, cancel);
  let failure = warm.failure ? `warm-up: ${warm.failure}` : undefined;
  const outcomes: UploadOutcome[] = [];
  const probes: ProbeReading[] = [];
  for (let rep = 0; rep < c.repetitions && !failure && !ctx.signal.aborted; rep++) {
    const probe = await openProbe(ctx.meter, ctx.server);
    const outcome = await withDeadline(c.client.upload(plan), ctx, cancel);
    probes.push(await probe.finish());
    outcomes.push(outcome);
    if (outcome.failure) failure = outcome.failure;
  }
  const elapsed = median(outcomes.map((o) => o.elapsedMs).filter((v): v is number => v !== null));
  const lastProbe = probes.at(-1);
  return {
    kind: "client-stream",
    configuration: c.client.configuration,
    protocol: c.client.protocol,
    items: c.bytes,
    inFlight: 1,
    verified: outcomes.length > 0 && failure === undefined && outcomes.every((o) => o.verified),
    timeToFirstItemMs: null,
    timeToLastItemMs: round(elapsed),
    itemsPerSec: elapsed !== null && elapsed > 0 ? round((c.bytes * 1000) / elapsed, 0) : null,
    clientPeakRssMb: round(maxOrNull(probes.map((p) => p.clientPeakRssMb)), 1),
    serverPeakRssMb: round(maxOrNull(probes.map((p) => p.serverPeakRssMb)), 1),
    clientRssStartMb: round(probes[0]?.clientRssStartMb ?? null, 1),
    serverRssStartMb: round(probes[0]?.serverRssStartMb ?? null, 1),
    serverCpuMs: round(median(probes.map((p) => p.serverCpuMs).filter((v): v is number => v !== null))),
    wireBytes: lastProbe ? lastProbe.wireBytes : null,
    repetitions: outcomes.length,
    endReason: ctx.signal.aborted ? "aborted" : failure?.startsWith("timeout") ? "timeout" : failure ? "failed" : "completed",
    driver: c.client.driver,
    chunkBytes: c.chunkBytes,
    note: `items are bytes (itemsPerSec = bytes/s), sent in ${c.chunkBytes}-byte chunks with backpressure; timeToLastItemMs = first byte offered → UploadResult decoded; server chunks as counted by the server: ${outcomes.at(-1)?.serverChunks ?? "n/a"}`,
    ...(failure ? { failure } : {}),
  };
}
