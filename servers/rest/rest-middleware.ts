// The two connect-style middlewares every REST arm runs: body-parser's JSON reader (express.json) and the
// compression package. Both take a plain node:http request and response, so express and rest-node run the very
// same code with the same options: limits, inflation, charset checks, error texts and gzip output agree by
// construction. They are libraries, not the framework: no app, no router, no req/res decoration.
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";
import express from "express";

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Reads a JSON body of at most `limit` bytes into `req.body` (left undefined when the request has no body or
 * another Content-Type); 413 before reading when Content-Length says too much; inflates gzip/deflate.
 */
export function jsonBody(limit: number): Middleware {
  return express.json({ limit });
}

/** What jsonBody() left on the request. */
export function parsedBody(req: IncomingMessage): unknown {
  return (req as IncomingMessage & { body?: unknown }).body;
}

/** Response compression negotiated by Accept-Encoding, threshold 1 KiB (the package's defaults). Calls next() synchronously. */
export function responseCompression(): Middleware {
  return compression() as unknown as Middleware;
}
