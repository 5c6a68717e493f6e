// The one error vocabulary of the handler layer: gRPC status names. Adapters translate a name into their
// transport (gRPC: the numeric status; REST: an HTTP status plus a {code, message} body) and nothing else.
export const STATUS_NAMES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

export type StatusName = (typeof STATUS_NAMES)[number];

/** The numeric gRPC code of a status name (its index: the names above are in code order 0..16). */
export function statusCode(name: StatusName): number {
  return STATUS_NAMES.indexOf(name);
}

/** A call that ends with a non-OK status. Handlers throw it; adapters catch it and translate the name. */
export class RpcError extends Error {
  override name = "RpcError";
  constructor(
    readonly code: Exclude<StatusName, "OK">,
    message: string,
  ) {
    super(message);
  }
}

/** Any thrown value as an RpcError: RpcErrors pass through, everything else is INTERNAL (a server bug). */
export function toRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  return new RpcError("INTERNAL", err instanceof Error ? err.message : String(err));
}
