// The two connect-style middlewares of protobuf-h1, the same libraries rest-node runs (rest/rest-middleware.ts)
// with the settings a protobuf body needs: body-parser's raw reader instead of its JSON reader (the same read,
// limit, 413 and gzip/deflate/br inflation, minus the charset check and JSON.parse), and the same compression
// middleware, told that protobuf is compressible.
import compression from "compression";
import express from "express";
import type { Middleware } from "../rest/rest-middleware.js";
import { PROTOBUF_CONTENT_TYPE } from "./protobuf-calls.js";

/**
 * Reads an application/x-protobuf body of at most `limit` bytes into `req.body` as a Buffer (left undefined
 * when the request has no body or another Content-Type); 413 before reading when Content-Length says too much.
 */
export function protobufBody(limit: number): Middleware {
  return express.raw({ type: PROTOBUF_CONTENT_TYPE, limit });
}

/**
 * The compression package's defaults (threshold 1 KiB, negotiated by Accept-Encoding), plus application/x-protobuf:
 * mime-db does not list it, so the default filter would never compress it and `compression: true` would mean
 * less here than on rest-node.
 */
export function protobufCompression(): Middleware {
  return compression({
    filter: (req, res) => res.getHeader("Content-Type") === PROTOBUF_CONTENT_TYPE || compression.filter(req, res),
  }) as unknown as Middleware;
}
