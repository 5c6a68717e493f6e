// The gateway arm: a REST/JSON front on node:http whose routes come from shop.proto's google.api.http annotations,
// forwarding every call over one HTTP/2 channel to a grpc arm. Without ServerOptions.upstream it starts that grpc
// arm itself, in a child process with the same options, and reports it as RunningServer.upstream so its CPU time
// and memory count as the gateway's (the server side of a call is both processes' work). With ServerOptions.tls the
// front serves HTTPS; the hop to its own grpc arm stays cleartext on loopback (that arm listens on 127.0.0.1 only).
import { restAppOptions, serveRestHttp } from "../rest/rest-http-server.js";
import { ListenError, type RunningServer, type ServerOptions } from "../server-arm.js";
import { gatewayApp } from "./gateway-app.js";
import { httpRoutes } from "./http-rules.js";
import { parseUpstream, type UpstreamAddress } from "./upstream-address.js";
import { UpstreamChannel } from "./upstream-channel.js";
import { upstreamCredentials } from "./upstream-credentials.js";
import { startUpstreamProcess, type ChildUpstream } from "./upstream-process.js";

const UPSTREAM_READY_MS = 10_000;

/** With --upstream the server side of a call is partly in a process nobody here measures. */
function externalUpstreamCaveat(url: string): string {
  return `the gateway's upstream ${url} is a server it did not start: its CPU time and memory are not in this server's figures`;
}

export async function startGateway(options: ServerOptions, arm = "gateway"): Promise<RunningServer> {
  const app = restAppOptions(options);
  const routes = httpRoutes().filter((route) => !route.streaming);
  const caveats: string[] = [];
  let child: ChildUpstream | null = null;
  let channel: UpstreamChannel;
  let url: string;
  if (options.upstream !== undefined) {
    let address: UpstreamAddress;
    try {
      address = parseUpstream(options.upstream);
    } catch (err) {
      throw new ListenError(`upstream ${(err as Error).message}`);
    }
    url = address.url;
    channel = new UpstreamChannel(address.target, upstreamCredentials(address));
    caveats.push(externalUpstreamCaveat(url));
  } else {
    // The hop stays uncompressed (grpc-gateway's default); the gateway compresses what its client sees. It stays
    // cleartext too: a loopback hop inside one host, as a sidecar transcoder and its server talk.
    child = await startUpstreamProcess({ ...options, host: "127.0.0.1", port: 0, compression: false, upstream: undefined, tls: undefined });
    url = `grpc://127.0.0.1:${child.port}`;
    channel = new UpstreamChannel(`127.0.0.1:${child.port}`);
  }
  const upstream = child;
  const upstreamProcess = upstream !== null ? { pid: upstream.pid, usage: () => upstream.usage() } : undefined;
  let http: RunningServer;
  try {
    await channel.ready(url, UPSTREAM_READY_MS);
    http = await serveRestHttp({
      arm,
      host: options.host,
      port: options.port,
      token: options.token,
      tls: options.tls,
      maxRequestBytes: app.maxRequestBytes,
      listener: gatewayApp(routes, channel, app),
      chat: false,
      // the monitor reports both processes' CPU and memory, as the harness sums them for a local gateway
      ...(upstreamProcess !== undefined ? { upstream: upstreamProcess } : {}),
    });
  } catch (err) {
    channel.close();
    await child?.stop();
    throw err;
  }
  let closing: Promise<void> | null = null;
  return {
    arm,
    host: http.host,
    port: http.port,
    caveats,
    ...(upstreamProcess !== undefined ? { upstream: upstreamProcess } : {}),
    close() {
      // Calls in flight finish through the channel before it and the upstream go.
      closing ??= http.close().then(async () => {
        channel.close();
        await upstream?.stop();
      });
      return closing;
    },
  };
}
