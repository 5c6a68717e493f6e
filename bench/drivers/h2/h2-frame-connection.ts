// One HTTP/2 connection (RFC 9113: cleartext with prior knowledge, or TLS with "h2" agreed by ALPN) that does
// exactly what a unary call needs and nothing else: write a pre-encoded HEADERS + DATA(END_STREAM) pair per gRPC
// call (REST: one HEADERS with END_STREAM, a GET), read the response frames, decode header blocks (HPACK) for
// :status and grpc-status, keep flow control and SETTINGS/PING obligations. This is what h2load does in C;
// node:http2 instead builds a Duplex stream, a headers object and several events per call, which on this machine
// costs the client about as much CPU as the server spends answering the call — so the client, not the server,
// would set the throughput.
//
// Per call the hot path allocates one small Buffer (the frames with the stream id patched in) and one Map
// entry; everything else is preallocated. Responses are never copied: DATA payloads are only counted.
import net from "node:net";
import { connectTls } from "../../run-tls.js";
import { alpnError, grpcStatusFromHeader, transportErrorCode } from "../error-code.js";
import type { ArmApi } from "../../model/arm.js";
import type { CallDone } from "../transport.js";
import { encodeInteger, encodeShortestString, encodeString, HpackDecoder, STATIC_TABLE_SIZE, staticNameIndex, staticPairIndex } from "./hpack-decoder.js";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
const FRAME = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9 } as const;
const FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4, PADDED: 0x8, PRIORITY: 0x20 } as const;
const SETTING = { HEADER_TABLE_SIZE: 1, ENABLE_PUSH: 2, MAX_CONCURRENT_STREAMS: 3, INITIAL_WINDOW_SIZE: 4, MAX_FRAME_SIZE: 5 } as const;
const CANCEL = 0x8;
/** Our receive windows, as h2load's defaults (-w 30 -W 30): large responses never wait for WINDOW_UPDATE. */
const RECEIVE_WINDOW = 2 ** 30 - 1;
const DEFAULT_WINDOW = 65_535;
const MAX_STREAM_ID = 2 ** 31 - 1;

function frameHeader(length: number, type: number, flags: number, streamId: number): Buffer {
  const b = Buffer.allocUnsafe(9);
  b.writeUIntBE(length, 0, 3);
  b.writeUInt8(type, 3);
  b.writeUInt8(flags, 4);
  b.writeUInt32BE(streamId, 5);
  return b;
}

function frame(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([frameHeader(payload.length, type, flags, streamId), payload]);
}

/**
 * Headers sent as a literal "never indexed" (RFC 7541 §6.2.3, §7.1.3) in every request, never put in the table:
 * nghttp2's deflater does this for `authorization` whatever its value, so h2load, grpc-js and node:http2 send a
 * bearer token in full (Huffman-coded) on every call, and a compression side channel cannot probe it from the
 * table. h2-frames sends it the same way, so its requests cost on the wire and in the server's HPACK decoder what
 * theirs do: HPACK shrinks a token by its Huffman code only, it does not make it free after the first call.
 */
export const NEVER_INDEXED: ReadonlySet<string> = new Set(["authorization"]);

/** A literal never-indexed field: the name by its static index when it has one, the value Huffman-coded when shorter. */
function neverIndexed(name: string, value: string): number[] {
  const nameIndex = staticNameIndex(name);
  return [...encodeInteger(nameIndex, 4, 0x10), ...(nameIndex === 0 ? encodeString(name) : []), ...encodeShortestString(value)];
}

/**
 * The request header block twice: `first` adds every non-static header to the server's dynamic table
 * (literal with incremental indexing), `steady` then names each one by its dynamic index, as h2load and
 * browsers do, so steady-state requests cost the server a table lookup rather than string parsing. A
 * NEVER_INDEXED header is the same literal in both.
 */
export function requestHeaderBlocks(headers: readonly (readonly [string, string])[]): { first: Buffer; steady: Buffer; tableBytes: number } {
  const first: number[] = [];
  const indexed: string[] = [];
  let tableBytes = 0;
  for (const [name, value] of headers) {
    if (NEVER_INDEXED.has(name)) {
      first.push(...neverIndexed(name, value));
      continue;
    }
    const pair = staticPairIndex(name, value);
    if (pair > 0) {
      first.push(...encodeInteger(pair, 7, 0x80));
      continue;
    }
    const nameIndex = staticNameIndex(name);
    first.push(...encodeInteger(nameIndex, 6, 0x40));
    if (nameIndex === 0) first.push(...encodeString(name));
    first.push(...encodeString(value));
    indexed.push(`${name}\u0000${value}`);
    tableBytes += 32 + Buffer.byteLength(name, "latin1") + Buffer.byteLength(value, "latin1");
  }
  const steady: number[] = [];
  for (const [name, value] of headers) {
    const pair = staticPairIndex(name, value);
    if (NEVER_INDEXED.has(name)) steady.push(...neverIndexed(name, value));
    else if (pair > 0) steady.push(...encodeInteger(pair, 7, 0x80));
    else {
      // newest entry has index STATIC_TABLE_SIZE + 1
      const k = indexed.indexOf(`${name}\u0000${value}`);
      steady.push(...encodeInteger(STATIC_TABLE_SIZE + indexed.length - k, 7, 0x80));
    }
  }
  return { first: Buffer.from(first), steady: Buffer.from(steady), tableBytes };
}

/** One call's frames with stream id 0, to be patched at `idOffsets` (the DATA frame's offset repeats the HEADERS' when there is none). */
interface CallTemplate {
  bytes: Buffer;
  idOffsets: [number, number];
}

/** HEADERS (END_HEADERS) + DATA (END_STREAM); without a payload one HEADERS (END_HEADERS | END_STREAM), as a GET is sent. */
function callTemplate(block: Buffer, payload: Buffer | null): CallTemplate {
  if (payload === null) return { bytes: Buffer.concat([frameHeader(block.length, FRAME.HEADERS, FLAG.END_HEADERS | FLAG.END_STREAM, 0), block]), idOffsets: [5, 5] };
  const bytes = Buffer.concat([frameHeader(block.length, FRAME.HEADERS, FLAG.END_HEADERS, 0), block, frameHeader(payload.length, FRAME.DATA, FLAG.END_STREAM, 0), payload]);
  return { bytes, idOffsets: [5, 9 + block.length + 5] };
}

/** What a response is read as, by the arm's api: gRPC (success is grpc-status 0) or REST (success is a 2xx :status and the end of the stream). */
export type H2ResponseKind = ArmApi;

export interface H2FrameConnectionOptions {
  host: string;
  port: number;
  /** request headers in order, pseudo-headers first */
  headers: readonly (readonly [string, string])[];
  /** DATA payload of every request (a length-prefixed gRPC message); null: no body, END_STREAM on the HEADERS */
  payload: Buffer | null;
  /** several DATA payloads, sent round-robin in place of `payload` (a --config call's requests); same headers for all */
  payloads?: readonly Buffer[];
  /** default grpc; rest counts a non-2xx :status as the error code "404" etc., as the HTTP/1.1 drivers do */
  responses?: H2ResponseKind;
  /** calls older than this are cancelled (RST_STREAM) and counted as "timeout"; checked at this period */
  timeoutMs: number;
  /** TLS (bench/run-tls.ts's connectTls, the run's trust) with ALPN "h2", which the server must choose; default cleartext */
  tls?: boolean;
}

export class H2FrameConnection {
  private socket: net.Socket | null = null;
  private readonly decoder = new HpackDecoder();
  private readonly streams = new Map<number, CallDone>();
  /** first-HEADERS verdicts (non-200) waiting for the end of their stream */
  private readonly verdicts = new Map<number, string>();
  private readonly waiting: CallDone[] = [];
  private nextStreamId = 1;
  private sendWindow = DEFAULT_WINDOW;
  private peerMaxStreams = Infinity;
  private peerTableSize = 4096;
  private receivedSinceUpdate = 0;
  private pending: Buffer | null = null;
  private corked = false;
  private goingAway = false;
  private closed = false;
  private ready = false;
  private timeoutTimer: NodeJS.Timeout | null = null;
  private timeoutWatermark = 1;
  private firstSent = false;
  /** per payload (one, or the rotation's), index for index */
  private readonly first: CallTemplate[];
  private readonly steady: CallTemplate[];
  private readonly plain: CallTemplate[];
  /** the payload the next call sends */
  private nextPayload = 0;
  private tableBytes: number;
  /** bytes of DATA the largest request sends (0 for a GET): what a request needs free in the send windows */
  private readonly requestBytes: number;
  /** per payload: what it takes from the send window */
  private readonly payloadBytes: number[];
  private readonly rest: boolean;
  /** continuation of a header block across frames */
  private headerBlock: { streamId: number; endStream: boolean; parts: Buffer[] } | null = null;
  // what the header sink saw in the block being decoded
  private seenStatus = "";
  private seenGrpcStatus: string | undefined = undefined;
  private readonly onHeader = (name: string, value: string): void => {
    if (name === ":status") this.seenStatus = value;
    else if (name === "grpc-status") this.seenGrpcStatus = value;
  };
  /** called once when the connection can take no more calls (closed, GOAWAY, ids exhausted) */
  onUnusable: (() => void) | null = null;

  constructor(private readonly options: H2FrameConnectionOptions) {
    const blocks = requestHeaderBlocks(options.headers);
    const payloads: (Buffer | null)[] = options.payloads !== undefined && options.payloads.length > 0 ? [...options.payloads] : [options.payload];
    this.first = payloads.map((payload) => callTemplate(blocks.first, payload));
    this.steady = payloads.map((payload) => callTemplate(blocks.steady, payload));
    const plainBlock: number[] = [];
    for (const [name, value] of options.headers) {
      const pair = staticPairIndex(name, value);
      if (NEVER_INDEXED.has(name)) plainBlock.push(...neverIndexed(name, value));
      else if (pair > 0) plainBlock.push(...encodeInteger(pair, 7, 0x80));
      else {
        const nameIndex = staticNameIndex(name);
        plainBlock.push(...encodeInteger(nameIndex, 4, 0x00));
        if (nameIndex === 0) plainBlock.push(...encodeString(name));
        plainBlock.push(...encodeString(value));
      }
    }
    const plain = Buffer.from(plainBlock);
    this.plain = payloads.map((payload) => callTemplate(plain, payload));
    this.tableBytes = blocks.tableBytes;
    this.payloadBytes = payloads.map((payload) => payload?.length ?? 0);
    this.requestBytes = Math.max(...this.payloadBytes);
    this.rest = options.responses === "rest";
    if (this.requestBytes > 16_384) throw new Error(`request of ${this.requestBytes} bytes needs several DATA frames; h2-frames sends one`);
  }

  /**
   * Connects (over TLS: the handshake too, which must agree on "h2") and waits for the server's SETTINGS. Rejects with
   * a coded error (ECONNREFUSED, a certificate error, "alpn"…).
   */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const { host, port } = this.options;
      const tls = this.options.tls === true;
      const socket: net.Socket = tls ? connectTls({ host, port, alpn: ["h2"] }) : net.connect({ host, port, noDelay: true });
      this.socket = socket;
      let settled = false;
      const fail = (error: Error) => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      // The preface goes once the TLS handshake is done: anything written before would wait in the TLS socket anyway,
      // and a server that did not choose h2 must not get it.
      socket.once(tls ? "secureConnect" : "connect", () => {
        if (tls) {
          const refused = alpnError(socket, "h2");
          if (refused !== null) {
            socket.destroy(refused);
            return;
          }
        }
        const settings = Buffer.alloc(12);
        settings.writeUInt16BE(SETTING.ENABLE_PUSH, 0);
        settings.writeUInt32BE(0, 2);
        settings.writeUInt16BE(SETTING.INITIAL_WINDOW_SIZE, 6);
        settings.writeUInt32BE(RECEIVE_WINDOW, 8);
        const increment = Buffer.alloc(4);
        increment.writeUInt32BE(RECEIVE_WINDOW - DEFAULT_WINDOW, 0);
        socket.write(Buffer.concat([PREFACE, frame(FRAME.SETTINGS, 0, 0, settings), frame(FRAME.WINDOW_UPDATE, 0, 0, increment)]));
      });
      this.onReady = () => {
        settled = true;
        this.ready = true;
        resolve();
      };
      socket.on("data", (chunk: Buffer) => this.onData(chunk));
      socket.on("error", (error) => {
        fail(error);
        this.die(transportErrorCode(error));
      });
      socket.on("close", () => {
        fail(Object.assign(new Error("connection closed before the HTTP/2 handshake"), { code: "ECONNRESET" }));
        this.die("reset");
      });
      if (this.options.timeoutMs > 0) {
        this.timeoutTimer = setInterval(() => this.expire(), this.options.timeoutMs);
        this.timeoutTimer.unref();
      }
    });
  }

  private onReady: (() => void) | null = null;

  /** Can take new calls. */
  get usable(): boolean {
    return this.ready && !this.closed && !this.goingAway && this.nextStreamId < MAX_STREAM_ID - 2;
  }

  get inFlight(): number {
    return this.streams.size + this.waiting.length;
  }

  request(done: CallDone): void {
    if (this.streams.size >= this.peerMaxStreams || this.sendWindow < this.requestBytes || this.waiting.length > 0) {
      this.waiting.push(done);
      return;
    }
    this.start(done);
  }

  private start(done: CallDone): void {
    const socket = this.socket as net.Socket;
    const id = this.nextStreamId;
    this.nextStreamId += 2;
    const k = this.nextPayload;
    this.nextPayload = k + 1 === this.payloadBytes.length ? 0 : k + 1;
    const templates = !this.firstSent ? (this.tableBytes <= this.peerTableSize ? this.first : this.plain) : this.tableBytes <= this.peerTableSize ? this.steady : this.plain;
    const template = templates[k] as CallTemplate;
    this.firstSent = true;
    const bytes = Buffer.allocUnsafe(template.bytes.length);
    template.bytes.copy(bytes);
    bytes.writeUInt32BE(id, template.idOffsets[0]);
    bytes.writeUInt32BE(id, template.idOffsets[1]);
    this.sendWindow -= this.payloadBytes[k] as number;
    this.streams.set(id, done);
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(this.uncork);
    }
    socket.write(bytes);
    if (this.nextStreamId >= MAX_STREAM_ID - 2) this.becomeUnusable();
  }

  private readonly uncork = (): void => {
    this.corked = false;
    this.socket?.uncork();
  };

  private drainWaiting(): void {
    while (this.waiting.length > 0 && this.streams.size < this.peerMaxStreams && this.sendWindow >= this.requestBytes && !this.closed) {
      this.start(this.waiting.shift() as CallDone);
    }
  }

  private finish(streamId: number, code: string | null): void {
    const done = this.streams.get(streamId);
    if (done === undefined) return;
    this.streams.delete(streamId);
    if (this.verdicts.size > 0) {
      const verdict = this.verdicts.get(streamId);
      if (verdict !== undefined) {
        this.verdicts.delete(streamId);
        if (code === null) code = verdict;
      }
    }
    done(code);
    if (this.waiting.length > 0) this.drainWaiting();
  }

  private onData(chunk: Buffer): void {
    let data = chunk;
    let at = 0;
    // The rest of a DATA frame that began in an earlier read: skipped where it lies, never copied.
    if (this.skipping > 0) {
      const take = Math.min(this.skipping, data.length);
      this.skipping -= take;
      at = take;
      if (this.skipping === 0) this.onFrame(FRAME.DATA, this.skipFlags, this.skipStream, data, 0, 0);
    }
    if (this.pending !== null) {
      data = Buffer.concat([this.pending, data.subarray(at)]);
      this.pending = null;
      at = 0;
    }
    while (data.length - at >= 9) {
      const length = (data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!;
      const type = data[at + 3]!;
      const flags = data[at + 4]!;
      const streamId = data.readUInt32BE(at + 5) & 0x7fffffff;
      const start = at + 9;
      if (data.length - at < 9 + length) {
        if (type !== FRAME.DATA) break;
        // A DATA payload is only counted: account for what is here, skip the rest as it arrives.
        this.receivedSinceUpdate += data.length - start;
        this.skipping = 9 + length - (data.length - at);
        this.skipFlags = flags;
        this.skipStream = streamId;
        this.receivedSinceUpdate += this.skipping;
        return;
      }
      at = start + length;
      try {
        this.onFrame(type, flags, streamId, data, start, at);
      } catch {
        // A protocol violation we cannot recover from (bad HPACK): the connection is unusable.
        this.die("protocol-error");
        this.socket?.destroy();
        return;
      }
    }
    if (at < data.length) this.pending = data.subarray(at);
  }

  private skipping = 0;
  private skipFlags = 0;
  private skipStream = 0;

  private onFrame(type: number, flags: number, streamId: number, data: Buffer, start: number, end: number): void {
    switch (type) {
      case FRAME.DATA: {
        this.receivedSinceUpdate += end - start;
        if (this.receivedSinceUpdate >= RECEIVE_WINDOW / 4) {
          const increment = Buffer.allocUnsafe(4);
          increment.writeUInt32BE(this.receivedSinceUpdate, 0);
          this.receivedSinceUpdate = 0;
          this.socket?.write(frame(FRAME.WINDOW_UPDATE, 0, 0, increment));
        }
        // A gRPC stream that ends on DATA never sent trailers, so it has no grpc-status; a REST reply is complete
        // (a non-2xx :status waits in `verdicts`).
        if (flags & FLAG.END_STREAM) this.finish(streamId, this.rest ? null : "MISSING_GRPC_STATUS");
        return;
      }
      case FRAME.HEADERS: {
        let s = start;
        let e = end;
        if (flags & FLAG.PADDED) {
          e -= data[s]!;
          s += 1;
        }
        if (flags & FLAG.PRIORITY) s += 5;
        const fragment = data.subarray(s, e);
        if (flags & FLAG.END_HEADERS) this.onHeaderBlock(streamId, (flags & FLAG.END_STREAM) !== 0, fragment);
        else this.headerBlock = { streamId, endStream: (flags & FLAG.END_STREAM) !== 0, parts: [Buffer.from(fragment)] };
        return;
      }
      case FRAME.CONTINUATION: {
        const block = this.headerBlock;
        if (block === null) throw new Error("CONTINUATION without HEADERS");
        block.parts.push(Buffer.from(data.subarray(start, end)));
        if (flags & FLAG.END_HEADERS) {
          this.headerBlock = null;
          this.onHeaderBlock(block.streamId, block.endStream, Buffer.concat(block.parts));
        }
        return;
      }
      case FRAME.RST_STREAM:
        this.finish(streamId, "reset");
        return;
      case FRAME.SETTINGS:
        if (flags & FLAG.ACK) return;
        this.applySettings(data, start, end);
        this.socket?.write(frame(FRAME.SETTINGS, FLAG.ACK, 0));
        if (!this.ready) this.onReady?.();
        this.drainWaiting();
        return;
      case FRAME.PING:
        if (!(flags & FLAG.ACK)) this.socket?.write(frame(FRAME.PING, FLAG.ACK, 0, Buffer.from(data.subarray(start, end))));
        return;
      case FRAME.GOAWAY: {
        const lastStreamId = data.readUInt32BE(start) & 0x7fffffff;
        this.becomeUnusable();
        // Streams the server never processed may be retried elsewhere; here they are counted.
        for (const id of [...this.streams.keys()]) if (id > lastStreamId) this.finish(id, "refused");
        return;
      }
      case FRAME.WINDOW_UPDATE:
        if (streamId === 0) {
          this.sendWindow += data.readUInt32BE(start) & 0x7fffffff;
          if (this.waiting.length > 0) this.drainWaiting();
        }
        return;
      case FRAME.PUSH_PROMISE:
        // We disabled push; a server that pushes anyway breaks the protocol.
        throw new Error("PUSH_PROMISE received with push disabled");
      default:
        return; // PRIORITY and unknown frame types are ignored, as the RFC says
    }
  }

  private onHeaderBlock(streamId: number, endStream: boolean, block: Uint8Array): void {
    this.seenStatus = "";
    this.seenGrpcStatus = undefined;
    // Always decoded, even for a stream we no longer track: the dynamic table must stay in step.
    this.decoder.decode(block, this.onHeader);
    if (this.rest) return this.onRestHeaders(streamId, endStream);
    if (this.seenStatus !== "" && this.seenStatus !== "200") {
      if (endStream) this.finish(streamId, `HTTP_${this.seenStatus}`);
      else this.verdicts.set(streamId, `HTTP_${this.seenStatus}`);
      return;
    }
    if (!endStream) return;
    this.finish(streamId, this.seenGrpcStatus === undefined ? "MISSING_GRPC_STATUS" : grpcStatusFromHeader(this.seenGrpcStatus));
  }

  /** REST: a 2xx :status succeeds when its stream ends; any other final status is the call's code ("404"), as HTTP/1.1 drivers count it. */
  private onRestHeaders(streamId: number, endStream: boolean): void {
    const status = this.seenStatus;
    if (status !== "") {
      if (status.charCodeAt(0) === 0x31) return; // 1xx: informational, the final response follows
      if (status.length !== 3 || status.charCodeAt(0) !== 0x32) {
        if (endStream) this.finish(streamId, status);
        else this.verdicts.set(streamId, status);
        return;
      }
    }
    if (endStream) this.finish(streamId, null); // headers-only reply, or trailers after the body
  }

  private applySettings(data: Buffer, start: number, end: number): void {
    for (let at = start; at + 6 <= end; at += 6) {
      const id = data.readUInt16BE(at);
      const value = data.readUInt32BE(at + 2);
      switch (id) {
        case SETTING.HEADER_TABLE_SIZE:
          this.peerTableSize = value;
          break;
        case SETTING.MAX_CONCURRENT_STREAMS:
          this.peerMaxStreams = value;
          break;
        // One request is one small DATA frame: these two settings only have to admit it.
        case SETTING.INITIAL_WINDOW_SIZE:
          if (this.requestBytes > value) throw new Error(`server stream window ${value} is smaller than one request`);
          break;
        case SETTING.MAX_FRAME_SIZE:
          if (this.requestBytes > value) throw new Error(`server max frame size ${value} is smaller than one request`);
          break;
      }
    }
  }

  /** Cancels calls that have been in flight for one to two timeout periods. */
  private expire(): void {
    const watermark = this.timeoutWatermark;
    this.timeoutWatermark = this.nextStreamId;
    for (const id of this.streams.keys()) {
      if (id >= watermark) break; // Map keeps insertion order = increasing ids
      const rst = Buffer.alloc(4);
      rst.writeUInt32BE(CANCEL, 0);
      this.socket?.write(frame(FRAME.RST_STREAM, 0, id, rst));
      this.finish(id, "timeout");
    }
  }

  private becomeUnusable(): void {
    if (this.goingAway) return;
    this.goingAway = true;
    this.onUnusable?.();
  }

  /** Fails everything in flight with `code`; the connection is gone. */
  private die(code: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timeoutTimer !== null) clearInterval(this.timeoutTimer);
    this.becomeUnusable();
    const calls = [...this.streams.values(), ...this.waiting.splice(0)];
    this.streams.clear();
    this.verdicts.clear();
    for (const done of calls) done(code);
  }

  close(): void {
    if (this.socket !== null && !this.closed) {
      const goaway = Buffer.alloc(8);
      this.socket.end(frame(FRAME.GOAWAY, 0, 0, goaway));
      const socket = this.socket;
      setTimeout(() => socket.destroy(), 200).unref();
    }
    this.die("reset");
  }
}
