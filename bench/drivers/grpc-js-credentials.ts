// What a grpc-js client dials for a target: the address without its scheme, and channel credentials — insecure for
// grpc:// and host:port, TLS with the run's trust (bench/run-tls.ts) for grpcs://. Every grpc-js client of the bench
// (the end-to-end driver, the stream family's clients) builds its channel through this, so one flag (--ca,
// --insecure) governs all of them. (The monitor does not use grpc-js: bench/server-metrics/grpc-monitor-client.ts.)
//
// grpc-js opens the TLS socket itself; the credentials below wrap its secure connector so every handshake is counted
// in the run's tally (full vs resumed, version, cipher, ALPN) like our own drivers' handshakes. grpc-js never offers
// a session to resume, so each of its connections is a full handshake; the tally shows it rather than assuming it.
import * as grpc from "@grpc/grpc-js";
import type { GrpcUri } from "@grpc/grpc-js/build/src/uri-parser.js";
import type { SecureConnector } from "@grpc/grpc-js/build/src/channel-credentials.js";
import tls from "node:tls";
import { endpointKey, recordHandshake, runTlsTrust, type RunTlsTrust } from "../run-tls.js";
import { targetEndpoint } from "./target-address.js";

class CountedTlsCredentials extends grpc.ChannelCredentials {
  constructor(
    private readonly inner: grpc.ChannelCredentials,
    private readonly key: string,
  ) {
    super();
  }

  _isSecure(): boolean {
    return true;
  }

  _equals(other: grpc.ChannelCredentials): boolean {
    return other === this;
  }

  _createSecureConnector(channelTarget: GrpcUri, options: grpc.ChannelOptions, callCredentials?: grpc.CallCredentials): SecureConnector {
    const connector = this.inner._createSecureConnector(channelTarget, options, callCredentials);
    const key = this.key;
    return {
      async connect(socket) {
        const result = await connector.connect(socket);
        if (result.socket instanceof tls.TLSSocket) recordHandshake(key, result.socket);
        return result;
      },
      waitForReady: () => connector.waitForReady(),
      getCallCredentials: () => connector.getCallCredentials(),
      destroy: () => connector.destroy(),
    };
  }
}

export interface GrpcJsChannel {
  /** host:port, what grpc-js parses as a dns target */
  address: string;
  credentials: grpc.ChannelCredentials;
  tls: boolean;
}

/** The address and credentials for a gRPC target (host:port, grpc://host:port or grpcs://host:port). */
export function grpcJsChannel(target: string, override?: Partial<RunTlsTrust>): GrpcJsChannel {
  const endpoint = targetEndpoint(target);
  const address = endpointKey(endpoint.host, endpoint.port);
  if (!endpoint.tls) return { address, credentials: grpc.credentials.createInsecure(), tls: false };
  const trust = { ...runTlsTrust(), ...override };
  const inner = grpc.credentials.createSsl(trust.ca !== null ? Buffer.from(trust.ca) : null, null, null, {
    rejectUnauthorized: !trust.insecure,
    // --insecure: no host name check either (grpc-js would still run tls.checkServerIdentity).
    ...(trust.insecure ? { checkServerIdentity: () => undefined } : {}),
  });
  return { address, credentials: new CountedTlsCredentials(inner, address), tls: true };
}
