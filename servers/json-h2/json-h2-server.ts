// The json-h2 arm: rest-node's REST routes, JSON bytes and per-request path (rest-node/rest-dispatch.ts) over
// cleartext HTTP/2, served from node:http2 streams as grpc-raw serves gRPC: the same session options, no idle
// timeout, the same close(). So rest-node → json-h2 changes the transport alone, and json-h2 → grpc-raw the
// encoding alone. No Chat: it is a WebSocket, and HTTP/2 has no Upgrade. With ServerOptions.tls, HTTP/2 over TLS
// (ALPN "h2" only). GET /v1/monitor is answered in the stream listener, ahead of rest-dispatch.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse, IncomingHttpHeaders, ServerHttp2Stream } from "node:http2";
import { AUTHORIZATION, bearerCheck, type BearerCheck } from "../handlers/bearer-token.js";
import { createH2cServer } from "../h2c-server.js";
import { listen } from "../listen.js";
import { h2StreamMonitorResponse, isMonitorTarget, serveMonitorHttp, withMonitor } from "../monitor/http-monitor.js";
import { ServerMonitor } from "../monitor/server-monitor.js";
import { JSON_CONTENT_TYPE, requireBearer, unauthorizedReply } from "../rest/rest-bearer.js";
import { restArmSetup } from "../rest/rest-http-server.js";
import { restDispatch } from "../rest-node/rest-dispatch.js";
import { restNodeApp } from "../rest-node/rest-node-app.js";
import type { RunningServer, ServerOptions } from "../server-arm.js";
import { announceBody, h2RestTransport } from "./h2-rest-transport.js";

function noop(): void {}

/**
 * The bearer token check on a stream, before rest-dispatch.ts sees it: the HTTP/1.1 arms' check (rest-bearer.ts)
 * with the same 401 reply, headers lower-cased as HTTP/2 requires. false: refused (the reply is on its way).
 */
function authorized(check: BearerCheck, stream: ServerHttp2Stream, headers: IncomingHttpHeaders): boolean {
  const failure = check(headers[AUTHORIZATION]);
  if (failure === null) return true;
  const reply = unauthorizedReply(failure);
  stream.resume(); // drop the request body
  const head = { ":status": reply.status, "www-authenticate": reply.challenge, "content-type": JSON_CONTENT_TYPE, "content-length": reply.length };
  if (headers[":method"] === "HEAD") stream.respond(head, { endStream: true });
  else {
    stream.respond(head);
    stream.end(reply.body);
  }
  return false;
}

export async function startJsonH2(options: ServerOptions, arm = "json-h2"): Promise<RunningServer> {
  const { handlers, app } = restArmSetup(options);
  // grpc-raw's server: the same session options, no idle timeout, the same shutdown.
  const { server, shutdown } = createH2cServer(options.tls);
  const check = options.token !== undefined ? bearerCheck(options.token) : null;
  const monitor = new ServerMonitor(arm);
  const calls = monitor.calls;

  if (app.compression) {
    // The compression middleware rewrites a node:http-style response (writeHead, setHeader, write, end), which a
    // bare stream does not have: with compression on, rest-node's own listener runs on node:http2's compatibility
    // objects instead, middleware included. Only this option takes that path; it is not the one benchmarked.
    const own = withMonitor(restNodeApp(handlers, app), monitor);
    const listener = check === null ? own : requireBearer(own, check);
    server.on("request", (req: Http2ServerRequest, res: Http2ServerResponse) => {
      announceBody(req.headers, req.stream);
      listener(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    });
  } else {
    const dispatch = restDispatch(handlers, app, h2RestTransport(app.maxRequestBytes));
    server.on("stream", (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
      stream.on("error", noop); // a reset stream: its 'close' follows, nothing can be sent any more
      if (check !== null && !authorized(check, stream, headers)) return;
      const path = headers[":path"] ?? "/";
      if (isMonitorTarget(path)) return serveMonitorHttp(monitor, headers[":method"], path, h2StreamMonitorResponse(stream));
      calls.count++;
      dispatch(headers, stream, headers[":method"] as string, path);
    });
  }

  const port = await listen(server, options.host, options.port);
  return { arm, host: options.host, port, caveats: [], close: shutdown };
}
