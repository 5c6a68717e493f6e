// A server arm is one way of serving the shop.v1 API (grpc-js, express, later raw node:http, JSON over h2…).
// Each arm is one file that exports a ServerArm; servers/registry.ts lists them.
export type ArmProtocol = "grpc" | "rest";

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Seed of the dataset; the same seed serves byte-identical data. */
  seed?: number;
  /** Largest accepted request body / message, bytes (413 / RESOURCE_EXHAUSTED above it). Default 4 MiB (grpc-js's default). */
  maxRequestBytes?: number;
  /** Opt-in head-of-line experiment: calls that ask for it (x-delay-ms header / metadata) wait this long at most. Off (0) by default. */
  maxDelayMs?: number;
  /** Response compression: REST uses the compression middleware, gRPC whatever grpc-js honours. Off by default. */
  compression?: boolean;
  /** Seeded users in the dataset (default 1000: ids u-1 … u-1000). */
  userCount?: number;
}

/** Defaults every arm applies, so both sides of a comparison get the same configuration. */
export const SERVER_DEFAULTS = {
  /** grpc-js's own default receive limit (DEFAULT_MAX_RECEIVE_MESSAGE_LENGTH), applied to REST bodies too. */
  maxRequestBytes: 4 * 1024 * 1024,
  maxDelayMs: 0,
  compression: false,
} as const;

export interface RunningServer {
  readonly arm: string;
  readonly host: string;
  readonly port: number;
  /**
   * What this server does differently from what its options asked for, one sentence each, for the report's
   * caveats (e.g. grpc-js cannot compress responses). Empty when it does exactly what was asked.
   */
  readonly caveats: readonly string[];
  close(): Promise<void>;
}

export interface ServerArm {
  name: string;
  protocol: ArmProtocol;
  describe: string;
  start(options: ServerOptions): Promise<RunningServer>;
}

/** start() could not listen for a reason the user controls (port in use, bad host): one line, exit 2 in a CLI. */
export class ListenError extends Error {
  override name = "ListenError";
}
