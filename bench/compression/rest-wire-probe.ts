// What the REST path really puts on the wire for one call configuration: node:http on one keep-alive socket,
// a few sequential calls, each call's bytes read from the socket's own counters (request line and headers,
// body, chunked framing, response head), the Content-Encoding the server chose, and the body as received.
//
// An https:// target is reached over TLS (bench/run-tls.ts connectTls: the run's trust, ALPN http/1.1) and node:http
// speaks HTTP/1.1 on that TLS socket: the client reads the plaintext inside TLS, so the Content-Encoding and the body
// are exactly what the server sent, and the counters (the TLSSocket's) count HTTP bytes, TLS records excluded.
import http from "node:http";
import type { Socket } from "node:net";
import { targetEndpoint } from "../drivers/target-address.js";
import { connectTls } from "../run-tls.js";
import { authHeaders, tokenOf } from "../run-token.js";
import type { CompressionCall } from "./compression-calls.js";

export interface RestCallOnWire {
  status: number;
  /** bytes written / read on the socket for this call, everything included */
  requestBytes: number;
  responseBytes: number;
  /** request entity bytes as sent (compressed when Content-Encoding is set) */
  requestBodyBytes: number;
  /** response entity bytes as received (compressed when the server compressed) */
  responseBodyBytes: number;
  contentEncoding: string;
  responseBody: Buffer;
}

export interface RestWireProbe {
  first: RestCallOnWire;
  steady: RestCallOnWire;
  calls: number;
}

export interface RestCallOptions {
  acceptEncoding?: string;
  /** request body already compressed with this codec (sent as Content-Encoding) */
  contentEncoding?: string;
  body?: Buffer | null;
  /** The bearer token sent as `authorization`: undefined the run's (bench/run-token.ts), null none. */
  token?: string | null;
}

const kRead = Symbol("bytesReadBefore");
const kWritten = Symbol("bytesWrittenBefore");
type CountedSocket = Socket & { [kRead]?: number; [kWritten]?: number };

/** One call on `agent`'s socket; resolves with the bytes the socket counted. */
export function restCall(base: URL, call: CompressionCall, agent: http.Agent, options: RestCallOptions): Promise<RestCallOnWire> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = authHeaders(tokenOf(options.token));
    if (options.acceptEncoding) headers["accept-encoding"] = options.acceptEncoding;
    const body = options.body ?? null;
    if (body) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(body.length);
      if (options.contentEncoding && options.contentEncoding !== "identity") headers["content-encoding"] = options.contentEncoding;
    }
    let socket: CountedSocket | null = null;
    const req = http.request({ host: base.hostname, port: base.port, method: call.rest.method, path: call.rest.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const responseBody = Buffer.concat(chunks);
        const s = socket as CountedSocket;
        // The socket is reused across calls: this call's bytes are the counters' growth since the previous call.
        const read = s.bytesRead - (s[kRead] ?? 0);
        const written = s.bytesWritten - (s[kWritten] ?? 0);
        s[kRead] = s.bytesRead;
        s[kWritten] = s.bytesWritten;
        resolve({
          status: res.statusCode ?? 0,
          requestBytes: written,
          responseBytes: read,
          requestBodyBytes: body?.length ?? 0,
          responseBodyBytes: responseBody.length,
          contentEncoding: String(res.headers["content-encoding"] ?? "identity"),
          responseBody,
        });
      });
      res.on("error", reject);
    });
    req.on("socket", (s) => (socket = s as CountedSocket));
    req.setTimeout(30_000, () => req.destroy(new Error(`${call.rest.method} ${call.rest.path} timed out`)));
    req.on("error", reject);
    req.end(body ?? undefined);
  });
}

/** node:http's keep-alive agent, its connections opened over TLS through connectTls. */
class TlsAgent extends http.Agent {
  constructor(private readonly endpoint: { host: string; port: number }) {
    super({ keepAlive: true, maxSockets: 1 });
  }

  override createConnection(): Socket {
    return connectTls({ ...this.endpoint, alpn: ["http/1.1"] });
  }
}

/** One keep-alive connection to `target` (http:// or https://), for sequential calls. */
export function oneConnectionAgent(target: string): http.Agent {
  const { host, port, tls } = targetEndpoint(target);
  return tls ? new TlsAgent({ host, port }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
}

/** `calls` sequential calls (≥ 2) on one keep-alive connection. */
export async function probeRestWire(target: string, call: CompressionCall, options: RestCallOptions, calls = 4): Promise<RestWireProbe> {
  const base = new URL(target);
  const agent = oneConnectionAgent(target);
  try {
    const results: RestCallOnWire[] = [];
    for (let i = 0; i < calls; i++) results.push(await restCall(base, call, agent, options));
    return { first: results[0]!, steady: results[results.length - 1]!, calls: results.length };
  } finally {
    agent.destroy();
  }
}
