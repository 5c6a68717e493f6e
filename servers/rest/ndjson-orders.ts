// StreamOrders over HTTP/1.1: one canonical-JSON Order per line (NDJSON), written as produced by the same pump
// as gRPC's StreamOrders. Every REST/JSON arm writes its stream with this function, on node:http's response
// (json-h2 on an HTTP/2 stream behind the same calls).
import { canonicalJsonCodec } from "../../proto/canonical-json.js";
import type { shop } from "../../proto/generated/shop.js";
import { pump } from "../handlers/stream-pump.js";

const order = canonicalJsonCodec("Order");

export const NDJSON_CONTENT_TYPE = "application/x-ndjson";

/** What the writer uses of a node:http ServerResponse; an HTTP/2 arm (json-h2) puts its stream behind the same calls. */
export interface NdjsonResponse {
  writeHead(statusCode: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  cork(): void;
  uncork(): void;
  on(event: "close" | "drain", listener: () => void): unknown;
  end(): unknown;
  /** node:http's connection; absent on an HTTP/2 stream */
  readonly socket?: { readonly writableNeedDrain: boolean } | null;
}

/**
 * Writes the headers and every order, then ends the response; stops early if the client goes away. Call it
 * only after the request was validated: from here on a failure can only truncate the stream (the caller
 * destroys the response), never turn into an error status.
 */
export async function writeNdjsonOrders(res: NdjsonResponse, items: Iterator<shop.v1.IOrder>): Promise<void> {
  let closed = false;
  // 'drain' is counted, not awaited per pushback: since Node 22, uncork() can flush the corked burst and emit
  // 'drain' synchronously, before the pump asks to wait for it; a listener added then would wait forever.
  let drains = 0;
  let drainsAtPushback = 0;
  let wake: (() => void) | null = null;
  res.on("close", () => {
    closed = true;
    wake?.();
  });
  res.writeHead(200, { "content-type": NDJSON_CONTENT_TYPE });
  // With compression on, the compression middleware routes 'drain' listeners to its zlib stream when that compresses.
  res.on("drain", () => {
    drains++;
    wake?.();
  });
  await pump(items, {
    write: (item) => {
      if (res.write(JSON.stringify(order.toJson(item)) + "\n")) return true;
      drainsAtPushback = drains;
      return false;
    },
    drained: () =>
      closed || drains > drainsAtPushback
        ? Promise.resolve()
        : // Node 22+ over TLS: res.write() says "wait" from its own corked byte count, but the TLS socket took the burst
          // without ever being full, so neither it nor the response will emit 'drain'. A socket that is not backed up
          // needs no waiting; one that is emits 'drain', which node:http passes on to the response.
          res.socket && !res.socket.writableNeedDrain
          ? new Promise<void>((resolve) => setImmediate(resolve))
          : new Promise<void>((resolve) => {
            wake = () => {
              wake = null;
              resolve();
            };
          }),
    get closed() {
      return closed;
    },
    // HTTP/2 (gRPC) sends the frames queued in one tick together; corking gives HTTP/1.1 the same batching.
    beginBurst: () => res.cork(),
    endBurst: () => res.uncork(),
  });
  if (!closed) res.end();
}
