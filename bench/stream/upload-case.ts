// One client-streaming case: upload a plan's bytes a few times after a small warm-up upload on the same
// connection. items = bytes; itemsPerSec = bytes per second; verified when the server's size and SHA-256
// match what was sent, every repetition.
import type { StreamResult } from "../model/stream-result.js";
import { median, round, type StreamCaseContext } from "./stream-case-context.js";
import { streamMeasurement } from "./stream-measurement.js";
import { endReasonOf, measureRepetitions, probed, probeFigures } from "./stream-repetitions.js";
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
  const { outcomes, probes, startedAt, failure } = await measureRepetitions(
    c.repetitions,
    ctx,
    warm.failure ? `warm-up: ${warm.failure}` : undefined,
    () => probed(ctx, () => withDeadline(c.client.upload(plan), ctx, cancel)),
    (o) => o.failure,
  );
  const elapsed = median(outcomes.map((o) => o.elapsedMs).filter((v): v is number => v !== null));
  return {
    kind: "client-stream",
    configuration: c.client.configuration,
    arm: ctx.arm,
    protocol: c.client.protocol,
    items: c.bytes,
    inFlight: 1,
    verified: outcomes.length > 0 && failure === undefined && outcomes.every((o) => o.verified),
    timeToFirstItemMs: null,
    timeToLastItemMs: round(elapsed),
    itemsPerSec: elapsed !== null && elapsed > 0 ? round((c.bytes * 1000) / elapsed, 0) : null,
    ...probeFigures(probes),
    repetitions: outcomes.length,
    endReason: endReasonOf(ctx, failure),
    measurement: streamMeasurement(
      outcomes.map((o, i) => ({
        startedAt: startedAt[i] ?? "",
        elapsedMs: o.elapsedMs,
        calls: 1,
        ...(o.failure !== undefined ? { failure: o.failure } : !o.verified ? { failure: "not verified" } : {}),
        probe: probes[i] ?? null,
      })),
    ),
    driver: c.client.driver,
    chunkBytes: c.chunkBytes,
    note: `items are bytes (itemsPerSec = bytes/s), sent in ${c.chunkBytes}-byte chunks with backpressure; timeToLastItemMs = first byte offered → UploadResult decoded; server chunks as counted by the server: ${outcomes.at(-1)?.serverChunks ?? "n/a"}`,
    ...(failure ? { failure } : {}),
  };
}
