// host and port of a target given as host:port (gRPC) or http://host:port (REST); IPv6 hosts in brackets.
export function targetHostPort(target: string): { host: string; port: number } {
  const url = new URL(target.includes("://") ? target : `http://${target}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || 80) };
}
