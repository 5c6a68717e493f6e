// rest-node's per-request path (rest-node/rest-dispatch.ts) on node:http2 streams: what a stream and its
// headers object do where node:http has a request and a response. A reply is one respond() with the headers
// rest-node writes, lower-cased as HTTP/2 requires and without the connection-specific ones (Connection,
// Transfer-Encoding), then end(body); body-parser and the NDJSON writer read and write the stream itself.
import { constants, type IncomingHttpHeaders, type ServerHttp2Stream } from "node:http2";
import type { Writable } from "node:stream";
import type { shop } from "../../proto/generated/shop.js";
import { writeNdjsonOrders, type NdjsonResponse } from "../rest/ndjson-orders.js";
import { notModified } from "../rest/request-target.js";
import { jsonBody } from "../rest/rest-middleware.js";
import { JSON_CONTENT_TYPE, type RestTransport } from "../rest-node/rest-dispatch.js";

const END_STREAM = Object.freeze({ endStream: true });
const NOT_MODIFIED = Object.freeze({ ":status": 304 });

/**
 * A stream as body-parser reads a request: the headers beside the body, and the fields on-finished reads to tell
 * whether a request was read to its end (complete, readable, socket). The stream itself would not do: a Duplex
 * has `writableEnded`, so on-finished would take it for a response, see it unfinished until the reply is sent,
 * and body-parser, which waits for the request to finish before it reports a bad body, would wait forever.
 * Every other call goes to the stream. One per JSON-body request (CreateUser, UpdateUser).
 */
class StreamBodyRequest {
  /** what body-parser parsed */
  body: unknown = undefined;

  constructor(
    readonly headers: IncomingHttpHeaders,
    private readonly stream: ServerHttp2Stream,
  ) {}

  /** on-finished: an IncomingMessage is over once its socket stops being readable; here the stream is its own socket. */
  get socket(): ServerHttp2Stream {
    return this.stream;
  }
  get complete(): boolean {
    return this.stream.readableEnded;
  }
  get readable(): boolean {
    return this.stream.readable;
  }
  on(event: string, listener: (...args: any[]) => void): this {
    this.stream.on(event, listener);
    return this;
  }
  removeListener(event: string, listener: (...args: any[]) => void): this {
    this.stream.removeListener(event, listener);
    return this;
  }
  pipe<T extends Writable>(destination: T): T {
    return this.stream.pipe(destination);
  }
  unpipe(destination?: Writable): this {
    this.stream.unpipe(destination);
    return this;
  }
  pause(): this {
    this.stream.pause();
    return this;
  }
  resume(): this {
    this.stream.resume();
    return this;
  }
}

/** body-parser's middleware as it is called here; it passes `res` only to a verify option that is not set. */
type JsonBodyReader = (req: StreamBodyRequest, res: undefined, next: (err?: unknown) => void) => void;

/**
 * HTTP/2 has no Transfer-Encoding: a request body without Content-Length is DATA frames up to END_STREAM.
 * body-parser (type-is's hasBody) reads only a body announced by Content-Length or Transfer-Encoding, so such a
 * body is announced to it as HTTP/1.1 announces a body of unknown length. Changes `headers` in place.
 */
export function announceBody(headers: IncomingHttpHeaders, stream: ServerHttp2Stream): void {
  if (headers["content-length"] === undefined && !stream.endAfterHeaders) headers["transfer-encoding"] = "chunked";
}

/** A reply can no longer be sent: the client reset the stream while the reply was being made (a delay, a body). */
function gone(stream: ServerHttp2Stream): boolean {
  return stream.destroyed || stream.closed;
}

/** writeNdjsonOrders's response on a stream: writeHead is respond(); a HEAD reply drops the lines, as node:http drops a HEAD body. */
class NdjsonStreamResponse implements NdjsonResponse {
  constructor(
    private readonly stream: ServerHttp2Stream,
    private readonly head: boolean,
  ) {}

  writeHead(status: number, headers: Record<string, string>): void {
    this.stream.respond({ ...headers, ":status": status }, this.head ? END_STREAM : undefined);
  }

  write(chunk: string): boolean {
    return this.head || this.stream.write(chunk);
  }

  cork(): void {
    this.stream.cork();
  }

  uncork(): void {
    this.stream.uncork();
  }

  on(event: "close" | "drain", listener: () => void): void {
    this.stream.on(event, listener);
  }

  end(): void {
    if (!this.head) this.stream.end();
  }
}

/** rest-dispatch.ts on a node:http2 stream (the reply) and its request headers (the request). */
export function h2RestTransport(maxRequestBytes: number): RestTransport<IncomingHttpHeaders, ServerHttp2Stream> {
  const readJson = jsonBody(maxRequestBytes) as unknown as JsonBodyReader;
  return {
    header: (headers, name) => headers[name],
    // Only a request that could be fresh pays for the view notModified reads.
    notModified: (headers, method) => headers["if-none-match"] === "*" && notModified({ headers, method }),
    writeJson(_headers, stream, method, status, body, length) {
      if (gone(stream)) return;
      const head = { ":status": status, "content-type": JSON_CONTENT_TYPE, "content-length": String(length) };
      if (method === "HEAD") stream.respond(head, END_STREAM);
      else {
        stream.respond(head);
        stream.end(body);
      }
    },
    writeNotModified(stream) {
      if (!gone(stream)) stream.respond(NOT_MODIFIED, END_STREAM);
    },
    headersSent: (stream) => stream.headersSent,
    abort: (stream) => stream.close(constants.NGHTTP2_INTERNAL_ERROR),
    readJsonBody(headers, stream, done) {
      announceBody(headers, stream);
      const request = new StreamBodyRequest(headers, stream);
      readJson(request, undefined, (err) => done(err, request.body));
    },
    requestBody: (_headers, stream) => stream,
    writeNdjson: (_headers, stream, method, orders: Iterator<shop.v1.IOrder>) => writeNdjsonOrders(new NdjsonStreamResponse(stream, method === "HEAD"), orders),
  };
}
