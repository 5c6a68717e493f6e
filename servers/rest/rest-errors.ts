// Any failure of a REST call as the reply both REST arms send: the gRPC status name in a {code, message}
// body with its HTTP status. The handlers' RpcErrors pass through; the body parser's and the canonical JSON
// mapping's failures are put into the same status vocabulary.
import { CanonicalJsonError } from "../../proto/canonical-json.js";
import { RpcError, toRpcError } from "../handlers/status.js";
import { httpStatus, type ErrorBody } from "./http-status.js";

/** body-parser and canonical-JSON failures in the status vocabulary; everything else is the handler's own. */
export function asRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  if (err instanceof CanonicalJsonError) return new RpcError("INVALID_ARGUMENT", err.message);
  const parserError = err as { type?: string; status?: number; message?: string; limit?: number };
  if (parserError.type === "entity.too.large") {
    return new RpcError("RESOURCE_EXHAUSTED", `request body larger than ${parserError.limit} bytes`);
  }
  if (parserError.type === "entity.parse.failed") return new RpcError("INVALID_ARGUMENT", `malformed JSON: ${parserError.message}`);
  // Other 4xx errors of the body parser (unsupported charset or encoding) and of express's path decoding.
  if (typeof parserError.status === "number" && parserError.status >= 400 && parserError.status < 500) {
    return new RpcError("INVALID_ARGUMENT", parserError.message ?? "bad request");
  }
  return toRpcError(err);
}

export interface ErrorReply {
  status: number;
  body: ErrorBody;
}

export function errorReply(err: unknown): ErrorReply {
  const e = asRpcError(err);
  return { status: httpStatus(e.code), body: { code: e.code, message: e.message } };
}
