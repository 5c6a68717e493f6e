// The gateway's side of the hop: one grpc-js channel (one HTTP/2 connection) to the upstream gRPC server, and
// every call over it with the generated static codecs of servers/grpc/service-definitions.ts, as grpc-gateway
// forwards every request over the one ClientConn it dialled. A failed call comes back as the RpcError of its
// status, so the REST error reply is the one rest sends for the same status.
import * as grpc from "@grpc/grpc-js";
import { AUTHORIZATION } from "../handlers/bearer-token.js";
import { DELAY_HEADER } from "../handlers/request-delay.js";
import { RpcError, STATUS_NAMES } from "../handlers/status.js";
import { ListenError } from "../server-arm.js";

export type UpstreamReply = (err: RpcError | null, reply?: object) => void;

export class UpstreamChannel {
  private readonly client: grpc.Client;

  /** `credentials`: cleartext unless the upstream is grpcs:// (upstream-credentials.ts) */
  constructor(
    readonly target: string,
    credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
  ) {
    this.client = new grpc.Client(target, credentials, {
      // rest sends a reply of any size; so must the hop (xlarge and ListOrders limit=20000 exceed grpc-js's 4 MiB).
      "grpc.max_receive_message_length": -1,
    });
  }

  /** Connects now, so the first call does not pay for it; an upstream that cannot be reached is the user's to fix. */
  ready(url: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.waitForReady(Date.now() + timeoutMs, (err) => {
        if (err === undefined || err === null) resolve();
        else reject(new ListenError(`cannot reach the upstream gRPC server ${url} within ${timeoutMs} ms`));
      });
    });
  }

  /**
   * One unary call. `delay` is the request's x-delay-ms header, forwarded as metadata (only when the gateway's
   * own head-of-line option is on) so the upstream waits, as it would for a gRPC client. `authorization` is the
   * request's Authorization header, forwarded as `authorization` metadata as grpc-gateway forwards it, so an
   * upstream that requires the bearer token gets the one the client sent.
   */
  unary(method: grpc.MethodDefinition<object, object>, request: object, delay: string | undefined, authorization: string | undefined, done: UpstreamReply): void {
    const metadata = new grpc.Metadata();
    if (delay !== undefined) metadata.set(DELAY_HEADER, delay);
    if (authorization !== undefined) metadata.set(AUTHORIZATION, authorization);
    this.client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, metadata, (err, reply) => {
      if (err === null) done(null, reply);
      else done(new RpcError(err.code > 0 && err.code < STATUS_NAMES.length ? (STATUS_NAMES[err.code] as RpcError["code"]) : "UNKNOWN", err.details));
    });
  }

  close(): void {
    this.client.close();
  }
}
