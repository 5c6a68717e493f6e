// `check: equal-json`: the gRPC reply's canonical JSON must equal the REST reply's, request for request (fairness
// rule 1, checked on the user's servers rather than assumed). Before a call is loaded, each of its requests is sent
// once to both targets (referenceReplies): the gRPC reply's canonical JSON is the reference, and a REST reply that
// differs is a problem named with the first path where they part. Under load the end-to-end drivers decode every
// reply and compare it with the reference of its request (responseCheck): a reply that differs counts as the error
// "mismatch" in that result, never thrown. REST bodies are compared after the canonical JSON mapping (parse, then
// print again), so a server that writes default values or int64 as numbers still equals one that leaves them out;
// a field the message does not have is a difference. The server-view drivers read statuses only.
import { isDeepStrictEqual } from "node:util";
import type * as grpc from "@grpc/grpc-js";
import type protobuf from "protobufjs";
import { Pool } from "undici";
import { fromCanonicalJson, toCanonicalJson, type JsonValue } from "../../proto/canonical-json.js";
import { grpcJsCallCode, grpcJsUnaryStub } from "../drivers/grpc-js-unary-stub.js";
import { bearerMetadata } from "../drivers/grpc-js-bearer.js";
import { targetEndpoint } from "../drivers/target-address.js";
import { undiciTlsConnector } from "../drivers/undici-tls-connector.js";
import { unaryMethodOf } from "../drivers/grpc-js-transport.js";
import type { CallSpec } from "../load/call-spec.js";
import { authHeaders, tokenOf } from "../run-token.js";

/** Whether a decoded reply to request `index` is the reference's; a reply that cannot be printed is not. */
export function responseCheck(type: protobuf.Type, expected: readonly JsonValue[]): (index: number, response: object) => boolean {
  return (index, response) => {
    try {
      return isDeepStrictEqual(toCanonicalJson(type, response), expected[index]);
    } catch {
      return false;
    }
  };
}

/** The first path where two JSON values differ ("" when equal), e.g. `.location.latitude` or `[2]`. */
export function firstDifference(a: JsonValue | undefined, b: JsonValue | undefined, path = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = firstDifference(a[i], b[i], `${path}[${i}]`);
        if (d !== null) return d;
      }
      return path;
    }
    const ao = a as Record<string, JsonValue>;
    const bo = b as Record<string, JsonValue>;
    for (const key of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
      const d = firstDifference(ao[key], bo[key], `${path}.${key}`);
      if (d !== null) return d;
    }
    return path;
  }
  return path === "" ? "the whole reply" : path;
}

const show = (value: JsonValue | undefined): string => {
  const text = value === undefined ? "absent" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Reads a JSON path like `.a.b[2]` out of a value (for the problem line). */
function at(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let v: JsonValue | undefined = value;
  for (const [, key, index] of path.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    if (v === null || typeof v !== "object") return undefined;
    v = key !== undefined ? (v as Record<string, JsonValue>)[key] : (v as JsonValue[])[Number(index)];
  }
  return v;
}

export interface ReferenceReplies {
  /** the gRPC reply's canonical JSON per request; null when a reply was missing (the check is then not made) */
  expected: JsonValue[] | null;
  /** one line per problem: a failed call, a REST body that is not the message's JSON, a REST reply that differs */
  problems: string[];
}

/** One unary gRPC call with the grpc-js stub (the run's token and trust), the reply decoded by the spec's codec. */
function grpcOnce(stub: ReturnType<typeof grpcJsUnaryStub>, request: object, timeoutMs: number): Promise<{ reply: object } | { code: string }> {
  const metadata: grpc.Metadata | null = bearerMetadata(tokenOf(undefined));
  return new Promise((resolve) => {
    try {
      stub.call(request, metadata, { deadline: Date.now() + timeoutMs }, (error, reply) => {
        const code = grpcJsCallCode(error);
        resolve(code === null ? { reply: reply as object } : { code });
      });
    } catch (error) {
      resolve({ code: (error as Error).message });
    }
  });
}

/**
 * Sends each of the call's requests once to both targets and compares the replies. `restTarget` is http(s)://host:port;
 * `grpcTarget` grpc(s)://host:port or host:port. Never throws for what a server answers.
 */
export async function referenceReplies(name: string, spec: CallSpec, type: protobuf.Type, grpcTarget: string, restTarget: string, timeoutMs: number): Promise<ReferenceReplies> {
  const rotation = spec.rotation;
  const requests = rotation?.requests ?? [spec.request];
  const rest = rotation?.rest ?? [{ method: "GET", path: spec.restPath, body: null }];
  const problems: string[] = [];
  if (requests.length !== rest.length) {
    return { expected: null, problems: [`call ${name}: ${requests.length} gRPC request(s) but ${rest.length} REST request(s): equal-json pairs them index for index, so it was not checked`] };
  }
  const stub = grpcJsUnaryStub(grpcTarget, unaryMethodOf(spec));
  const pool = new Pool(restTarget, { ...(targetEndpoint(restTarget).tls ? { connect: undiciTlsConnector({ resume: true }) } : {}), connections: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const expected: JsonValue[] = [];
  let complete = true;
  try {
    for (const [i, request] of requests.entries()) {
      const what = `call ${name} request ${i + 1}`;
      const g = await grpcOnce(stub, request, timeoutMs);
      if ("code" in g) {
        problems.push(`${what}: the gRPC call failed (${g.code})`);
        complete = false;
        continue;
      }
      let reference: JsonValue;
      try {
        reference = toCanonicalJson(type, g.reply);
      } catch (error) {
        problems.push(`${what}: the gRPC reply has no canonical JSON (${(error as Error).message})`);
        complete = false;
        continue;
      }
      expected.push(reference);
      const r = rest[i] as (typeof rest)[number];
      let status: number;
      let text: string;
      try {
        const reply = await pool.request({
          method: r.method as "GET",
          path: r.path,
          headers: { accept: "application/json", ...(r.body !== null ? { "content-type": "application/json" } : {}), ...authHeaders(tokenOf(undefined)) },
          ...(r.body !== null ? { body: r.body } : {}),
        });
        status = reply.statusCode;
        text = await reply.body.text();
      } catch (error) {
        problems.push(`${what}: the REST call ${r.method} ${r.path} failed (${(error as Error).message})`);
        continue;
      }
      if (status < 200 || status >= 300) {
        problems.push(`${what}: REST ${r.method} ${r.path} answered ${status}`);
        continue;
      }
      let restJson: JsonValue;
      try {
        restJson = toCanonicalJson(type, fromCanonicalJson(type, JSON.parse(text) as JsonValue));
      } catch (error) {
        problems.push(`${what}: the REST reply to ${r.method} ${r.path} is not ${type.name} as canonical JSON (${(error as Error).message.split("\n")[0]})`);
        continue;
      }
      const diff = firstDifference(reference, restJson);
      if (diff !== null) {
        problems.push(`${what}: the REST reply to ${r.method} ${r.path} differs from the gRPC reply at ${diff} (gRPC ${show(at(reference, diff))}, REST ${show(at(restJson, diff))})`);
      }
    }
  } finally {
    stub.close();
    await pool.destroy().catch(() => {});
  }
  return { expected: complete ? expected : null, problems };
}
