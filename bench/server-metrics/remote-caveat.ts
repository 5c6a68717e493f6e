// What a family says once about its remote targets' server figures: which come from a monitor (and cover the whole
// remote process), which are not measured and why. Results say it again where each figure is (serverMetricsNote).
import { type RemoteServer } from "./remote-server.js";

export function remoteMetricsCaveat(family: string, servers: readonly RemoteServer[]): string | null {
  if (servers.length === 0) return null;
  const name = (s: RemoteServer) => `${s.arm}=${s.target}`;
  const monitored = servers.filter((s) => s.notMeasuredReason === null);
  const not = servers.filter((s) => s.notMeasuredReason !== null);
  const parts: string[] = [];
  if (monitored.length > 0) {
    parts.push(
      `server CPU and memory of ${monitored.map(name).join(", ")} measured through their monitor endpoint: the remote process as a whole ` +
        `(any other work it does counts), peak RSS sampled every ${monitored[0]!.sampleMs} ms; the bench's own client CPU includes ` +
        `reading those samples (small)`,
    );
  }
  for (const s of not) parts.push(`server CPU and memory of ${name(s)} not measured: ${s.notMeasuredReason}`);
  for (const s of servers) for (const caveat of s.caveats) parts.push(`${s.arm}: ${caveat}`);
  return `${family}: remote target(s): ${parts.join("; ")}`;
}

/** A load result's note for a remote target, from its aggregated figures (aggregate-repetitions.ts). */
export function remoteResultNote(source: string | undefined, note: string | undefined): string {
  return `remote target: ${note ?? (source === "monitor" ? "server CPU and memory through its monitor endpoint" : "server CPU and memory not measured")}`;
}
