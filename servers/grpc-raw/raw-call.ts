// One gRPC call on one node:http2 stream: the Length-Prefixed-Message reader (limit, optional inflate), the
// static decode, the handler, the static encode straight into a framed Buffer, and the status in trailers.
// The stream's listeners are module-level functions (the call is found through a symbol on the stream), so a
// unary call allocates the RawCall, its request and reply objects and the reply Buffer, and no closures.
import type { ServerHttp2Stream } from "node:http2";
import { gunzip, inflate, type InputType, type ZlibOptions } from "node:zlib";
import { statusCode, toRpcError, type StatusName } from "../handlers/status.js";
import { pump, type StreamTarget } from "../handlers/stream-pump.js";
import { encodeFramed, END_STREAM, OK_TRAILERS, parseGrpcTimeout, RESPONSE_HEADERS, statusTrailers, trailersOnly, WAIT_FOR_TRAILERS } from "./grpc-wire.js";
import type { ClientStreamState, RawMethod } from "./raw-methods.js";

const CALL = Symbol("grpc-raw call");
type CallStream = ServerHttp2Stream & { [CALL]: RawCall };

function onData(this: CallStream, chunk: Buffer): void {
  this[CALL].data(chunk);
}
function onEnd(this: CallStream): void {
  this[CALL].halfClose();
}
function onClose(this: CallStream): void {
  this[CALL].closed();
}
function sendOkTrailers(this: ServerHttp2Stream): void {
  this.sendTrailers(OK_TRAILERS);
}
function resumeStream(this: ServerHttp2Stream): void {
  this.resume();
}
function onDeadline(call: RawCall): void {
  call.fail("DEADLINE_EXCEEDED", "Deadline exceeded");
}
function failInvalidTimeout(call: RawCall, value: string): void {
  call.fail("INTERNAL", `Invalid grpc-timeout value "${value}"`); // grpc-js's text
}
function runDelayed(call: RawCall): void {
  call.run();
}

const HEAD = 5;
const EMPTY = Buffer.alloc(0);
/** A queued "end of stream" behind an inflate in flight. */
const HALF_CLOSE = null;

type Inflater = (input: InputType, options: ZlibOptions, callback: (err: Error | null, result: Buffer) => void) => void;
const INFLATERS: Record<string, Inflater | undefined> = { gzip: gunzip, deflate: inflate };

export class RawCall {
  /** A status went out (or the stream closed): nothing more is read or written. */
  done = false;
  private request: object | null = null;
  private state: ClientStreamState | null = null;
  private timer: NodeJS.Timeout | null = null;
  // Length-prefixed reader: a header split across DATA frames goes into `head`; a message split across
  // frames is copied once into `body`; a message inside one frame is a subarray of it (no copy).
  private head: Buffer | null = null;
  private headLength = 0;
  private body: Buffer | null = null;
  private bodyLength = 0;
  private bodyFlag = 0;
  /** Messages (and the half-close) waiting behind an inflate in flight, in arrival order; null when none is. */
  private backlog: ([number, Buffer] | typeof HALF_CLOSE)[] | null = null;

  constructor(
    private readonly stream: ServerHttp2Stream,
    private readonly method: RawMethod,
    /** grpc-encoding of the request messages ("identity" when absent) */
    private readonly encoding: string,
    private readonly maxRequestBytes: number,
    /** x-delay-ms wait (0: none) */
    private readonly delayMs: number,
    /** the grpc-timeout header, if the client sent one */
    timeout: string | undefined,
  ) {
    (stream as CallStream)[CALL] = this;
    if (method.kind === "client-stream") this.state = method.open();
    stream.on("data", onData);
    stream.on("end", onEnd);
    if (timeout !== undefined) {
      // A deadline costs a timer, as in grpc-js; without the header nothing is scheduled.
      stream.on("close", onClose);
      const ms = parseGrpcTimeout(timeout);
      if (ms === null) process.nextTick(failInvalidTimeout, this, timeout);
      else this.timer = setTimeout(onDeadline, ms, this);
    }
  }

  // ---- reading

  data(chunk: Buffer): void {
    let pos = 0;
    const end = chunk.length;
    while (pos < end && !this.done) {
      if (this.body === null) {
        let flag: number;
        let length: number;
        if (this.headLength === 0 && end - pos >= HEAD) {
          flag = chunk[pos]!;
          length = chunk.readUInt32BE(pos + 1);
          pos += HEAD;
        } else {
          const head = (this.head ??= Buffer.allocUnsafe(HEAD));
          const take = Math.min(HEAD - this.headLength, end - pos);
          chunk.copy(head, this.headLength, pos, pos + take);
          this.headLength += take;
          pos += take;
          if (this.headLength < HEAD) return;
          this.headLength = 0;
          flag = head[0]!;
          length = head.readUInt32BE(1);
        }
        if (length > this.maxRequestBytes) {
          // grpc-js's StreamDecoder text, before a byte of the message is read.
          this.fail("RESOURCE_EXHAUSTED", `Received message larger than max (${length} vs ${this.maxRequestBytes})`);
          return;
        }
        if (end - pos >= length) {
          this.message(flag, length === 0 ? EMPTY : chunk.subarray(pos, pos + length));
          pos += length;
          continue;
        }
        this.body = Buffer.allocUnsafe(length);
        this.bodyLength = 0;
        this.bodyFlag = flag;
      }
      const take = Math.min(this.body.length - this.bodyLength, end - pos);
      chunk.copy(this.body, this.bodyLength, pos, pos + take);
      this.bodyLength += take;
      pos += take;
      if (this.bodyLength === this.body.length) {
        const body = this.body;
        this.body = null;
        this.message(this.bodyFlag, body);
      }
    }
  }

  halfClose(): void {
    if (this.done) return;
    if (this.backlog !== null) this.backlog.push(HALF_CLOSE);
    else this.ended();
  }

  closed(): void {
    this.done = true;
    this.clearTimer();
  }

  /** One framed message. Compressed flag 1 means "encoded with grpc-encoding"; with identity grpc-js takes it as is. */
  private message(flag: number, bytes: Buffer): void {
    if (this.backlog !== null) {
      this.backlog.push([flag, bytes]);
      return;
    }
    if (flag !== 1 || this.encoding === "identity") {
      this.decoded(bytes);
      return;
    }
    this.inflate(bytes);
  }

  private inflate(bytes: Buffer): void {
    const inflater = INFLATERS[this.encoding];
    if (inflater === undefined) {
      this.fail("UNIMPLEMENTED", `Received message compressed with unsupported encoding "${this.encoding}"`);
      return;
    }
    this.backlog ??= [];
    inflater(bytes, { maxOutputLength: this.maxRequestBytes }, (err, plain) => {
      if (this.done) return;
      if (err !== null) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          this.fail("RESOURCE_EXHAUSTED", `Received message that decompresses to a size larger than ${this.maxRequestBytes}`);
        } else {
          this.fail("INTERNAL", "Failed to decompress message");
        }
        return;
      }
      this.decoded(plain);
      this.drainBacklog();
    });
  }

  /** After an inflate: deliver what waited behind it, up to the next message that needs inflating. */
  private drainBacklog(): void {
    const backlog = this.backlog!;
    while (backlog.length > 0 && !this.done) {
      const item = backlog.shift()!;
      if (item === HALF_CLOSE) {
        this.backlog = null;
        this.ended();
        return;
      }
      const [flag, bytes] = item;
      if (flag === 1 && this.encoding !== "identity") {
        this.inflate(bytes); // keeps the backlog: what follows waits for this one
        return;
      }
      this.decoded(bytes);
    }
    this.backlog = null;
  }

  private decoded(bytes: Buffer): void {
    if (this.done) return;
    let message: object;
    try {
      message = this.method.request.decode(bytes);
    } catch (err) {
      // The grpc arm's answer to bytes that are not the message (grpc-js itself would say INTERNAL).
      this.fail("INVALID_ARGUMENT", `malformed protobuf request: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const method = this.method;
    switch (method.kind) {
      case "unary":
      case "server-stream":
        if (this.request !== null) {
          // grpc-js's text, for unary and server-streaming methods alike
          this.fail("UNIMPLEMENTED", `Received a second request message for server streaming method ${method.path}`);
          return;
        }
        this.request = message;
        return;
      case "client-stream":
        this.state!.push(message);
        return;
      case "bidi": {
        let echo: object;
        try {
          echo = method.handle(message);
        } catch (err) {
          this.failWith(err);
          return;
        }
        // Backpressure: stop reading while the echoes are not being taken.
        if (!this.send(echo) && !this.stream.isPaused()) {
          this.stream.pause();
          this.stream.once("drain", resumeStream);
        }
      }
    }
  }

  /** The client half-closed and every message before it was delivered. */
  private ended(): void {
    if (this.done) return;
    switch (this.method.kind) {
      case "unary":
      case "server-stream":
        if (this.request === null) {
          this.fail("UNIMPLEMENTED", `Received no request message for server streaming method ${this.method.path}`);
          return;
        }
        if (this.delayMs > 0) setTimeout(runDelayed, this.delayMs, this);
        else this.run();
        return;
      case "client-stream":
        if (this.delayMs > 0) setTimeout(runDelayed, this.delayMs, this);
        else this.run();
        return;
      case "bidi":
        this.finishOk();
    }
  }

  /** Runs the handler once the request is complete (and any x-delay-ms wait is over). */
  run(): void {
    if (this.done) return;
    const method = this.method;
    let reply: object;
    try {
      if (method.kind === "server-stream") {
        this.streamReplies(method.handle(this.request!));
        return;
      }
      if (method.kind === "unary") reply = method.handle(this.request!);
      else reply = this.state!.finish();
    } catch (err) {
      this.failWith(err);
      return;
    }
    let frame: Buffer;
    try {
      frame = encodeFramed(method.response, reply);
    } catch {
      this.fail("INTERNAL", "Error serializing response"); // grpc-js's text
      return;
    }
    this.done = true;
    this.clearTimer();
    const stream = this.stream;
    if (stream.destroyed) return;
    stream.respond(RESPONSE_HEADERS, WAIT_FOR_TRAILERS);
    stream.once("wantTrailers", sendOkTrailers);
    stream.end(frame);
  }

  // ---- writing

  /** Writes one reply message (response headers first if they have not gone out); false: wait for 'drain'. */
  private send(message: object): boolean {
    const frame = encodeFramed(this.method.response, message);
    const stream = this.stream;
    if (!stream.headersSent) stream.respond(RESPONSE_HEADERS, WAIT_FOR_TRAILERS);
    return stream.write(frame);
  }

  private streamReplies(items: Iterator<object>): void {
    const call = this;
    const stream = this.stream;
    const target: StreamTarget<object> = {
      write: (item) => this.send(item),
      drained: () =>
        new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off("drain", done);
            stream.off("close", done);
            resolve();
          };
          stream.on("drain", done);
          stream.on("close", done);
        }),
      get closed() {
        return call.done || stream.destroyed || stream.closed;
      },
    };
    pump(items, target).then(
      (end) => {
        if (end === "complete") this.finishOk();
      },
      (err: unknown) => this.failWith(err),
    );
  }

  private finishOk(): void {
    if (this.done) return;
    this.done = true;
    this.clearTimer();
    const stream = this.stream;
    if (stream.destroyed || stream.closed) return;
    if (stream.headersSent) {
      stream.once("wantTrailers", sendOkTrailers);
      stream.end();
    } else {
      stream.respond(trailersOnly(0, "OK"), END_STREAM);
    }
  }

  private failWith(err: unknown): void {
    const e = toRpcError(err);
    this.fail(e.code, e.message);
  }

  /** Ends the call with a non-OK status: trailers-only before any message, trailers after them. */
  fail(code: Exclude<StatusName, "OK">, details: string): void {
    if (this.done) return;
    this.done = true;
    this.clearTimer();
    const stream = this.stream;
    // Whatever the client still sends is read and dropped, as grpc-js does after a status.
    stream.resume();
    if (stream.destroyed || stream.closed) return;
    const numeric = statusCode(code);
    if (stream.headersSent) {
      const trailers = statusTrailers(numeric, details);
      stream.once("wantTrailers", () => stream.sendTrailers(trailers));
      stream.end();
    } else {
      stream.respond(trailersOnly(numeric, details), END_STREAM);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}

/** The error status of a call that never got a RawCall (unknown method): trailers-only. */
export function respondStatus(stream: ServerHttp2Stream, code: Exclude<StatusName, "OK">, details: string): void {
  stream.respond(trailersOnly(statusCode(code), details), END_STREAM);
}
