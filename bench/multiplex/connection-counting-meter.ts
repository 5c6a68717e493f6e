// The load engine's socket byte meter, plus a count of the TCP connections this process opened, read at the
// same instants: measureWindows snapshots the meter at the edges of the measured windows, so the connections
// opened inside them (the ones measured calls paid for) are the difference between the first and the last
// snapshot, while `opened` also counts the ones opened up front (transport.open(), warm-up).
import diagnostics from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { SocketBytesMeter, type ByteCounts } from "../wire/socket-bytes-meter.js";
import { isUnmetered } from "../wire/unmetered-sockets.js";

export class ConnectionCountingMeter extends SocketBytesMeter {
  #opened = 0;
  readonly #edges: number[] = [];
  readonly #onSocket = (message: unknown) => {
    if (!isUnmetered((message as { socket: Socket }).socket)) this.#opened++;
  };

  constructor() {
    super();
    diagnostics.subscribe("net.client.socket", this.#onSocket);
  }

  /** Client sockets opened since the meter was made. */
  get opened(): number {
    return this.#opened;
  }

  override snapshot(): ByteCounts {
    this.#edges.push(this.#opened);
    return super.snapshot();
  }

  /** Connections opened between the first and the last snapshot (the measured windows). */
  openedBetweenSnapshots(): number {
    const first = this.#edges[0];
    const last = this.#edges.at(-1);
    return first === undefined || last === undefined ? 0 : last - first;
  }

  override dispose(): void {
    diagnostics.unsubscribe("net.client.socket", this.#onSocket);
    super.dispose();
  }
}
