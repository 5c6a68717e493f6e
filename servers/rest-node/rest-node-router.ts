// The router of rest-node: the REST path templates of servers/shop-routes.ts compiled once into one regular
// expression, so a request costs one regex exec whatever its route (express tests one regex per layer until
// one matches). It matches what express 5 matches: case-insensitive, one optional trailing slash, ":id" is one
// non-empty path segment, percent-decoded only when it holds a "%", and a bad escape is 400 at match time.
import { RpcError } from "../handlers/status.js";
import type { RpcName, ShopRoute } from "../shop-routes.js";

/** The RPCs rest-node serves over plain HTTP (Chat is the WebSocket on the same server). */
export type HttpRpc = Exclude<RpcName, "Chat">;

/** One path template and the RPC behind each of its methods. */
export interface PathShape {
  readonly template: string;
  readonly methods: Readonly<Partial<Record<string, HttpRpc>>>;
  /** index of the empty marker group that is defined when this template matched */
  readonly marker: number;
  /** index of the ":id" group, or -1 */
  readonly idGroup: number;
}

export interface RouteMatch {
  shape: PathShape;
  /** the ":id" segment as sent (percent-encoded), "" when the template has none */
  rawId: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export class RestNodeRouter {
  private readonly pattern: RegExp;
  private readonly shapes: readonly PathShape[];

  constructor(routes: readonly ShopRoute[]) {
    const byTemplate = new Map<string, Partial<Record<string, HttpRpc>>>();
    for (const { rpc, rest } of routes) {
      if (rpc === "Chat") continue;
      const methods = byTemplate.get(rest.path) ?? {};
      if (methods[rest.method] !== undefined) throw new Error(`two routes for ${rest.method} ${rest.path}`);
      methods[rest.method] = rpc;
      byTemplate.set(rest.path, methods);
    }
    const alternatives: string[] = [];
    const shapes: PathShape[] = [];
    let group = 1;
    for (const [template, methods] of byTemplate) {
      // "()" marks which alternative matched; ":id" is one non-empty segment, as path-to-regexp 8 compiles it.
      const parts = template.split(/(:id)(?=\/|$)/);
      const marker = group++;
      let idGroup = -1;
      let source = "()";
      for (const part of parts) {
        if (part === ":id") {
          if (idGroup !== -1) throw new Error(`${template}: one :id per template`);
          idGroup = group++;
          source += "([^/]+)";
        } else {
          if (part.includes(":")) throw new Error(`${template}: only :id is supported`);
          source += escapeRegExp(part);
        }
      }
      alternatives.push(source);
      shapes.push({ template, methods: Object.assign(Object.create(null) as object, methods), marker, idGroup });
    }
    this.pattern = new RegExp(`^(?:${alternatives.join("|")})\\/?$`, "i");
    this.shapes = shapes;
  }

  /** The template a pathname matches (no query string), or null. */
  match(pathname: string): RouteMatch | null {
    const m = this.pattern.exec(pathname);
    if (m === null) return null;
    for (const shape of this.shapes) {
      if (m[shape.marker] !== undefined) return { shape, rawId: shape.idGroup === -1 ? "" : (m[shape.idGroup] ?? "") };
    }
    return null;
  }
}

/** The RPC of a method on a matched template; HEAD runs the GET route, as in express. */
export function rpcFor(shape: PathShape, method: string | undefined): HttpRpc | undefined {
  if (method === undefined) return undefined;
  return shape.methods[method] ?? (method === "HEAD" ? shape.methods["GET"] : undefined);
}

/** A path segment percent-decoded as express's router decodes params (same 400 text for a bad escape). */
export function decodePathParam(raw: string): string {
  if (raw.indexOf("%") === -1) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new RpcError("INVALID_ARGUMENT", `Failed to decode param '${raw}'`);
  }
}
