// What the load side reads of a resolved config (bench/config/resolved-config.ts owns the whole shape): the calls
// and the targets. Declared here structurally, so the load side depends on these fields only.
import type protobuf from "protobufjs";

export interface UserCall {
  /** the call's name in the config: every load result is labelled with it */
  name: string;
  grpc: {
    /** "/pkg.Service/Method" */
    path: string;
    requestType: protobuf.Type;
    responseType: protobuf.Type;
    /** the encoded requests, sent round-robin */
    requests: readonly Uint8Array[];
    serverStreaming: boolean;
    clientStreaming: boolean;
  };
  rest: {
    method: string;
    /** per request, index for index with grpc.requests: path with query, JSON body or null */
    requests: readonly { path: string; body: string | null }[];
    /** where the REST side came from: the method's google.api.http annotation, or the config's `rest` */
    derivedFrom?: "annotation" | "config";
  };
  /** status (default): gRPC status OK / HTTP 2xx; equal-json: also the replies' canonical JSON equal */
  check?: "status" | "equal-json";
}

export interface UserApiConfig {
  /** the config file, as problems name it */
  file?: string;
  calls: readonly UserCall[];
  /** the config's targets: grpc (grpc:// or grpcs://) and rest (http:// or https://) */
  targets: { readonly grpc?: string; readonly rest?: string };
}
