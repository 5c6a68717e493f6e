// The ways of carrying N in-flight calls that the family compares, each built from the load engine's lean
// (server-view) transports: pre-encoded gRPC frames over our HTTP/2 client, and the minimal HTTP/1.1 client.
// Equal load: every configuration runs a closed loop with exactly N calls in flight. Which configurations an arm
// gets follows its api and transport, so every gRPC arm and every REST-over-HTTP/1.1 arm is measured the same way.
import { H1LeanTransport } from "../drivers/h1-lean-transport.js";
import { H2FramesTransport } from "../drivers/h2-frames-transport.js";
import type { Transport } from "../drivers/transport.js";
import type { CallSpec } from "../load/call-spec.js";
import type { Arm } from "../model/arm.js";
import type { Protocol } from "../model/measurement.js";
import type { MultiplexPlan } from "./multiplex-plan.js";

// A --config call's several requests go round-robin here too (CallSpec.rotation); a shop call has one.
const grpcFrames = (spec: CallSpec) => (spec.rotation !== undefined ? { frames: spec.rotation.requestFrames } : {});
const restRequests = (spec: CallSpec) => (spec.rotation !== undefined ? { requests: spec.rotation.rest } : {});

export interface MultiplexConfiguration {
  configuration: string;
  arm: string;
  protocol: Protocol;
  inFlight: number;
  connections: number;
  streamsPerConnection: number | null;
  keepAlive: boolean;
  note: string;
  transport(target: string, spec: CallSpec, timeoutMs: number): Transport;
}

/** Whether the family has lean transports for this arm (gRPC over h2c, REST over HTTP/1.1). */
export function multiplexFits(arm: Pick<Arm, "api" | "transport">): boolean {
  return (arm.api === "grpc" && arm.transport === "h2c") || (arm.api === "rest" && arm.transport === "http/1.1");
}

/** The configurations that exist at `inFlight` for this arm (k connections need N ≥ 2k; a pool needs more calls than connections). */
export function multiplexConfigurations(inFlight: number, plan: MultiplexPlan, arm: Pick<Arm, "id" | "api" | "transport">): MultiplexConfiguration[] {
  if (!multiplexFits(arm)) return [];
  return (arm.api === "grpc" ? grpcConfigurations(inFlight, plan) : restConfigurations(inFlight, plan)).map((c) => ({ ...c, arm: arm.id }));
}

function grpcConfigurations(inFlight: number, plan: MultiplexPlan): Omit<MultiplexConfiguration, "arm">[] {
  const k = plan.grpcConnections;
  const list: Omit<MultiplexConfiguration, "arm">[] = [
    {
      configuration: "grpc-1conn",
      protocol: "grpc",
      inFlight,
      connections: 1,
      streamsPerConnection: inFlight,
      keepAlive: true,
      note: `one HTTP/2 connection carrying ${inFlight} concurrent streams`,
      transport: (target, spec, timeoutMs) => new H2FramesTransport({ target, connections: 1, path: spec.grpcPath, frame: spec.requestFrame, ...grpcFrames(spec), timeoutMs }),
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
      transport: (target, spec, timeoutMs) => new H2FramesTransport({ target, connections: k, path: spec.grpcPath, frame: spec.requestFrame, ...grpcFrames(spec), timeoutMs }),
    });
  }
  return list;
}

function restConfigurations(inFlight: number, plan: MultiplexPlan): Omit<MultiplexConfiguration, "arm">[] {
  const pool = plan.poolConnections;
  const list: Omit<MultiplexConfiguration, "arm">[] = [];
  list.push({
    configuration: "rest-keepalive",
    protocol: "rest",
    inFlight,
    connections: inFlight,
    streamsPerConnection: null,
    keepAlive: true,
    note: `${inFlight} HTTP/1.1 keep-alive connection(s), one call in flight on each (no pipelining)`,
    transport: (target, spec, timeoutMs) => new H1LeanTransport({ target, connections: inFlight, path: spec.restPath, ...restRequests(spec), timeoutMs }),
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
      transport: (target, spec, timeoutMs) => new H1LeanTransport({ target, connections: pool, path: spec.restPath, ...restRequests(spec), timeoutMs }),
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
      new H1LeanTransport({ target, connections: inFlight, path: spec.restPath, ...restRequests(spec), timeoutMs, headers: { connection: "close" } }),
  });
  return list;
}
