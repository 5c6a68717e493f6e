// Bytes on the wire, counted at the client's sockets: every net.Socket this process (thread) connects is
// seen through the "net.client.socket" diagnostics channel, whoever opened it (our transports, autocannon,
// undici, grpc-js), so HTTP headers, HTTP/2 frames, gRPC prefixes and TLS-less TCP payload are all included.
// A window's bytes are the difference of two snapshots; sockets closed meanwhile keep their final counts.
import diagnostics from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { isUnmetered } from "./unmetered-sockets.js";

export interface ByteCounts {
  read: number;
  written: number;
}

export class SocketBytesMeter {
  private readonly live = new Set<Socket>();
  private closedRead = 0;
  private closedWritten = 0;
  private readonly onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    if (isUnmetered(socket)) return;
    this.live.add(socket);
    socket.once("close", () => {
      this.closedRead += socket.bytesRead;
      this.closedWritten += socket.bytesWritten;
      this.live.delete(socket);
    });
  };

  constructor() {
    diagnostics.subscribe("net.client.socket", this.onSocket);
  }

  snapshot(): ByteCounts {
    let read = this.closedRead;
    let written = this.closedWritten;
    for (const socket of this.live) {
      read += socket.bytesRead;
      written += socket.bytesWritten;
    }
    return { read, written };
  }

  dispose(): void {
    diagnostics.unsubscribe("net.client.socket", this.onSocket);
    this.live.clear();
  }
}
