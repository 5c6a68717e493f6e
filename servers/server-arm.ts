// A server arm is one server stack serving the shop.v1 API: an api style, a wire format, a transport and a
// framework (grpc-js; express; raw node:http …). Each built-in arm is one file in servers/arms/ exporting a
// ServerArm; servers/registry.ts lists them and registers plugin arms (--arm-module / GRB_ARM_MODULES).
export const ARM_APIS = ["grpc", "rest"] as const;
export type ArmApi = (typeof ARM_APIS)[number];
export type ArmWire = "protobuf" | "json";
export type ArmTransport = "http/1.1" | "h2c";

export const ARM_WIRES: readonly ArmWire[] = ["protobuf", "json"];
export const ARM_TRANSPORTS: readonly ArmTransport[] = ["http/1.1", "h2c"];
/** An arm id: lowercase letters, digits and hyphens, not starting with a hyphen (it is a CLI value). */
export const ARM_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** What a report says about an arm: copied into report.arms[] */
export interface ArmDescriptor {
  /** "grpc", "rest", "rest-node"; lowercase [a-z0-9-]+ */
  id: string;
  /** short human label, e.g. "gRPC (grpc-js)", "REST (express)", "REST (node:http)" */
  label: string;
  api: ArmApi;
  wire: ArmWire;
  transport: ArmTransport;
  /** "grpc-js", "express", "node:http" */
  framework: string;
  /** one sentence */
  description: string;
}

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
  /**
   * The gRPC server an arm that fronts one (the gateway) calls, as "grpc://host:port". Absent: the arm starts
   * its own grpc arm in a child process with these same options, and its CPU and memory count as the arm's.
   */
  upstream?: string;
  /**
   * Bearer token (handlers/bearer-token.ts): every shop.v1 call must carry `authorization: Bearer <token>` (HTTP
   * header / gRPC metadata), else gRPC UNAUTHENTICATED / HTTP 401. Absent: no arm reads the header at all.
   */
  token?: string;
  /**
   * Serve TLS with this certificate and key (PEM): HTTPS on HTTP/1.1 arms, HTTP/2 negotiated by ALPN ("h2") on the
   * HTTP/2 arms. Absent: cleartext, as before. servers/tls/ makes a self-signed pair when the user gives none.
   */
  tls?: ServerTlsMaterial;
}

/** A server's certificate chain and private key, PEM. */
export interface ServerTlsMaterial {
  cert: string;
  key: string;
}

/** Defaults every arm applies, so both sides of a comparison get the same configuration. */
export const SERVER_DEFAULTS = {
  /** grpc-js's own default receive limit (DEFAULT_MAX_RECEIVE_MESSAGE_LENGTH), applied to REST bodies too. */
  maxRequestBytes: 4 * 1024 * 1024,
  maxDelayMs: 0,
  compression: false,
} as const;

export interface RunningServer {
  /** the id of the arm that started it */
  readonly arm: string;
  readonly host: string;
  readonly port: number;
  /**
   * What this server does differently from what its options asked for, one sentence each, for the report's
   * caveats (e.g. grpc-js cannot compress responses). Empty when it does exactly what was asked.
   */
  readonly caveats: readonly string[];
  /**
   * A process this server started and serves every call through (the gateway's own grpc arm): its CPU time and
   * memory are part of this server's figures, so whoever measures the server process adds them in.
   */
  readonly upstream?: UpstreamProcess;
  close(): Promise<void>;
}

/** CPU time and memory of one process, as it reports them itself. */
export interface ProcessUsage {
  /** process.cpuUsage(), µs */
  cpu: { user: number; system: number };
  rssMb: number;
  /** process.resourceUsage().maxRSS: the peak over the process's life */
  peakRssMb: number;
}

export interface UpstreamProcess {
  readonly pid: number;
  usage(): Promise<ProcessUsage>;
}

export interface ServerArm extends ArmDescriptor {
  /** part of `npm run bench`'s default arm set */
  default: boolean;
  /**
   * The shop.v1 calls it serves (servers/shop-routes.ts's RpcName); absent means every call. A family leaves an
   * arm out of a case whose calls it does not serve, and says so.
   */
  calls?: readonly string[];
  start(options: ServerOptions): Promise<RunningServer>;
}

/** The plain descriptor fields of an arm (no start(), no default), ready for JSON. */
export function describeArm(arm: ArmDescriptor): ArmDescriptor {
  const { id, label, api, wire, transport, framework, description } = arm;
  return { id, label, api, wire, transport, framework, description };
}

/** start() could not listen for a reason the user controls (port in use, bad host): one line, exit 2 in a CLI. */
export class ListenError extends Error {
  override name = "ListenError";
}
