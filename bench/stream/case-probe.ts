// What every streaming case reads around one measured repetition, besides its own timing: peak RSS of
// client and server over the window, server CPU, and bytes on the wire at the client's sockets.
import { serverPids, type ServerProcess } from "../server-process/server-process.js";
import type { SocketBytesMeter } from "../wire/socket-bytes-meter.js";
import { openPeakRssWindow } from "../process/peak-rss.js";

export interface ProbeReading {
  clientRssStartMb: number | null;
  clientPeakRssMb: number | null;
  serverRssStartMb: number | null;
  serverPeakRssMb: number | null;
  /** true when the server figure is its lifetime peak (no per-window reset possible) */
  serverPeakIsLifetime: boolean;
  serverCpuMs: number | null;
  wireBytes: { request: number; response: number };
}

export interface CaseProbe {
  finish(): Promise<ProbeReading>;
}

export async function openProbe(meter: SocketBytesMeter, server: ServerProcess | null): Promise<CaseProbe> {
  const cpuBefore = server?.alive ? await server.cpuUsage().catch(() => null) : null;
  const clientRss = openPeakRssWindow("self");
  // a remote server's pid is another host's: its peak is the lifetime one its monitor reports (memory(), below)
  const serverRss = server && server.remote !== true ? openPeakRssWindow(serverPids(server)) : null;
  const bytesBefore = meter.snapshot();
  return {
    async finish() {
      const bytesAfter = meter.snapshot();
      const clientPeak = clientRss.peakMb();
      clientRss.close();
      let serverPeak = serverRss?.peakMb() ?? null;
      serverRss?.close();
      let lifetime = false;
      if (server && serverPeak === null && server.alive) {
        serverPeak = (await server.memory().catch(() => null))?.peakRssMb ?? null;
        lifetime = serverPeak !== null;
      }
      const cpuAfter = cpuBefore && server?.alive ? await server.cpuUsage().catch(() => null) : null;
      return {
        clientRssStartMb: clientRss.startMb,
        clientPeakRssMb: clientPeak,
        serverRssStartMb: serverRss?.startMb ?? null,
        serverPeakRssMb: serverPeak,
        serverPeakIsLifetime: lifetime,
        serverCpuMs: cpuBefore && cpuAfter ? (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000 : null,
        wireBytes: { request: bytesAfter.written - bytesBefore.written, response: bytesAfter.read - bytesBefore.read },
      };
    },
  };
}
