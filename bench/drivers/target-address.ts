// What a target names: host, port and whether it speaks TLS. Targets are host:port or grpc://host:port (gRPC
// cleartext), grpcs://host:port (gRPC over TLS), http://host:port and https://host:port (REST); IPv6 hosts in brackets.
export interface TargetEndpoint {
  host: string;
  port: number;
  tls: boolean;
}

const TLS_SCHEMES = new Set(["grpcs:", "https:"]);

export function targetEndpoint(target: string): TargetEndpoint {
  const url = new URL(target.includes("://") ? target : `grpc://${target}`);
  const tls = TLS_SCHEMES.has(url.protocol);
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || (tls ? 443 : 80)), tls };
}

export function targetHostPort(target: string): { host: string; port: number } {
  const { host, port } = targetEndpoint(target);
  return { host, port };
}

/** true for a grpcs:// or https:// target */
export function isTlsTarget(target: string): boolean {
  return targetEndpoint(target).tls;
}
