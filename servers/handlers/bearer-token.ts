// Bearer tokens (ServerOptions.token, `serve --token`): with a token set, every shop.v1 call must carry
// `authorization: Bearer <token>` (an HTTP header, or gRPC metadata of that name). The check is written once, here,
// without HTTP or gRPC types (a header value in, a verdict out), so every arm does the same work per call and
// answers the same way: UNAUTHENTICATED on gRPC, 401 with rest's {code, message} body on REST.
import { timingSafeEqual } from "node:crypto";
import { RpcError } from "./status.js";

/** The header (HTTP) and metadata key (gRPC) the token travels in. */
export const AUTHORIZATION = "authorization";
/** The environment variable `serve` and `bench` read a token from when --token is not given (argv shows in `ps`). */
export const TOKEN_ENV = "GRB_TOKEN";

const SCHEME = "bearer ";

/**
 * What is wrong with a token as a user gives it, or null. A token travels in an HTTP header and in gRPC ASCII
 * metadata, so it is visible ASCII without spaces (RFC 6750's b64token is a subset of that); an empty one would
 * "protect" a server with nothing.
 */
export function tokenProblem(token: string): string | null {
  if (token.trim() === "") return "must not be empty";
  if (!/^[\x21-\x7e]+$/.test(token)) return "must be visible ASCII characters without spaces (it is sent in an HTTP header)";
  return null;
}

/**
 * The token a command line gives: --token, else GRB_TOKEN, else none (null). One that is given but empty or
 * unusable is a problem to report (one line, exit 2), never "no token": a server someone meant to protect must not
 * start open, nor a run meant to authenticate send nothing. `serve` and `bench` read it the same way.
 */
export function givenToken(flag: string | undefined, env: NodeJS.ProcessEnv): { token: string | null } | { problem: string } {
  const [given, source] = flag !== undefined ? [flag, "--token"] : [env[TOKEN_ENV], TOKEN_ENV];
  if (given === undefined) return { token: null };
  const problem = tokenProblem(given);
  return problem === null ? { token: given } : { problem: `${source} ${problem}` };
}

/** The header value a client sends. */
export function bearerValue(token: string): string {
  return `Bearer ${token}`;
}

/** Why a call was refused: the status and text every arm sends, and the WWW-Authenticate challenge of an HTTP 401. */
export interface AuthFailure {
  readonly error: RpcError;
  /** RFC 6750 §3: no error code when the request carried no credentials, `invalid_token` when they were wrong. */
  readonly challenge: string;
}

export const MISSING_TOKEN: AuthFailure = Object.freeze({
  error: new RpcError("UNAUTHENTICATED", "missing bearer token (send the header authorization: Bearer <token>)"),
  challenge: "Bearer",
});

export const INVALID_TOKEN: AuthFailure = Object.freeze({
  error: new RpcError("UNAUTHENTICATED", "invalid bearer token"),
  challenge: 'Bearer error="invalid_token"',
});

/** One call's verdict from its authorization header (or first metadata value): null lets it through. */
export type BearerCheck = (authorization: unknown) => AuthFailure | null;

/**
 * The check for one configured token. The scheme is case-insensitive (RFC 7235) and may be followed by more than
 * one space; the token is compared with crypto.timingSafeEqual, so the time taken does not say how much of a guess
 * was right. Only equal-length buffers can be compared that way: a guess of another length is refused at once,
 * which tells its length only (as Go's subtle.ConstantTimeCompare does), never its content.
 */
export function bearerCheck(token: string): BearerCheck {
  const problem = tokenProblem(token);
  if (problem !== null) throw new Error(`bearer token ${problem}`);
  const expected = Buffer.from(token, "latin1");
  return (authorization) => {
    if (typeof authorization !== "string" || authorization.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return MISSING_TOKEN;
    let start = SCHEME.length;
    while (authorization.charCodeAt(start) === 0x20) start++;
    if (start === authorization.length) return MISSING_TOKEN; // "Bearer" and no token
    const given = Buffer.from(authorization.slice(start), "latin1");
    if (given.length !== expected.length) return INVALID_TOKEN;
    return timingSafeEqual(given, expected) ? null : INVALID_TOKEN;
  };
}
