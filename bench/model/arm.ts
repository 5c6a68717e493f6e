// An arm is one server stack: the unit every result names (k6's tags, not names parsed back out of strings).
// report.arms[] holds the descriptor of every arm in the run; entries carry only the id.
import { Type, type Static } from "@sinclair/typebox";

export const ArmApi = Type.Union([Type.Literal("grpc"), Type.Literal("rest")], { description: "the API style the clients speak" });
export type ArmApi = Static<typeof ArmApi>;

export const ArmWire = Type.Union([Type.Literal("protobuf"), Type.Literal("json")], { description: "the encoding of message bodies" });
export type ArmWire = Static<typeof ArmWire>;

export const ArmTransport = Type.Union([Type.Literal("http/1.1"), Type.Literal("h2c")], { description: "HTTP/1.1, or HTTP/2 over cleartext" });
export type ArmTransport = Static<typeof ArmTransport>;

export const ArmId = Type.String({ pattern: "^[a-z0-9][a-z0-9-]*$", description: "arm id from the server registry, e.g. grpc, rest, rest-node" });

const TlsCounts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: "how many handshakes ended with each value (\"none\": no ALPN protocol agreed)" });

/**
 * How the run's clients spoke TLS to an arm, from the handshakes they made (bench/run-tls.ts's tally, summed over every
 * server of the arm the run dialled). A cleartext arm is `{enabled: false}`, said rather than left out; a report from
 * before TLS was recorded has no `tls` at all (every arm was cleartext then).
 */
export const ArmTls = Type.Union(
  [
    Type.Object({ enabled: Type.Literal(false) }, { description: "cleartext: no TLS" }),
    Type.Object(
      {
        enabled: Type.Literal(true),
        verified: Type.Boolean({ description: "false under --insecure: the server's certificate and host name were not checked" }),
        protocol: Type.Union([Type.String(), Type.Null()], { description: "the TLS version most handshakes negotiated, e.g. TLSv1.3; null when no handshake completed" }),
        cipher: Type.Union([Type.String(), Type.Null()], { description: "the cipher suite most handshakes negotiated (IANA name), e.g. TLS_AES_256_GCM_SHA384" }),
        alpn: Type.Union([Type.String(), Type.Null()], { description: "the ALPN protocol most handshakes agreed (h2, http/1.1; \"none\" when none was); null when no handshake completed" }),
        handshakes: Type.Object(
          {
            full: Type.Integer({ minimum: 0 }),
            resumed: Type.Integer({ minimum: 0, description: "handshakes that resumed an earlier session: cheaper than a full one, so they change CPU and latency per connection" }),
          },
          { description: "TLS handshakes the run's clients completed with this arm's servers" },
        ),
        protocols: TlsCounts,
        ciphers: TlsCounts,
        alpns: TlsCounts,
      },
      { description: "TLS: what the handshakes negotiated and how many were full vs resumed" },
    ),
  ],
  { description: "TLS on/off for this arm, and what its handshakes negotiated" },
);
export type ArmTls = Static<typeof ArmTls>;

export const Arm = Type.Object({
  id: ArmId,
  label: Type.String({ description: "short human label, e.g. REST (express)" }),
  api: ArmApi,
  wire: ArmWire,
  transport: ArmTransport,
  framework: Type.String({ description: "e.g. grpc-js, express, node:http" }),
  description: Type.String(),
  target: Type.Union([Type.String(), Type.Null()], { description: "the running server measured (--target), or null when the harness started its own" }),
  tls: Type.Optional(ArmTls),
});
export type Arm = Static<typeof Arm>;
