// What the HTTP forms of the monitor answer, read the same way over HTTP/1.1 and HTTP/2: a status that says the
// target has no monitor for us, one canonical-JSON ProcessMetrics, or NDJSON lines of them.
import type { ProcessMetrics } from "../../servers/monitor/monitor-contract.js";
import { processMetricsFromJson } from "../../servers/monitor/monitor-messages.js";
import { MonitorRefusedError } from "./monitor-client.js";

/** A non-200 answer: 404/405/501 no monitor, 401/403 the token, anything else the server's own trouble. */
export function refusedStatus(via: string, status: number): Error {
  const why =
    status === 404 || status === 405 || status === 501
      ? "no monitor endpoint"
      : status === 401 || status === 403
        ? "the token was refused (the monitor needs the run's --token)"
        : "not a monitor reply";
  // 5xx may pass (a server under strain); 4xx will not.
  return status >= 400 && status < 500 ? new MonitorRefusedError(`${via} answered ${status}: ${why}`) : new Error(`${via} answered ${status}: ${why}`);
}

export function parseMonitorJson(text: string, via: string): ProcessMetrics {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MonitorRefusedError(`${via}: the reply is not JSON`);
  }
  try {
    return processMetricsFromJson(json);
  } catch (error) {
    throw new MonitorRefusedError(`${via}: ${(error as Error).message}`);
  }
}

/** Splits a stream of text into complete NDJSON lines (blank lines skipped). */
export class NdjsonLines {
  private rest = "";

  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split("\n");
    this.rest = parts.pop() ?? "";
    return parts.map((line) => line.trim()).filter((line) => line.length > 0);
  }
}
