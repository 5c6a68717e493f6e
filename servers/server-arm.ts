// A server arm is one way of serving the shop.v1 API (grpc-js, express, later raw node:http, JSON over h2…).
// Each arm is one file that exports a ServerArm; servers/registry.ts lists them.
export type ArmProtocol = "grpc" | "rest";

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Seed of the dataset; the same seed serves byte-identical data. */
  seed?: number;
  /** Largest accepted request body / message, bytes (413 / RESOURCE_EXHAUSTED above it). */
  maxRequestBytes?: number;
  /** Opt-in head-of-line experiment: calls that ask for it (x-delay-ms header / metadata) wait this long at most. Off (0) by default. */
  maxDelayMs?: number;
  /** Response compression: REST uses the compression middleware, gRPC whatever grpc-js honours. Off by default. */
  compression?: boolean;
}

export interface RunningServer {
  readonly arm: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServerArm {
  name: string;
  protocol: ArmProtocol;
  describe: string;
  start(options: ServerOptions): Promise<RunningServer>;
}
