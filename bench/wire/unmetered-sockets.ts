// Sockets no meter counts: side channels of the bench (the server monitor, reachability probes) that must never show
// up as measured wire bytes or connections. The meters hear of every client socket through the "net.client.socket"
// diagnostics channel; Node 20 publishes there only from net.connect(), but Node 22+ also from Socket#connect(), so
// a socket cannot hide by how it was made. It is marked here before it connects, and every meter skips the marked.
import net from "node:net";

const unmetered = new WeakSet<net.Socket>();

/** A socket that connects to host:port unseen by the meters. */
export function unmeteredSocket(): net.Socket {
  const socket = new net.Socket();
  unmetered.add(socket);
  return socket;
}

export function isUnmetered(socket: net.Socket): boolean {
  return unmetered.has(socket);
}
