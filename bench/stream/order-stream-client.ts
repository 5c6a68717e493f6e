// One way of getting N orders from a server: gRPC server streaming, REST NDJSON, a one-shot REST JSON
// array, REST pagination. Each client hashes the items in its own wire encoding (see item-checksum.ts) and
// compares with the value expected for that encoding (expected-orders.ts).
//
// A fetch is planned before it is timed: the plan names the (user, count) listings it will read, so expected
// values are computed outside the measured window, and clients whose server replies are memoized (unpaged
// ListOrders memoizes per user and limit) can ask for a user not read before, so the server does the same work
// (generate, encode, send) as for a stream.
import type { Protocol } from "../model/measurement.js";
import type { ExpectedItems, ReceivedItems } from "./item-checksum.js";

/** Expected count and hash of the first N orders of a user, in every encoding a client may receive. */
export interface ExpectedOrders {
  count: number;
  /** Serialized shop.v1.Order messages, concatenated (gRPC messages without their 5-byte frame header). */
  protobufMessages: ExpectedItems;
  /** Canonical JSON text of each Order followed by "\n": the NDJSON body. */
  ndjsonBody: ExpectedItems;
  /** Canonical JSON text of ListOrdersResponse {orders}: the one-shot body. */
  jsonArrayBody: ExpectedItems;
  /**
   * Canonical JSON text of each paged ListOrdersResponse of `pageSize` orders, concatenated, each without its
   * opaque next_page_token member (a client cannot know the token's bytes, only follow it).
   */
  pagedBodies: ExpectedItems & { pageSize: number };
}

/** Orders 0..count-1 of one user, read by one request, one stream, or one listing read page by page. */
export interface PlannedPage {
  userId: string;
  count: number;
}

export interface OrderFetchResult {
  /** From the start of the fetch to the first order decoded and usable by the caller. */
  timeToFirstItemMs: number | null;
  /** From the start of the fetch to the last order decoded. */
  timeToLastItemMs: number | null;
  received: ReceivedItems;
  /** Requests made (1 for a stream or a one-shot, one per page when paged). */
  requests: number;
  /** Set when the call failed (transport error, bad status); received is then unverified. */
  failure?: string;
}

export interface OrderStreamClient {
  readonly configuration: string;
  readonly protocol: Protocol;
  /** What carries the call (library and shape), for the report. */
  readonly driver: string;
  /** How to read the figures (emulation, caps), when there is something to say. */
  readonly note?: string;
  /** Largest N the configuration can serve; larger N are reported as not applicable, never faked. */
  readonly maxItems: number | null;
  /** The pages the next fetch of `n` orders will read; `userId` is the user a stream would read. */
  plan(userId: string, n: number): PlannedPage[];
  /**
   * Reads the planned pages, each checked against its expected values (same order).
   * Never throws: failures (including `signal` aborting the call) come back as an unverified result.
   */
  fetch(pages: readonly PlannedPage[], expected: readonly ExpectedOrders[], signal: AbortSignal): Promise<OrderFetchResult>;
  close(): Promise<void>;
}

export function failed(message: string, count: number, requests = 1): OrderFetchResult {
  return {
    timeToFirstItemMs: null,
    timeToLastItemMs: null,
    received: { count, sha256: "", verified: false, mismatch: message },
    requests,
    failure: message,
  };
}

/** Single-page clients: exactly one planned page and its expected values, or a clear failure. */
export function onePage(pages: readonly PlannedPage[], expected: readonly ExpectedOrders[]): [PlannedPage, ExpectedOrders] | string {
  const page = pages[0];
  const exp = expected[0];
  if (pages.length !== 1 || expected.length !== 1 || page === undefined || exp === undefined) {
    return `expected exactly one planned page, got ${pages.length} pages and ${expected.length} expectations`;
  }
  return [page, exp];
}

/** Hands out users in turn, so consecutive fetches read replies the server has not memoized. */
export class FreshUsers {
  #next: number;
  constructor(
    private readonly first: number,
    private readonly last: number,
  ) {
    this.#next = first;
  }
  take(): string {
    const id = `u-${this.#next}`;
    this.#next = this.#next >= this.last ? this.first : this.#next + 1;
    return id;
  }
}
