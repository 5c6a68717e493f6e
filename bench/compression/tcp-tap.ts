// A loopback TCP relay that keeps a copy of every byte in each direction, per connection: what a client
// really sent and received, whatever library produced it (grpc-js builds its own HTTP/2 frames, so this is
// the only place to see its compressed flags). Used for wire verification probes only, never under load:
// relaying costs this process CPU and adds a hop.
//
// Over TLS (`upstream.alpn` set) the tap is where TLS ends on the client side: the client speaks cleartext to the
// tap, and the tap carries the same bytes to the server over TLS (bench/run-tls.ts connectTls: the run's trust, the
// ALPN given). The copy is then the plaintext inside TLS, the frames exactly as the client produced them and as the
// server sent them over its TLS connection; what TLS adds around them (records, handshake) is not in the copy.
import net from "node:net";
import { connectTls } from "../run-tls.js";

export interface TappedConnection {
  /** client → server, in order */
  up: Buffer[];
  /** server → client, in order */
  down: Buffer[];
}

export class TcpTap {
  readonly connections: TappedConnection[] = [];
  /** the last error on a connection to the upstream (an untrusted certificate shows up here, not at the client) */
  upstreamError: Error | null = null;
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;

  /** `alpn`: reach the upstream over TLS offering these protocols (["h2"] for gRPC); absent: cleartext TCP. */
  constructor(private readonly upstream: { host: string; port: number; alpn?: readonly string[] }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const record: TappedConnection = { up: [], down: [] };
      this.connections.push(record);
      const { host, port, alpn } = this.upstream;
      // A TLSSocket buffers what the client writes before its handshake is done.
      const upstream = alpn === undefined ? net.connect({ host, port, noDelay: true }) : connectTls({ host, port, alpn });
      client.setNoDelay(true);
      upstream.on("error", (error) => (this.upstreamError = error));
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
