// Listen on host:port and resolve with the port bound; a reason the user controls (port in use, bad host) is a
// ListenError, one line, exit 2 in a CLI. Every arm on a node:net server (http, http2) listens through this.
import type { AddressInfo, Server } from "node:net";
import { ListenError } from "./server-arm.js";

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      const why = err.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port} (${err.code ?? err.message})`;
      reject(new ListenError(why));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
