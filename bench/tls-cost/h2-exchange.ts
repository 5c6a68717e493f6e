// One HTTP/2 unary call at a time on a connection the caller opened (TCP with prior knowledge, or TLS with "h2"
// agreed by ALPN): the preface, our SETTINGS and the first request go out in one write, as nghttp2 and grpc-js
// send them, then one stream after another (1, 3, 5…). Header blocks come from bench/drivers/h2/ (the lean
// driver's HPACK encoder and decoder, read-only reuse): the first request indexes its headers, later ones name
// them by index, as h2load does. A gRPC call succeeds on grpc-status 0, a REST GET on a 2xx :status.
import type { Duplex } from "node:stream";
import { grpcStatusFromHeader, transportErrorCode } from "../drivers/error-code.js";
import { requestHeaderBlocks } from "../drivers/h2/h2-frame-connection.js";
import { HpackDecoder } from "../drivers/h2/hpack-decoder.js";
import type { CallDone } from "../drivers/transport.js";
import type { ArmApi } from "../model/arm.js";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
const FRAME = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9 } as const;
const FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4, PADDED: 0x8, PRIORITY: 0x20 } as const;
const SETTING = { ENABLE_PUSH: 2, INITIAL_WINDOW_SIZE: 4 } as const;
/** Our receive windows: large, so a response never waits for a WINDOW_UPDATE from us (h2load -w 30 -W 30). */
const RECEIVE_WINDOW = 2 ** 30 - 1;
const DEFAULT_WINDOW = 65_535;
const MAX_STREAM_ID = 2 ** 31 - 1;

function frame(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.allocUnsafe(9);
  header.writeUIntBE(payload.length, 0, 3);
  header.writeUInt8(type, 3);
  header.writeUInt8(flags, 4);
  header.writeUInt32BE(streamId, 5);
  return Buffer.concat([header, payload]);
}

function u32(value: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(value, 0);
  return b;
}

/** The client's opening: preface, SETTINGS (no push, large stream windows), a large connection window. */
function opening(): Buffer {
  const settings = Buffer.alloc(12);
  settings.writeUInt16BE(SETTING.ENABLE_PUSH, 0);
  settings.writeUInt32BE(0, 2);
  settings.writeUInt16BE(SETTING.INITIAL_WINDOW_SIZE, 6);
  settings.writeUInt32BE(RECEIVE_WINDOW, 8);
  return Buffer.concat([PREFACE, frame(FRAME.SETTINGS, 0, 0, settings), frame(FRAME.WINDOW_UPDATE, 0, 0, u32(RECEIVE_WINDOW - DEFAULT_WINDOW))]);
}

export interface H2CallSpec {
  api: ArmApi;
  /** request headers in order, pseudo-headers first */
  headers: readonly (readonly [string, string])[];
  /** DATA payload of every request (a length-prefixed gRPC message); null: a GET, END_STREAM on the HEADERS */
  payload: Buffer | null;
}

/** A unary call's request headers: gRPC POST or REST GET, with the scheme the connection uses. */
export function h2RequestHeaders(api: ArmApi, path: string, authority: string, tls: boolean, extra: Record<string, string>): [string, string][] {
  const scheme = tls ? "https" : "http";
  if (api === "grpc") {
    return [[":method", "POST"], [":scheme", scheme], [":path", path], [":authority", authority], ["content-type", "application/grpc"], ["te", "trailers"], ...Object.entries(extra)];
  }
  return [[":method", "GET"], [":scheme", scheme], [":path", path], [":authority", authority], ...Object.entries(extra)];
}

/** The frames of one request with stream id 0, patched per call. */
function requestFrames(block: Buffer, payload: Buffer | null): { bytes: Buffer; idOffsets: number[] } {
  if (payload === null) return { bytes: frame(FRAME.HEADERS, FLAG.END_HEADERS | FLAG.END_STREAM, 0, block), idOffsets: [5] };
  return { bytes: Buffer.concat([frame(FRAME.HEADERS, FLAG.END_HEADERS, 0, block), frame(FRAME.DATA, FLAG.END_STREAM, 0, payload)]), idOffsets: [5, 9 + block.length + 5] };
}

export class H2CallConnection {
  private readonly decoder = new HpackDecoder();
  private readonly first: { bytes: Buffer; idOffsets: number[] };
  private readonly steady: { bytes: Buffer; idOffsets: number[] };
  private readonly requestBytes: number;
  private opened = false;
  private nextStreamId = 1;
  private sendWindow = DEFAULT_WINDOW;
  private received = 0;
  private pending: Buffer | null = null;
  private current: { streamId: number; done: CallDone; status: string; grpcStatus: string | undefined } | null = null;
  /** a call waiting for the server to open the connection's send window */
  private blocked: CallDone | null = null;
  private headerBlock: { streamId: number; endStream: boolean; parts: Buffer[] } | null = null;
  private dead: string | null = null;
  private goingAway = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: Duplex,
    private readonly spec: H2CallSpec,
    private readonly timeoutMs: number,
  ) {
    const blocks = requestHeaderBlocks(spec.headers);
    this.first = requestFrames(blocks.first, spec.payload);
    this.steady = requestFrames(blocks.steady, spec.payload);
    this.requestBytes = spec.payload?.length ?? 0;
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.die(transportErrorCode(error)));
    socket.on("end", () => this.die("reset"));
    socket.on("close", () => this.die("reset"));
  }

  /** Takes another call: alive, not told to go away, stream ids left. */
  get usable(): boolean {
    return this.dead === null && !this.goingAway && this.current === null && this.blocked === null && this.nextStreamId < MAX_STREAM_ID - 2;
  }

  call(done: CallDone): void {
    if (this.dead !== null || this.goingAway) {
      setImmediate(done, this.dead ?? "refused");
      return;
    }
    if (this.timeoutMs > 0) this.timer = setTimeout(() => this.die("timeout"), this.timeoutMs);
    if (this.sendWindow < this.requestBytes) {
      this.blocked = done;
      return;
    }
    this.send(done);
  }

  private send(done: CallDone): void {
    const streamId = this.nextStreamId;
    this.nextStreamId += 2;
    const template = streamId === 1 ? this.first : this.steady;
    const frames = Buffer.allocUnsafe(template.bytes.length);
    template.bytes.copy(frames);
    for (const offset of template.idOffsets) frames.writeUInt32BE(streamId, offset);
    this.sendWindow -= this.requestBytes;
    this.current = { streamId, done, status: "", grpcStatus: undefined };
    this.write(frames);
  }

  /** Every write goes through here: the connection preface goes first, with whatever is written first (a request, or a SETTINGS ACK when the server spoke before our first call). */
  private write(bytes: Buffer): void {
    if (this.opened) {
      this.socket.write(bytes);
      return;
    }
    this.opened = true;
    this.socket.write(Buffer.concat([opening(), bytes]));
  }

  private finish(streamId: number, code: string | null): void {
    const current = this.current;
    if (current === null || current.streamId !== streamId) return;
    this.current = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    current.done(code);
  }

  private die(code: string): void {
    if (this.dead === null) this.dead = code;
    const blocked = this.blocked;
    this.blocked = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.current !== null) {
      const done = this.current.done;
      this.current = null;
      done(code);
    }
    blocked?.(code);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const data = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    let at = 0;
    while (data.length - at >= 9) {
      const length = data.readUIntBE(at, 3);
      if (data.length - at < 9 + length) break;
      const type = data[at + 3]!;
      const flags = data[at + 4]!;
      const streamId = data.readUInt32BE(at + 5) & 0x7fffffff;
      const start = at + 9;
      at = start + length;
      try {
        this.onFrame(type, flags, streamId, data.subarray(start, at));
      } catch {
        this.die("protocol-error");
        return;
      }
      if (this.dead !== null) return;
    }
    if (at < data.length) this.pending = Buffer.from(data.subarray(at));
  }

  private onFrame(type: number, flags: number, streamId: number, payload: Buffer): void {
    switch (type) {
      case FRAME.DATA:
        this.received += payload.length;
        if (this.received >= RECEIVE_WINDOW / 4) {
          this.write(frame(FRAME.WINDOW_UPDATE, 0, 0, u32(this.received)));
          this.received = 0;
        }
        if (flags & FLAG.END_STREAM) this.endOfStream(streamId);
        return;
      case FRAME.HEADERS: {
        let s = 0;
        let e = payload.length;
        if (flags & FLAG.PADDED) {
          e -= payload[0]!;
          s = 1;
        }
        if (flags & FLAG.PRIORITY) s += 5;
        const fragment = payload.subarray(s, e);
        if (flags & FLAG.END_HEADERS) this.onHeaderBlock(streamId, (flags & FLAG.END_STREAM) !== 0, fragment);
        else this.headerBlock = { streamId, endStream: (flags & FLAG.END_STREAM) !== 0, parts: [Buffer.from(fragment)] };
        return;
      }
      case FRAME.CONTINUATION: {
        const block = this.headerBlock;
        if (block === null) throw new Error("CONTINUATION without HEADERS");
        block.parts.push(Buffer.from(payload));
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
        if (!(flags & FLAG.ACK)) this.write(frame(FRAME.SETTINGS, FLAG.ACK, 0));
        return;
      case FRAME.PING:
        if (!(flags & FLAG.ACK)) this.write(frame(FRAME.PING, FLAG.ACK, 0, Buffer.from(payload)));
        return;
      case FRAME.GOAWAY: {
        this.goingAway = true;
        const lastStreamId = payload.readUInt32BE(0) & 0x7fffffff;
        if (this.current !== null && this.current.streamId > lastStreamId) this.finish(this.current.streamId, "refused");
        return;
      }
      case FRAME.WINDOW_UPDATE:
        if (streamId === 0) {
          this.sendWindow += payload.readUInt32BE(0) & 0x7fffffff;
          const blocked = this.blocked;
          if (blocked !== null && this.sendWindow >= this.requestBytes) {
            this.blocked = null;
            this.send(blocked);
          }
        }
        return;
      case FRAME.PUSH_PROMISE:
        throw new Error("PUSH_PROMISE received with push disabled");
      default:
        return;
    }
  }

  private onHeaderBlock(streamId: number, endStream: boolean, block: Buffer): void {
    const current = this.current !== null && this.current.streamId === streamId ? this.current : null;
    // Always decoded: the dynamic table must stay in step with the server's encoder.
    this.decoder.decode(block, (name, value) => {
      if (current === null) return;
      if (name === ":status") current.status = value;
      else if (name === "grpc-status") current.grpcStatus = value;
    });
    if (endStream) this.endOfStream(streamId);
  }

  private endOfStream(streamId: number): void {
    const current = this.current;
    if (current === null || current.streamId !== streamId) return;
    if (this.spec.api === "grpc") {
      if (current.status !== "" && current.status !== "200") return this.finish(streamId, current.status);
      return this.finish(streamId, grpcStatusFromHeader(current.grpcStatus));
    }
    const status = Number(current.status);
    this.finish(streamId, status >= 200 && status < 300 ? null : current.status || "MISSING_STATUS");
  }
}
