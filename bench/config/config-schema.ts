// The JSON Schema of a --config file (YAML or JSON), and the shape it guarantees. bench/config/config.schema.json is
// this object written out (bench/config/write-config-schema.ts; a test keeps the two equal), for editors: a YAML
// file that starts with `# yaml-language-server: $schema=…/config.schema.json` gets completion and checks.
// What the schema cannot say (a method that exists, a request that fits its message) load-config.ts checks.
import { FAMILIES } from "../model/report.js";
import { PROFILES } from "../profile.js";

/** A request or body: canonical JSON inline, or the path of a JSON/YAML file holding it. */
export type JsonOrFile = Record<string, unknown> | string;

export interface ConfigRest {
  method: string;
  /** a path (with query), where {field.path} variables are filled from each request */
  path?: string;
  /** the JSON body: an object, a file, or "*" (the request as canonical JSON) */
  body?: JsonOrFile | null;
}

export interface ConfigCall {
  name: string;
  grpc: string;
  request?: JsonOrFile;
  requests?: JsonOrFile[];
  rest?: ConfigRest;
  check?: "status" | "equal-json";
}

export interface ConfigFile {
  $schema?: string;
  protos: string[];
  importPaths?: string[];
  calls?: ConfigCall[];
  targets?: { grpc?: string; rest?: string; ca?: string; insecure?: boolean };
  messages?: { type: string; samples: string[] }[];
  families?: string[];
  profile?: string;
}

const jsonOrFile = (what: string) => ({
  description: `${what}: canonical JSON (proto3 JSON mapping) inline, or the path of a .json/.yaml file holding it, relative to the config file`,
  type: ["object", "string"],
  minLength: 1,
});

const nonEmpty = { type: "string", minLength: 1 } as const;

export const CONFIG_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://grpc-rest-bench/config.schema.json",
  title: "grpc-rest-bench --config file",
  description: "Your protos, calls, messages and targets. Relative paths are relative to the config file.",
  type: "object",
  additionalProperties: false,
  required: ["protos"],
  properties: {
    $schema: { type: "string" },
    protos: { description: "the .proto files to load", type: "array", minItems: 1, items: nonEmpty },
    importPaths: {
      description: "directories imports are resolved in, in order (protoc's -I); default: the config file's directory. google/protobuf/* and google/api/{annotations,http}.proto are built in",
      type: "array",
      items: nonEmpty,
    },
    calls: {
      description: "the calls the load (and multiplex) families measure against targets",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "grpc"],
        properties: {
          name: { description: "labels every figure of the call; letters, digits, . _ -", type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", maxLength: 64 },
          grpc: { description: "the method: package.Service/Method", type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_.]*/[A-Za-z_][A-Za-z0-9_]*$" },
          request: jsonOrFile("the request message"),
          requests: { description: "several requests, sent round-robin", type: "array", minItems: 1, items: jsonOrFile("a request message") },
          rest: {
            description: "the REST side, when the method has no google.api.http annotation or another request is wanted; wins over the annotation",
            type: "object",
            additionalProperties: false,
            required: ["method", "path"],
            properties: {
              method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE", "get", "post", "put", "patch", "delete"] },
              path: { description: "path and query; {field.path} is filled from each request, percent-encoded", type: "string", pattern: "^/" },
              body: { description: 'the JSON body: an object, a file, or "*" for the request itself as canonical JSON; none when absent or null', type: ["object", "string", "null"] },
            },
          },
          check: { description: "status (default): gRPC OK / HTTP 2xx; equal-json: also the gRPC reply's canonical JSON equals the REST body", type: "string", enum: ["status", "equal-json"] },
        },
        not: { required: ["request", "requests"] },
      },
    },
    targets: {
      description: "where your servers run",
      type: "object",
      additionalProperties: false,
      properties: {
        grpc: { description: "grpc://HOST:PORT or, over TLS, grpcs://HOST:PORT", type: "string", pattern: "^grpcs?://" },
        rest: { description: "http://HOST:PORT or https://HOST:PORT", type: "string", pattern: "^https?://" },
        ca: { description: "PEM certificate(s) to trust for the TLS targets instead of the system roots (--ca wins)", type: "string", minLength: 1 },
        insecure: { description: "TLS without verifying certificates (--insecure)", type: "boolean" },
      },
    },
    messages: {
      description: "message types and canonical JSON samples for the size and micro families (no servers needed)",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["type", "samples"],
        properties: {
          type: { description: "fully qualified message type, e.g. routeguide.Feature", type: "string", minLength: 1 },
          samples: { description: "canonical JSON files, each one message", type: "array", minItems: 1, items: nonEmpty },
        },
      },
    },
    families: { description: "the families to run (--only wins)", type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: [...FAMILIES] } },
    profile: { description: "quick or full (--profile wins)", type: "string", enum: [...PROFILES] },
  },
} as const;
