// The run's bearer token (bench/run-token.ts) as grpc-js metadata. grpc-js refuses call credentials on an insecure
// channel, so the token goes as per-call metadata, the way a generated stub's caller passes it. One Metadata object
// per client, shared by its calls (as the head-of-line transports share their x-delay-ms one): grpc-js copies it.
import * as grpc from "@grpc/grpc-js";
import { AUTHORIZATION, bearerValue } from "../../servers/handlers/bearer-token.js";

/** `authorization: Bearer <token>` metadata, or null (send none) when there is no token. */
export function bearerMetadata(token: string | null): grpc.Metadata | null {
  if (token === null) return null;
  const metadata = new grpc.Metadata();
  metadata.set(AUTHORIZATION, bearerValue(token));
  return metadata;
}
