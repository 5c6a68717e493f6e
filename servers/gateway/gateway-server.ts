// The gateway arm: a REST/JSON front on node:http whose routes come from shop.proto's google.api.http annotations,
// forwarding every call over one HTTP/2 channel to a grpc arm. Without ServerOptions.upstream it starts that grpc
// arm itself, in a child process with the same options, and reports it as RunningServer.upstream so its CPU time
// and memory count as the gateway's (the server side of a call is both processes' work).
import { restAppOptions, serveRestHttp } from "../rest/rest-http-server.js";
import { ListenError, type RunningServer, type ServerOptions } from "../server-arm.js";
import { gatewayApp } from "./gateway-app.js";
import { httpRoutes } from "./http-rules.js";
import { parseUpstream, type UpstreamAddress } from "./upstream-address.js";
import { UpstreamChannel } from "./upstream-channel.js";
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
    channel = new UpstreamChannel(address.target);
    caveats.push(externalUpstreamCaveat(url));
  } else {
    // The hop stays uncompressed (grpc-gateway's default); the gateway compresses what its client sees.
    child = await startUpstreamProcess({ ...options, host: "127.0.0.1", port: 0, compression: false, upstream: undefined });
    url = `grpc://127.0.0.1:${child.port}`;
    channel = new UpstreamChannel(`127.0.0.1:${child.port}`);
  }
  let http: RunningServer;
  try {
    await channel.ready(url, UPSTREAM_READY_MS);
    http = await serveRestHttp({ arm, host: options.host, port: options.port, token: options.token, maxRequestBytes: app.maxRequestBytes, listener: gatewayApp(routes, channel, app), chat: false });
  } catch (err) {
    channel.close();
    await child?.stop();
    throw err;
  }
  let closing: Promise<void> | null = null;
  const upstream = child;
  return {
    arm,
    host: http.host,
    port: http.port,
    caveats,
    ...(upstream !== null ? { upstream: { pid: upstream.pid, usage: () => upstream.usage() } } : {}),
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
