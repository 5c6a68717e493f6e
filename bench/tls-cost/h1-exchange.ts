// One HTTP/1.1 request at a time on a connection the caller opened (TCP or TLS): the request bytes built once,
// and a minimal response reader (status line, Content-Length, chunked, or a body that ends with the connection),
// as bench/drivers/h1-lean-transport.ts reads them. Without pipelining one response is all a connection owes.
import type { Duplex } from "node:stream";
import { transportErrorCode } from "../drivers/error-code.js";
import type { CallDone } from "../drivers/transport.js";

/** GET path with Host (and the token, if any); `close` asks the server to end the connection after the reply. */
export function h1Request(path: string, authority: string, headers: Record<string, string>, close: boolean): Buffer {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${authority}\r\n${extra}${close ? "Connection: close\r\n" : ""}\r\n`, "latin1");
}

const CRLF = 0x0d0a;

type Phase = "head" | "body" | "until-close" | "chunk-size" | "chunk-data" | "chunk-data-end" | "trailers";

/** Reads one response at a time; `feed` says when it is complete. */
export class H1ResponseReader {
  private phase: Phase = "head";
  private buffered: Buffer | null = null;
  private remaining = 0;
  /** the response's status code, once its head is read */
  status = 0;
  /** the server said Connection: close (or spoke HTTP/1.0 without keep-alive) */
  closeAfter = false;

  reset(): void {
    this.phase = "head";
    this.buffered = null;
    this.remaining = 0;
    this.status = 0;
    this.closeAfter = false;
  }

  /** true once the response is complete; throws on a response it cannot read */
  feed(chunk: Buffer): boolean {
    let data = this.buffered === null ? chunk : Buffer.concat([this.buffered, chunk]);
    this.buffered = null;
    let at = 0;
    for (;;) {
      switch (this.phase) {
        case "head": {
          const end = data.indexOf("\r\n\r\n", at, "latin1");
          if (end < 0) return this.keep(data, at);
          this.readHead(data.toString("latin1", at, end));
          at = end + 4;
          break;
        }
        case "body": {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining === 0) return true;
          return false;
        }
        case "until-close":
          return false;
        case "chunk-size": {
          const end = data.indexOf("\r\n", at, "latin1");
          if (end < 0) return this.keep(data, at);
          const size = Number.parseInt(data.toString("latin1", at, end).split(";")[0]!.trim(), 16);
          if (!Number.isFinite(size) || size < 0) throw new Error("bad chunk size");
          at = end + 2;
          if (size === 0) this.phase = "trailers";
          else {
            this.remaining = size;
            this.phase = "chunk-data";
          }
          break;
        }
        case "chunk-data": {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          at += take;
          if (this.remaining > 0) return false;
          this.phase = "chunk-data-end";
          break;
        }
        case "chunk-data-end": {
          if (data.length - at < 2) return this.keep(data, at);
          if (data.readUInt16BE(at) !== CRLF) throw new Error("chunk not followed by CRLF");
          at += 2;
          this.phase = "chunk-size";
          break;
        }
        case "trailers": {
          const end = data.indexOf("\r\n", at, "latin1");
          if (end < 0) return this.keep(data, at);
          // an empty line ends the trailers, and the response; any other line is a trailer, skipped
          const empty = end === at;
          at = end + 2;
          if (empty) return true;
          break;
        }
      }
    }
  }

  /** The connection ended: complete when the body was to run until then. */
  ended(): boolean {
    return this.phase === "until-close";
  }

  private keep(data: Buffer, at: number): false {
    this.buffered = at < data.length ? data.subarray(at) : null;
    return false;
  }

  private readHead(head: string): void {
    const lines = head.split("\r\n");
    const statusLine = lines[0] ?? "";
    const match = /^HTTP\/1\.(\d) (\d{3})/.exec(statusLine);
    if (match === null) throw new Error(`bad status line ${JSON.stringify(statusLine.slice(0, 40))}`);
    this.status = Number(match[2]);
    let length: number | null = null;
    let chunked = false;
    let connection = match[1] === "0" ? "close" : "keep-alive";
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === "content-length") length = Number(value);
      else if (name === "transfer-encoding") chunked = value.toLowerCase().includes("chunked");
      else if (name === "connection") connection = value.toLowerCase();
    }
    this.closeAfter = connection.includes("close");
    const bodiless = this.status === 204 || this.status === 304 || (this.status >= 100 && this.status < 200);
    if (bodiless || (!chunked && length === 0)) {
      this.phase = "body";
      this.remaining = 0;
    } else if (chunked) this.phase = "chunk-size";
    else if (length !== null && Number.isFinite(length)) {
      this.phase = "body";
      this.remaining = length;
    } else this.phase = "until-close";
  }
}

/** One HTTP/1.1 call at a time on `socket`; a call's outcome is its status (2xx ok) or a transport code. */
export class H1CallConnection {
  private readonly reader = new H1ResponseReader();
  private current: CallDone | null = null;
  private dead: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: Duplex,
    private readonly request: Buffer,
    private readonly timeoutMs: number,
  ) {
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.die(transportErrorCode(error)));
    socket.on("end", () => {
      if (this.current !== null && this.reader.ended()) this.finish(this.statusCode());
      this.die("reset");
    });
    socket.on("close", () => this.die("reset"));
  }

  /** Takes another call: alive, and the server did not say it closes. */
  get usable(): boolean {
    return this.dead === null && this.current === null && !this.reader.closeAfter;
  }

  call(done: CallDone): void {
    if (this.dead !== null) {
      setImmediate(done, this.dead);
      return;
    }
    this.reader.reset();
    this.current = done;
    if (this.timeoutMs > 0) this.timer = setTimeout(() => this.die("timeout"), this.timeoutMs);
    this.socket.write(this.request);
  }

  private statusCode(): string | null {
    return this.reader.status >= 200 && this.reader.status < 300 ? null : String(this.reader.status);
  }

  private onData(chunk: Buffer): void {
    if (this.current === null) return;
    let complete: boolean;
    try {
      complete = this.reader.feed(chunk);
    } catch {
      this.die("protocol-error");
      return;
    }
    if (complete) this.finish(this.statusCode());
  }

  private finish(code: string | null): void {
    const done = this.current;
    this.current = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    done?.(code);
  }

  private die(code: string): void {
    if (this.dead === null) this.dead = code;
    if (this.current !== null) this.finish(code);
    this.socket.destroy();
  }
}
