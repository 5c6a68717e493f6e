// A --config file once loaded and checked (bench/config/load-config.ts): every path resolved, the protos loaded,
// each call's requests encoded and its REST side derived, so the families that consume it (size, micro, and the
// load side in bench/user-api/) never read the file or meet a problem the loader could have named.
import type protobuf from "protobufjs";
import type { ArmApi } from "../../servers/server-arm.js";
import type { FamilyName, ProfileName } from "../model/report.js";

export interface ResolvedRestRequest {
  /** path with its query string, percent-encoded */
  path: string;
  /** the JSON body, or null when the method sends none */
  body: string | null;
}

export interface ResolvedCall {
  /** the call's name in the config: every figure about it is labelled with it */
  name: string;
  grpc: {
    /** "/pkg.Service/Method" */
    path: string;
    requestType: protobuf.Type;
    responseType: protobuf.Type;
    /** the requests, encoded, sent round-robin */
    requests: Uint8Array[];
    /** the same requests as canonical JSON (index for index) */
    requestsJson: object[];
    serverStreaming: boolean;
    clientStreaming: boolean;
  };
  rest: {
    /** upper case: GET, POST, PUT, PATCH, DELETE */
    method: string;
    /** index for index with grpc.requests */
    requests: ResolvedRestRequest[];
    /** the method's google.api.http annotation, or the config's explicit `rest` */
    derivedFrom: "annotation" | "config";
  };
  /** status (default): gRPC status OK / HTTP 2xx; equal-json: also the replies' canonical JSON equal */
  check?: "status" | "equal-json";
}

export interface ResolvedSample {
  /** the sample file as the config names it (relative to the config), also the figures' label */
  file: string;
  /** the file, absolute (a worker thread reads it again) */
  path: string;
  /** the in-memory message (protobufjs-shaped plain object, as the canonical JSON mapping reads it) */
  value: object;
}

export interface ResolvedMessage {
  type: protobuf.Type;
  /** fully qualified, without the leading dot: "routeguide.Feature" */
  name: string;
  samples: ResolvedSample[];
}

export interface ResolvedConfig {
  /** the config file as given on the command line: problems name it */
  file: string;
  /** the proto files, absolute, and the import paths, absolute: what a worker thread needs to load the same root */
  protos: { files: string[]; importPaths: string[] };
  calls: ResolvedCall[];
  /** the config's targets, one per api (the ids of its arms): grpc (grpc:// or grpcs://) and rest (http:// or https://) */
  targets: Partial<Record<ArmApi, string>>;
  /** TLS trust for the targets (targets.ca, absolute; targets.insecure), as --ca / --insecure give it (the flags win); the token comes only from --token or GRB_TOKEN */
  tls: { ca?: string; insecure?: boolean };
  messages: ResolvedMessage[];
  /** the families the config asks for (the CLI's --only wins), or null for the default set */
  families: FamilyName[] | null;
  profile: ProfileName | null;
  root: protobuf.Root;
}
