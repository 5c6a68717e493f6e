// GET /v1/monitor over HTTP/2 (cleartext with prior knowledge, or TLS with ALPN h2 for an https:// target), for the
// REST arms on HTTP/2 (json-h2): one session of its own on an unmetered socket (monitor-h2-session.ts), a stream per
// snapshot and one long stream for the NDJSON samples. A session that breaks is replaced at the next use.
import http2 from "node:http2";
import { MONITOR_HTTP_PATH, MONITOR_INTERVAL_PARAM, type ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import { authHeaders } from "../run-token.js";
import type { MonitorClient, MonitorWatch } from "./monitor-client.js";
import { MonitorH2Session } from "./monitor-h2-session.js";
import { parseMonitorJson, NdjsonLines, refusedStatus } from "./monitor-http-reply.js";

const { NGHTTP2_CANCEL } = http2.constants;

export class H2MonitorClient implements MonitorClient {
  readonly via: string;
  private readonly session: MonitorH2Session;
  private readonly headers: http2.OutgoingHttpHeaders;

  constructor(target: string, token: string | null) {
    this.session = new MonitorH2Session(target);
    this.headers = { ":method": "GET", accept: "application/json", ...authHeaders(token) };
    this.via = `GET ${MONITOR_HTTP_PATH} over HTTP/2${this.session.tls ? " (TLS)" : ""}`;
  }

  private request(path: string): http2.ClientHttp2Stream {
    return this.session.request({ ...this.headers, ":path": path }, { endStream: true });
  }

  snapshot(timeoutMs: number): Promise<ProcessMetrics> {
    return new Promise((resolve, reject) => {
      let stream: http2.ClientHttp2Stream;
      try {
        stream = this.request(MONITOR_HTTP_PATH);
      } catch (error) {
        reject(error as Error);
        return;
      }
      let status = 0;
      let body = "";
      const timer = setTimeout(() => {
        stream.close(NGHTTP2_CANCEL);
        reject(new Error(`${this.via}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      stream.once("response", (headers) => (status = Number(headers[":status"] ?? 0)));
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (body += chunk));
      stream.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      stream.once("end", () => {
        clearTimeout(timer);
        if (status !== 200) return reject(refusedStatus(this.via, status));
        try {
          resolve(parseMonitorJson(body, this.via));
        } catch (error) {
          reject(error);
        }
      });
      // a reset or a session gone without an error event (a no-op once settled)
      stream.once("close", () => {
        clearTimeout(timer);
        reject(new Error(`${this.via}: the stream closed before the reply (code ${stream.rstCode ?? "none"})`));
      });
    });
  }

  watch(intervalMs: number, onSample: (metrics: ProcessMetrics) => void, onEnd: (error: Error | null) => void): MonitorWatch {
    let closed = false;
    let ended = false;
    const end = (error: Error | null) => {
      if (ended) return;
      ended = true;
      onEnd(closed ? null : error);
    };
    let stream: http2.ClientHttp2Stream;
    try {
      stream = this.request(`${MONITOR_HTTP_PATH}?${MONITOR_INTERVAL_PARAM}=${intervalMs}`);
    } catch (error) {
      queueMicrotask(() => end(error as Error));
      return { close: () => (closed = true) };
    }
    let status = 0;
    const lines = new NdjsonLines();
    stream.once("response", (headers) => {
      status = Number(headers[":status"] ?? 0);
      if (status !== 200) {
        end(refusedStatus(this.via, status));
        stream.close(NGHTTP2_CANCEL);
      }
    });
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      if (status !== 200) return;
      try {
        for (const line of lines.push(chunk)) onSample(parseMonitorJson(line, this.via));
      } catch (error) {
        end(error as Error);
        stream.close(NGHTTP2_CANCEL);
      }
    });
    stream.once("error", (error) => end(error));
    stream.once("end", () => end(new Error(`${this.via}: the server ended the stream`)));
    stream.once("close", () => end(new Error(`${this.via}: the stream closed (code ${stream.rstCode ?? "none"})`)));
    return {
      close: () => {
        closed = true;
        stream.close(NGHTTP2_CANCEL);
      },
    };
  }

  close(): void {
    this.session.close();
  }
}
