// Two pieces of express's request handling that every REST arm reproduces so their bytes agree: the path express
// routes on (parseurl), and the only conditional GET express answers with 304 when no arm sends ETag or Last-Modified.
import type { IncomingMessage } from "node:http";

/** The fresh package's test for Cache-Control: no-cache. */
const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;

/**
 * express's res.send answers a fresh conditional GET/HEAD with 304: here only `If-None-Match: *` without
 * `Cache-Control: no-cache`. Reads the request's headers and method only (an HTTP/2 arm has no IncomingMessage).
 */
export function notModified(req: Pick<IncomingMessage, "headers" | "method">): boolean {
  if (req.headers["if-none-match"] !== "*" || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const cacheControl = req.headers["cache-control"];
  return cacheControl === undefined || !NO_CACHE.test(cacheControl);
}

/**
 * A request target as express's router sees it (parseurl): pathname and query string, no fragment; an
 * absolute-form target (a proxy-style request) reduced to its path, "/" when it has none.
 */
export function splitTarget(url: string): { pathname: string; search: string } {
  let target = url;
  if (target.charCodeAt(0) !== 0x2f /* "/" */) {
    const scheme = target.indexOf("://");
    const query = target.indexOf("?");
    if (scheme !== -1 && (query === -1 || scheme < query)) {
      const slash = target.indexOf("/", scheme + 3);
      const end = slash === -1 ? query : query === -1 ? slash : Math.min(slash, query);
      target = end === -1 ? "/" : end === query ? `/${target.slice(end)}` : target.slice(end);
    }
  }
  const hash = target.indexOf("#");
  if (hash !== -1) target = target.slice(0, hash);
  const q = target.indexOf("?");
  return q === -1 ? { pathname: target, search: "" } : { pathname: target.slice(0, q), search: target.slice(q + 1) };
}
