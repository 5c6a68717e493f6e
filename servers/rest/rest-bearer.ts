// The bearer token check of the REST arms (ServerOptions.token): one wrapper around an HTTP/1.1 arm's request
// listener, so rest, rest-node, rest-fastify, protobuf-h1 and the gateway do the very same work per request (one
// header read, one constant-time compare) ahead of their own routing, and refuse a call with the same bytes: 401,
// rest's {code: "UNAUTHENTICATED", message} body and a WWW-Authenticate challenge. The framework never sees a
// refused request, so a refusal costs every arm the same and tells nothing about the framework; with compression
// on, a refusal (a body far under the compression threshold) also carries no Vary header. The WebSocket chat's
// upgrade is refused with the same reply before ws accepts it. json-h2 writes the same reply on an HTTP/2 stream.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { VerifyClientCallbackAsync } from "ws";
import { AUTHORIZATION, type AuthFailure, type BearerCheck } from "../handlers/bearer-token.js";
import { errorReply } from "./rest-errors.js";

/** What express's res.json writes (and rest-node's dispatch): every REST error body has this Content-Type. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export interface UnauthorizedReply {
  /** 401 (http-status.ts's UNAUTHENTICATED) */
  status: number;
  /** the WWW-Authenticate value */
  challenge: string;
  /** rest's JSON error body */
  body: string;
  /** its Content-Length */
  length: string;
}

const replies = new Map<AuthFailure, UnauthorizedReply>();

/** The reply to a refused request, built once per failure (there are two). */
export function unauthorizedReply(failure: AuthFailure): UnauthorizedReply {
  let reply = replies.get(failure);
  if (reply === undefined) {
    const { status, body } = errorReply(failure.error);
    const text = JSON.stringify(body);
    reply = { status, challenge: failure.challenge, body: text, length: String(Buffer.byteLength(text)) };
    replies.set(failure, reply);
  }
  return reply;
}

/** The listener behind the check: it runs only for a request that carries the token. */
export function requireBearer(listener: RequestListener, check: BearerCheck): RequestListener {
  return function authorized(req: IncomingMessage, res: ServerResponse): void {
    const failure = check(req.headers[AUTHORIZATION]);
    if (failure === null) return listener(req, res);
    const reply = unauthorizedReply(failure);
    // An unread request body is read off and dropped by node:http once the reply is done, as for any early error.
    res.writeHead(reply.status, ["WWW-Authenticate", reply.challenge, "Content-Type", JSON_CONTENT_TYPE, "Content-Length", reply.length]);
    if (req.method === "HEAD") res.end();
    else res.end(reply.body);
  };
}

/** ws's verifyClient for the chat upgrade: a refused upgrade gets the 401 above (ws adds Connection: close). */
export function bearerUpgrade(check: BearerCheck): VerifyClientCallbackAsync {
  return (info, done) => {
    const failure = check(info.req.headers[AUTHORIZATION]);
    if (failure === null) return done(true);
    const reply = unauthorizedReply(failure);
    done(false, reply.status, reply.body, { "WWW-Authenticate": reply.challenge, "Content-Type": JSON_CONTENT_TYPE });
  };
}
