// What TLS changes, measured (the tls family): per arm, the same call over a connection per call with a full TLS
// handshake each time, with the previous connection's session offered, over one kept-alive TLS connection, and
// over cleartext TCP (per call and kept alive) for reference, the modes' windows interleaved round by round; then
// the headline load scenarios against a cleartext and a TLS server of the same arm, the sides alternating. Every
// entry names its arm and embeds the load engine's measurement (aggregate, every window, HDR histogram), so compare
// and the writers treat it like a load entry.
import { Type, type Static } from "@sinclair/typebox";
import { ArmId } from "./arm.js";
import { EngineMeasurement, PayloadClass, Protocol } from "./measurement.js";

export const TLS_CONNECTION_MODES = ["tls-full", "tls-resumed", "tls-keepalive", "tcp-per-call", "tcp-keepalive"] as const;

export const TlsConnectionMode = Type.Union(
  TLS_CONNECTION_MODES.map((m) => Type.Literal(m)),
  {
    description:
      "tls-full: a new TLS connection per call, no session offered (a full handshake each time); tls-resumed: a new TLS connection per call " +
      "offering the previous connection's session (resumption counted, never assumed); tls-keepalive: one TLS connection per lane for every call; " +
      "tcp-per-call / tcp-keepalive: the same over cleartext TCP, for reference",
  },
);
export type TlsConnectionMode = Static<typeof TlsConnectionMode>;

export const HandshakeCounts = Type.Object(
  {
    full: Type.Integer({ minimum: 0, description: "handshakes the server did in full (isSessionReused() false)" }),
    resumed: Type.Integer({ minimum: 0, description: "handshakes that resumed an offered session (isSessionReused() true)" }),
    sessionsOffered: Type.Integer({ minimum: 0, description: "connections that offered a session to resume" }),
  },
  { description: "TLS handshakes the client completed, as the client's TLS socket reported each one" },
);
export type HandshakeCounts = Static<typeof HandshakeCounts>;

export const TlsSeen = Type.Object(
  {
    protocols: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: "handshakes per TLS version, e.g. TLSv1.3" }),
    ciphers: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: "handshakes per cipher suite (standard name)" }),
    alpn: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: "handshakes per ALPN protocol the server chose; none when it chose none" }),
  },
  { description: "what the handshakes negotiated" },
);
export type TlsSeen = Static<typeof TlsSeen>;

export const InterleavedRounds = Type.Object(
  {
    modes: Type.Array(TlsConnectionMode, { description: "the ways of connecting measured together, this one included, in the even rounds' order; odd rounds run them in reverse (ABBA)" }),
    rounds: Type.Integer({ minimum: 0, description: "rounds run: window i of each mode listed ran in round i" }),
    windowWarmupS: Type.Number({ description: "unmeasured calls before each window" }),
  },
  {
    description:
      "the windows of these modes were interleaved round by round after every mode had warmed up, not measured one mode after another: ratios between them (resumed / full) pair window i with window i. Absent in reports from before interleaving",
  },
);
export type InterleavedRounds = Static<typeof InterleavedRounds>;

/** (a)–(d): one arm, one way of connecting, one number of lanes. */
export const TlsConnectionResult = Type.Composite([
  Type.Object({
    kind: Type.Literal("connection"),
    arm: ArmId,
    protocol: Protocol,
    /** what the client spoke: HTTP/1.1 or HTTP/2 (h2 by ALPN over TLS, prior knowledge over cleartext) */
    http: Type.Union([Type.Literal("http/1.1"), Type.Literal("h2")]),
    call: Type.String({ description: "RPC name from proto/, e.g. GetUser" }),
    payload: PayloadClass,
    request: Type.String({ description: "what each call sent, e.g. GET /v1/users/u-6 or POST /shop.v1.UserService/GetUser" }),
    mode: TlsConnectionMode,
    tls: Type.Boolean(),
    connection: Type.Union([Type.Literal("per-call"), Type.Literal("keep-alive")]),
    sessionResumption: Type.Boolean({ description: "each new connection offered the session of the lane's previous one" }),
    alpnOffered: Type.Array(Type.String(), { description: "ALPN protocols offered; empty over cleartext" }),
    lanes: Type.Integer({ minimum: 1, description: "calls in flight: each lane makes one call at a time, back to back" }),
    driver: Type.String({ description: "tls-cost-h1 / tls-cost-h2: one request at a time per connection, pre-built request bytes" }),
    target: Type.String({ description: "host:port that was measured" }),
    remote: Type.Boolean({ description: "a --target the harness did not start: server CPU from its monitor endpoint when it offers one (serverMetrics says which), else not measured" }),
    warmupS: Type.Number({ description: "the mode's unmeasured calls before the first round, at least (longer before a server's first windows; the note says how many calls)" }),
    windowS: Type.Number({ description: "planned length of one measured window" }),
    interleaving: Type.Optional(InterleavedRounds),
    connectionsOpened: Type.Integer({ minimum: 0, description: "connections opened inside the measured windows" }),
    handshakes: Type.Union([HandshakeCounts, Type.Null()], { description: "TLS handshakes completed inside the measured windows; null over cleartext" }),
    handshakesByWindow: Type.Optional(
      Type.Array(HandshakeCounts, { description: "the TLS handshakes of each measured window, in the order of repetitions[] (window i: round i); absent over cleartext" }),
    ),
    warmupHandshakes: Type.Union([HandshakeCounts, Type.Null()], {
      description: "TLS handshakes outside the measured windows: the warm-ups (kept-alive connections opened, each resuming lane's first full handshake) and the unmeasured calls before each window",
    }),
    tlsSeen: Type.Union([TlsSeen, Type.Null()], { description: "every handshake of the case, warm-up included; null over cleartext" }),
    note: Type.String(),
  }),
  EngineMeasurement,
]);
export type TlsConnectionResult = Static<typeof TlsConnectionResult>;

export const RatioWithCi = Type.Object({
  ratio: Type.Union([Type.Number(), Type.Null()], { description: "TLS / cleartext: geometric mean of the per-round ratios (the sides alternate ABBA, round i of one paired with round i of the other)" }),
  ci95: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()], { description: "95% CI of the paired ratio over the rounds (t on the log-ratios); null with fewer than 2 rounds" }),
});
export type RatioWithCi = Static<typeof RatioWithCi>;

export const TlsLoadSide = Type.Object({
  scenario: Type.String({ description: "the load engine's scenario id" }),
  target: Type.String({ description: "what the driver dialled: host:port / http:// for cleartext, grpcs:// / https:// for TLS" }),
  measurement: EngineMeasurement,
});
export type TlsLoadSide = Static<typeof TlsLoadSide>;

/** (e): one headline load scenario against a cleartext and a TLS server of the same arm. */
export const TlsVersusCleartextResult = Type.Object({
  kind: Type.Literal("tls-vs-cleartext"),
  arm: ArmId,
  protocol: Protocol,
  call: Type.String(),
  payload: PayloadClass,
  view: Type.Literal("server"),
  mode: Type.Literal("closed"),
  concurrency: Type.Integer({ minimum: 1 }),
  connections: Type.Integer({ minimum: 1 }),
  driver: Type.String(),
  cleartext: TlsLoadSide,
  tls: TlsLoadSide,
  tlsHandshakes: Type.Union([HandshakeCounts, Type.Null()], { description: "what the driver's TLS handshakes against the TLS server were (connections opened up front, reconnects); null when the driver does not report them" }),
  tlsSeen: Type.Union([TlsSeen, Type.Null()]),
  throughput: RatioWithCi,
  serverCpuUsPerCall: RatioWithCi,
  latencyP50: RatioWithCi,
  note: Type.String(),
});
export type TlsVersusCleartextResult = Static<typeof TlsVersusCleartextResult>;

export const TlsResult = Type.Union([TlsConnectionResult, TlsVersusCleartextResult], {
  description: "the tls family: connection cost cases (kind connection) and TLS vs cleartext load (kind tls-vs-cleartext)",
});
export type TlsResult = Static<typeof TlsResult>;
