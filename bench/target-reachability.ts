// --target-grpc / --target-rest name servers the user started: check they answer a TCP connect before the run,
// so an unreachable target is one clear line (exit 2), not a family failing minutes later.
import { connect } from "node:net";

/** Resolves null when a TCP connection opens, else the reason (ECONNREFUSED, timeout…). */
export function tcpReachable(host: string, port: number, timeoutMs = 3000): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ""), port });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs / 1000} s`));
    socket.once("connect", () => done(null));
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** host:port or http://host:port → [host, port] */
export function hostPort(target: string): [string, number] {
  if (/^https?:\/\//.test(target)) {
    const url = new URL(target);
    return [url.hostname, url.port === "" ? 80 : Number(url.port)];
  }
  const i = target.lastIndexOf(":");
  return [target.slice(0, i), Number(target.slice(i + 1))];
}
