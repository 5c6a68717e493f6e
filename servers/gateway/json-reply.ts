// The gateway's replies, byte for byte what express's res.json writes for rest (as rest-node's dispatch writes
// them): Content-Type with the charset, Content-Length, a Buffer from 1000 characters on, no body for HEAD, 304
// for a 2xx GET/HEAD with `If-None-Match: *`, and every failure as rest-errors.ts's {code, message} and status.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonValue } from "../../proto/canonical-json.js";
import type { ErrorBody } from "../rest/http-status.js";
import { errorReply } from "../rest/rest-errors.js";
import { notModified } from "../rest/request-target.js";

/** What express's res.json writes: Content-Type via res.set (mime-types adds the charset). */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/** express's res.send turns strings of this many characters or more into a Buffer before writing. */
const BUFFER_FROM_CHARS = 1000;

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: JsonValue | ErrorBody): void {
  const text = JSON.stringify(value);
  if (status < 300 && notModified(req)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const body: string | Buffer = text.length < BUFFER_FROM_CHARS ? text : Buffer.from(text);
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  res.writeHead(status, ["Content-Type", JSON_CONTENT_TYPE, "Content-Length", String(length)]);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

export function sendError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy(); // nothing can be said any more but a cut-off reply
    return;
  }
  const reply = errorReply(err);
  sendJson(req, res, reply.status, reply.body);
}
