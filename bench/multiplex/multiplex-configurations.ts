// The ways of carrying N in-flight calls that the family compares, each built from the load engine's lean
// (server-view) transports: pre-encoded gRPC frames over node:http2, and the minimal HTTP/1.1 client.
// Equal load: every configuration runs a closed loop with exactly N calls in flight.
import { H1LeanTransport } from "../drivers/h1-lean-transport.js";
import { H2FramesTransport } from "../drivers/h2-frames-transport.js";
import type { Transport } from "../drivers/transport.js";
import type { CallSpec } from "../load/call-spec.js";
import type { Protocol } from "../model/measurement.js";
import type { MultiplexPlan } from "./multiplex-plan.js";

export interface MultiplexConfiguration {
  configuration: string;
  protocol: Protocol;
  inFlight: number;
  connections: number;
  streamsPerConnection: number | null;
  keepAlive: boolean;
  note: string;
  transport(target: string, spec: CallSpec, timeoutMs: number): Transport;
}

/** The configurations that exist at `inFlight` (k connections need N ≥ 2k; a pool needs more calls than connections). */
export function multiplexConfigurations(inFlight: number, plan: MultiplexPlan): MultiplexConfiguration[] {
  const k = plan.grpcConnections;
  const pool = plan.poolConnections;
  const list: MultiplexConfiguration[] = [
    {
      configuration: "grpc-1conn",
      protocol: "grpc",
      inFlight,
      connections: 1,
      streamsPerConnection: inFlight,
      keepAlive: true,
      note: `one HTTP/2 connection carrying ${inFlight} concurrent streams`,
      transport: (target, spec, timeoutMs) => new H2FramesTransport({ target, connections: 1, path: spec.grpcPath, frame: spec.requestFrame, timeoutMs }),
    },
  ];
  if (inFlight >= 2 * k && inFlight % k === 0) {
    list.push({
      configuration: "grpc-kconn",
      protocol: "grpc",
      inFlight,
      connections: k,
      streamsPerConnection: inFlight / k,
      keepAlive: true,
      note: `${k} HTTP/2 connections × ${inFlight / k} streams`,
      transport: (target, spec, timeoutMs) => new H2FramesTransport({ target, connections: k, path: spec.grpcPath, frame: spec.requestFrame, timeoutMs }),
    });
  }
  list.push({
    configuration: "rest-keepalive",
    protocol: "rest",
    inFlight,
    connections: inFlight,
    streamsPerConnection: null,
    keepAlive: true,
    note: `${inFlight} HTTP/1.1 keep-alive connection(s), one call in flight on each (no pipelining)`,
    transport: (target, spec, timeoutMs) => new H1LeanTransport({ target, connections: inFlight, path: spec.restPath, timeoutMs }),
  });
  if (inFlight > pool) {
    list.push({
      configuration: `rest-pool${pool}`,
      protocol: "rest",
      inFlight,
      connections: pool,
      streamsPerConnection: null,
      keepAlive: true,
      note: `a pool of ${pool} HTTP/1.1 keep-alive connections: ${inFlight / pool} calls per connection, all but one queued (latency includes the wait)`,
      transport: (target, spec, timeoutMs) => new H1LeanTransport({ target, connections: pool, path: spec.restPath, timeoutMs }),
    });
  }
  list.push({
    configuration: "rest-no-keepalive",
    protocol: "rest",
    inFlight,
    connections: inFlight,
    streamsPerConnection: null,
    keepAlive: false,
    note: "Connection: close on every request: a new TCP connection per call (the seed article's pattern); latency includes connect",
    transport: (target, spec, timeoutMs) =>
      new H1LeanTransport({ target, connections: inFlight, path: spec.restPath, timeoutMs, headers: { connection: "close" } }),
  });
  return list;
}
