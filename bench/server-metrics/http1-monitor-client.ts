// GET /v1/monitor over HTTP/1.1 (HTTPS for an https:// target), for the HTTP/1.1 arms: one canonical-JSON
// ProcessMetrics, or with ?intervalMs=N an NDJSON stream of them. A keep-alive agent of its own with unmetered
// sockets (unmetered-socket.ts): one connection carries the stream, another the snapshots at window edges.
import http from "node:http";
import type { Duplex } from "node:stream";
import { MONITOR_HTTP_PATH, MONITOR_INTERVAL_PARAM, type ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import { authHeaders } from "../run-token.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { endpointKey } from "../run-tls.js";
import type { MonitorClient, MonitorWatch } from "./monitor-client.js";
import { parseMonitorJson, NdjsonLines, refusedStatus } from "./monitor-http-reply.js";
import { connectUnmetered, connectUnmeteredTls } from "./unmetered-socket.js";

class UnmeteredAgent extends http.Agent {
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly tls: boolean,
  ) {
    // the stream holds one socket for the whole run; the snapshots take turns on a second one
    super({ keepAlive: true, maxSockets: 2 });
  }

  override createConnection(): Duplex {
    return this.tls ? connectUnmeteredTls(this.host, this.port, ["http/1.1"]) : connectUnmetered(this.host, this.port);
  }
}

export class Http1MonitorClient implements MonitorClient {
  readonly via: string;
  private readonly agent: UnmeteredAgent;
  private readonly host: string;
  private readonly port: number;
  private readonly headers: Record<string, string>;

  constructor(target: string, token: string | null) {
    const endpoint = targetEndpoint(target);
    this.host = endpoint.host;
    this.port = endpoint.port;
    this.agent = new UnmeteredAgent(endpoint.host, endpoint.port, endpoint.tls);
    this.headers = { host: endpointKey(endpoint.host, endpoint.port), accept: "application/json", ...authHeaders(token) };
    this.via = `GET ${MONITOR_HTTP_PATH} over ${endpoint.tls ? "HTTPS" : "HTTP/1.1"}`;
  }

  private request(path: string): http.ClientRequest {
    return http.request({ host: this.host, port: this.port, path, method: "GET", headers: this.headers, agent: this.agent });
  }

  async snapshot(timeoutMs: number): Promise<ProcessMetrics> {
    try {
      return await this.snapshotOnce(timeoutMs);
    } catch (error) {
      // A kept-alive socket the server closed while idle (its keep-alive timeout, between two windows): once more on a new one.
      if ((error as { reusedSocket?: boolean }).reusedSocket === true) return this.snapshotOnce(timeoutMs);
      throw error;
    }
  }

  private snapshotOnce(timeoutMs: number): Promise<ProcessMetrics> {
    return new Promise((resolve, reject) => {
      const request = this.request(MONITOR_HTTP_PATH);
      const timer = setTimeout(() => request.destroy(new Error(`${this.via}: no answer within ${timeoutMs} ms`)), timeoutMs);
      request.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(request.reusedSocket && error.code === "ECONNRESET" ? Object.assign(error, { reusedSocket: true }) : error);
      });
      request.once("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.once("error", () => {}); // the request's error handler reports it
        response.once("end", () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          if (status !== 200) return reject(refusedStatus(this.via, status));
          try {
            resolve(parseMonitorJson(body, this.via));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end();
    });
  }

  watch(intervalMs: number, onSample: (metrics: ProcessMetrics) => void, onEnd: (error: Error | null) => void): MonitorWatch {
    const request = this.request(`${MONITOR_HTTP_PATH}?${MONITOR_INTERVAL_PARAM}=${intervalMs}`);
    let closed = false;
    let ended = false;
    const end = (error: Error | null) => {
      if (ended) return;
      ended = true;
      onEnd(closed ? null : error);
    };
    request.once("error", (error) => end(error));
    request.once("response", (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        end(refusedStatus(this.via, status));
        request.destroy();
        return;
      }
      const lines = new NdjsonLines();
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        try {
          for (const line of lines.push(chunk)) onSample(parseMonitorJson(line, this.via));
        } catch (error) {
          end(error as Error);
          request.destroy();
        }
      });
      response.once("error", (error) => end(error));
      response.once("end", () => end(new Error(`${this.via}: the server ended the stream`)));
    });
    request.end();
    return {
      close: () => {
        closed = true;
        // a stream never ends by itself: the socket goes with it (it could not be reused anyway)
        request.destroy();
      },
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
