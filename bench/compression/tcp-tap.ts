// A loopback TCP relay that keeps a copy of every byte in each direction, per connection: what a client
// really sent and received, whatever library produced it (grpc-js builds its own HTTP/2 frames, so this is
// the only place to see its compressed flags). Used for wire verification probes only, never under load:
// relaying costs this process CPU and adds a hop.
import net from "node:net";

export interface TappedConnection {
  /** client → server, in order */
  up: Buffer[];
  /** server → client, in order */
  down: Buffer[];
}

export class TcpTap {
  readonly connections: TappedConnection[] = [];
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;

  constructor(private readonly upstream: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const record: TappedConnection = { up: [], down: [] };
      this.connections.push(record);
      const upstream = net.connect({ ...this.upstream, noDelay: true });
      client.setNoDelay(true);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on("data", (chunk: Buffer) => {
        record.up.push(Buffer.from(chunk));
        upstream.write(chunk);
      });
      upstream.on("data", (chunk: Buffer) => {
        record.down.push(Buffer.from(chunk));
        client.write(chunk);
      });
      client.on("end", () => upstream.end());
      upstream.on("end", () => client.end());
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
