// The gateway's --upstream value: "grpc://host:port", the cleartext gRPC server it forwards every call to, or
// "grpcs://host:port", one it reaches over TLS (the system roots, or GRB_UPSTREAM_CA=FILE: upstream-credentials.ts).
// Kept free of any server library so the serve CLI can check a flag without loading the gateway.

export interface UpstreamAddress {
  /** as given, for messages */
  url: string;
  /** what grpc-js dials: host:port, an IPv6 host in brackets */
  target: string;
  /** grpcs://: the hop is TLS */
  tls: boolean;
}

/** Parses "grpc://host:port" or "grpcs://host:port"; throws an Error whose message ("must be …, got …") completes a sentence naming the flag. */
export function parseUpstream(value: string): UpstreamAddress {
  const expected = `must be grpc://HOST:PORT or grpcs://HOST:PORT, got ${JSON.stringify(value)}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(expected);
  }
  const port = Number(url.port);
  if (
    (url.protocol !== "grpc:" && url.protocol !== "grpcs:") ||
    url.hostname === "" ||
    url.port === "" ||
    !Number.isInteger(port) ||
    port < 1 ||
    port > 65535 ||
    (url.pathname !== "" && url.pathname !== "/") ||
    url.search !== "" ||
    url.hash !== "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    throw new Error(expected);
  }
  // URL keeps an IPv6 literal in brackets, which is also how grpc-js wants it.
  return { url: value, target: `${url.hostname}:${port}`, tls: url.protocol === "grpcs:" };
}
