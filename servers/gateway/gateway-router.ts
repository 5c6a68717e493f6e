// The gateway's router: the path templates of the annotated routes compiled into one regular expression (one
// exec per request, as rest-node's router). Where grpc-gateway and express match differently, it matches as the
// REST arms do, so the gateway answers every path with rest's bytes: literals case-insensitively, one optional
// trailing slash, HEAD runs the GET route, and a variable is percent-decoded at match time, before the method is
// looked at (a bad escape is express's 400 whatever the method). A single-segment variable is fully decoded, as
// http.proto says and express does (Envoy's default leaves reserved characters such as %2F encoded).
import { decodePathParam } from "../rest-node/rest-node-router.js";
import type { HttpRoute } from "./http-rules.js";

/** One path template and the route behind each of its methods. */
interface TemplateShape {
  readonly routes: ReadonlyMap<string, HttpRoute>;
  /** index of the empty marker group that is defined when this template matched */
  readonly marker: number;
  /** index of the first variable's group */
  readonly firstGroup: number;
  readonly multiSegment: readonly boolean[];
}

export interface GatewayMatch {
  /** the route of a method on the matched template, HEAD falling back to GET */
  route(method: string): HttpRoute | undefined;
  /** the variables' values, percent-decoded; throws express's 400 for a bad escape */
  values(): string[];
}

/** A multi-segment value: decoded but for "%2F" (http.proto's reserved expansion keeps it). */
function decodeKeepingSlash(raw: string): string {
  return raw
    .split(/(%2F)/i)
    .map((part, i) => (i % 2 === 1 ? part : decodePathParam(part)))
    .join("");
}

export class GatewayRouter {
  private readonly pattern: RegExp;
  private readonly shapes: readonly TemplateShape[];

  constructor(routes: readonly HttpRoute[]) {
    const byTemplate = new Map<string, HttpRoute[]>();
    for (const route of routes) byTemplate.set(route.pathTemplate, [...(byTemplate.get(route.pathTemplate) ?? []), route]);
    const alternatives: string[] = [];
    const shapes: TemplateShape[] = [];
    let group = 1;
    for (const list of byTemplate.values()) {
      const methods = new Map<string, HttpRoute>();
      for (const route of list) {
        if (methods.has(route.method)) throw new Error(`two routes for ${route.method} ${route.pathTemplate}`);
        methods.set(route.method, route);
      }
      const template = list[0]!.template;
      const marker = group++;
      shapes.push({ routes: methods, marker, firstGroup: group, multiSegment: template.variables.map((v) => v.multiSegment) });
      group += template.variables.length;
      alternatives.push(`()${template.source}`);
    }
    this.pattern = new RegExp(`^(?:${alternatives.join("|")})\\/?$`, "i");
    this.shapes = shapes;
  }

  /** The template a pathname (no query string) matches, or null. */
  match(pathname: string): GatewayMatch | null {
    const m = this.pattern.exec(pathname);
    if (m === null) return null;
    const shape = this.shapes.find((s) => m[s.marker] !== undefined);
    if (shape === undefined) return null;
    return {
      route: (method) => shape.routes.get(method) ?? (method === "HEAD" ? shape.routes.get("GET") : undefined),
      values: () =>
        shape.multiSegment.map((multi, i) => {
          const raw = m[shape.firstGroup + i] ?? "";
          return multi ? decodeKeepingSlash(raw) : decodePathParam(raw);
        }),
    };
  }
}
