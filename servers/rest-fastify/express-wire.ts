// What express puts on the wire that fastify does not, reproduced so rest-fastify sends the reference arm's
// bytes: header-name case (fastify lowercases every header name it writes), express's one freshness answer
// (304 to `If-None-Match: *`) and the request path express names in its 404 message. Nothing here changes
// what fastify does per request beyond renaming the headers it hands to writeHead.
import { notModified, splitTarget } from "../rest/request-target.js";
import { ServerResponse, type OutgoingHttpHeader, type OutgoingHttpHeaders } from "node:http";

/** fastify's lowercase names of the headers a JSON reply carries, as express (res.set / res.send) writes them. */
const EXPRESS_CASE: Readonly<Record<string, string>> = { "content-type": "Content-Type", "content-length": "Content-Length" };

type WriteHead = (this: ServerResponse, statusCode: number, headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]) => ServerResponse;
type CasedResponse = ServerResponse & { [kInner]?: WriteHead };
/** the response's writeHead before the rename (compression's, when it is on), when it was an own property */
const kInner = Symbol("writeHead under the header-case rename");

function writeHeadExpressCase(this: CasedResponse, statusCode: number, headers?: OutgoingHttpHeaders | OutgoingHttpHeader[]): ServerResponse {
  const inner = this[kInner] ?? (ServerResponse.prototype.writeHead as WriteHead);
  // fastify always passes its header object (reply.js safeWriteHead); anything else goes through unchanged.
  if (headers === undefined || Array.isArray(headers)) return inner.call(this, statusCode, headers);
  const renamed: OutgoingHttpHeaders = {};
  for (const name in headers) renamed[EXPRESS_CASE[name] ?? name] = headers[name];
  return inner.call(this, statusCode, renamed);
}

/**
 * From here on the response writes Content-Type and Content-Length as express does. Call it after any
 * middleware that wraps writeHead (compression's on-headers copies the names it is given into setHeader, so the
 * rename has to happen before that).
 */
export function useExpressHeaderCase(res: ServerResponse): void {
  const cased = res as CasedResponse;
  if (Object.hasOwn(res, "writeHead")) cased[kInner] = res.writeHead as WriteHead;
  cased.writeHead = writeHeadExpressCase as ServerResponse["writeHead"];
}

/** Undoes useExpressHeaderCase, for raw writers that pick their own header names (the NDJSON stream). */
export function useOwnHeaderCase(res: ServerResponse): void {
  const cased = res as CasedResponse;
  const inner = cased[kInner];
  if (inner !== undefined) cased.writeHead = inner as ServerResponse["writeHead"];
  else delete (cased as Partial<ServerResponse>).writeHead;
}



/** The pathname express's `req.path` gives for a request target. */
export function expressPathname(url: string): string {
  return splitTarget(url).pathname;
}

export { notModified };
