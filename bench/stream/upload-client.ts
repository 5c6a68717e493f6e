// Client streaming: send a plan's bytes to the server, which hashes them as they arrive and answers
// UploadResult {size, sha256, chunks}; verified when size and hash match what was sent.
import type { Protocol } from "../model/measurement.js";
import type { UploadPlan } from "./upload-data.js";

export interface UploadOutcome {
  /** From the first byte offered to the UploadResult decoded. */
  elapsedMs: number | null;
  verified: boolean;
  /** Chunks as the server counted them (gRPC messages, or body reads for REST). */
  serverChunks: number | null;
  failure?: string;
}

export interface UploadClient {
  readonly configuration: string;
  readonly protocol: Protocol;
  readonly driver: string;
  upload(plan: UploadPlan): Promise<UploadOutcome>;
  close(): Promise<void>;
}

export function uploadOutcome(plan: UploadPlan, elapsedMs: number, result: { size?: unknown; sha256?: unknown; chunks?: unknown }): UploadOutcome {
  const size = Number(result.size ?? 0);
  const sha256 = String(result.sha256 ?? "");
  const serverChunks = result.chunks == null ? 0 : Number(result.chunks);
  if (size !== plan.expected.size) return { elapsedMs, verified: false, serverChunks, failure: `server received ${size} bytes, sent ${plan.expected.size}` };
  if (sha256 !== plan.expected.sha256) return { elapsedMs, verified: false, serverChunks, failure: `server sha256 ${sha256.slice(0, 12)}… differs from sent ${plan.expected.sha256.slice(0, 12)}…` };
  return { elapsedMs, verified: true, serverChunks };
}

export function uploadFailed(message: string): UploadOutcome {
  return { elapsedMs: null, verified: false, serverChunks: null, failure: message };
}
