// gRPC status name → HTTP status for REST error replies (google.rpc.Code's documented HTTP mapping), with one
// deliberate exception: RESOURCE_EXHAUSTED is 413, because here it only ever means "request body too large".
import type { StatusName } from "../handlers/status.js";

const HTTP_STATUS: Record<StatusName, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 413,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

export function httpStatus(name: StatusName): number {
  return HTTP_STATUS[name];
}

/** The JSON body of every REST error reply. */
export interface ErrorBody {
  code: StatusName;
  message: string;
}
