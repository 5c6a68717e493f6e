// The path template syntax of google/api/http.proto, parsed once at start:
//   Template = "/" Segments [ Verb ] ;  Segments = Segment { "/" Segment } ;
//   Segment  = "*" | "**" | LITERAL | Variable ;  Variable = "{" FieldPath [ "=" Segments ] "}" ;
//   FieldPath = IDENT { "." IDENT } ;  Verb = ":" LITERAL ;
// `{var}` is `{var=*}`: one non-empty segment; `**` is any number of segments and only last (before the verb).
// The result is a regular expression source, so a router can put several templates into one expression.

/** A `{field.path}` or `{field.path=segments}` of a template. */
export interface PathVariable {
  /** the bound field path, proto names, e.g. "user_id" */
  fieldPath: string;
  /** more than one segment (`{name=shelves/*}`, `{path=**}`): decoded except "%2F", as http.proto says */
  multiSegment: boolean;
}

export interface PathTemplate {
  /** the template as written */
  text: string;
  /** regular expression source of the whole path (no anchors), one capture group per variable, in order */
  source: string;
  variables: PathVariable[];
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** RFC 3986 pchar without "%" (literals are matched as written) and without the template's own syntax. */
const LITERAL = /^[A-Za-z0-9\-._~!$&'()+,;=@]+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function bad(template: string, why: string): never {
  throw new Error(`path template ${JSON.stringify(template)}: ${why}`);
}

/** Splits on "/" outside braces. */
function splitSegments(template: string, text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") {
      if (depth++ > 0) bad(template, "a variable must not contain another");
    } else if (c === "}") {
      if (--depth < 0) bad(template, "unbalanced }");
    } else if (c === "/" && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) bad(template, "unbalanced {");
  parts.push(text.slice(start));
  return parts;
}

/** Regex source of plain segments ("*", "**", LITERAL) joined by "/"; `last` says whether "**" may appear. */
function plainSegments(template: string, segments: readonly string[], last: boolean): string {
  return segments
    .map((segment, i) => {
      if (segment === "*") return "[^/]+";
      if (segment === "**") {
        if (!last || i !== segments.length - 1) bad(template, '"**" must be the last segment');
        return ".*";
      }
      if (!LITERAL.test(segment)) bad(template, `bad segment ${JSON.stringify(segment)}`);
      return escapeRegExp(segment);
    })
    .join("/");
}

export function parsePathTemplate(template: string): PathTemplate {
  if (!template.startsWith("/")) bad(template, 'must start with "/"');
  let body = template.slice(1);
  let verb = "";
  const lastSlash = body.lastIndexOf("/");
  const colon = body.indexOf(":", lastSlash + 1);
  if (colon !== -1 && body.indexOf("}", colon) === -1) {
    verb = body.slice(colon + 1);
    body = body.slice(0, colon);
    if (!LITERAL.test(verb)) bad(template, `bad verb ${JSON.stringify(verb)}`);
  }
  const segments = splitSegments(template, body);
  const variables: PathVariable[] = [];
  const sources = segments.map((segment, i) => {
    const isLast = i === segments.length - 1;
    if (!segment.startsWith("{")) return plainSegments(template, [segment], isLast);
    if (!segment.endsWith("}")) bad(template, `bad variable ${JSON.stringify(segment)}`);
    const inner = segment.slice(1, -1);
    const eq = inner.indexOf("=");
    const fieldPath = eq === -1 ? inner : inner.slice(0, eq);
    if (!fieldPath.split(".").every((part) => IDENT.test(part))) bad(template, `bad field path ${JSON.stringify(fieldPath)}`);
    if (variables.some((v) => v.fieldPath === fieldPath)) bad(template, `{${fieldPath}} appears twice`);
    const sub = eq === -1 ? ["*"] : inner.slice(eq + 1).split("/");
    variables.push({ fieldPath, multiSegment: sub.length > 1 || sub[0] === "**" });
    return `(${plainSegments(template, sub, isLast)})`;
  });
  return { text: template, source: `/${sources.join("/")}${verb === "" ? "" : `:${escapeRegExp(verb)}`}`, variables };
}
