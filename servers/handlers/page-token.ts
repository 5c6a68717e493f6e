// ListUsers page tokens: opaque to clients (base64url), an offset into the listing order inside.
import { RpcError } from "./status.js";

const PREFIX = "offset:";

export function encodePageToken(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString("base64url");
}

/** The offset a token stands for; "" is the first page. Anything this server did not issue is INVALID_ARGUMENT. */
export function decodePageToken(token: string): number {
  if (token === "") return 0;
  const text = Buffer.from(token, "base64url").toString("utf8");
  const match = /^offset:(\d{1,9})$/.exec(text);
  // Re-encoding must give the token back, so lenient base64 variants of a valid token are refused too.
  if (!match || encodePageToken(Number(match[1])) !== token) {
    throw new RpcError("INVALID_ARGUMENT", `invalid page_token ${JSON.stringify(token.slice(0, 64))}`);
  }
  return Number(match[1]);
}
