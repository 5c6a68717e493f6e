// An HPACK (RFC 7541) header block decoder: static table, dynamic table with size eviction, integers, and
// raw or Huffman strings. Every header block a connection receives must go through it, in order, so the
// dynamic table stays in step with the server's encoder — even blocks of streams we no longer track.
import { huffmanDecode, huffmanEncode } from "./hpack-huffman.js";

// prettier-ignore
const STATIC_TABLE: readonly (readonly [string, string])[] = [
  [":authority", ""], [":method", "GET"], [":method", "POST"], [":path", "/"], [":path", "/index.html"],
  [":scheme", "http"], [":scheme", "https"], [":status", "200"], [":status", "204"], [":status", "206"],
  [":status", "304"], [":status", "400"], [":status", "404"], [":status", "500"], ["accept-charset", ""],
  ["accept-encoding", "gzip, deflate"], ["accept-language", ""], ["accept-ranges", ""], ["accept", ""],
  ["access-control-allow-origin", ""], ["age", ""], ["allow", ""], ["authorization", ""], ["cache-control", ""],
  ["content-disposition", ""], ["content-encoding", ""], ["content-language", ""], ["content-length", ""],
  ["content-location", ""], ["content-range", ""], ["content-type", ""], ["cookie", ""], ["date", ""], ["etag", ""],
  ["expect", ""], ["expires", ""], ["from", ""], ["host", ""], ["if-match", ""], ["if-modified-since", ""],
  ["if-none-match", ""], ["if-range", ""], ["if-unmodified-since", ""], ["last-modified", ""], ["link", ""],
  ["location", ""], ["max-forwards", ""], ["proxy-authenticate", ""], ["proxy-authorization", ""], ["range", ""],
  ["referer", ""], ["refresh", ""], ["retry-after", ""], ["server", ""], ["set-cookie", ""],
  ["strict-transport-security", ""], ["transfer-encoding", ""], ["user-agent", ""], ["vary", ""], ["via", ""],
  ["www-authenticate", ""],
];

export const STATIC_TABLE_SIZE = STATIC_TABLE.length;

export class HpackError extends Error {
  override name = "HpackError";
}

export type HeaderSink = (name: string, value: string) => void;

export class HpackDecoder {
  /** newest first */
  private readonly dynamic: [string, string][] = [];
  private size = 0;
  private pos = 0;
  private block: Uint8Array = new Uint8Array(0);
  private tableLimit: number;

  /** `maxTableSize` is what we advertised in SETTINGS_HEADER_TABLE_SIZE (4096 by default). */
  constructor(private readonly maxTableSize = 4096) {
    this.tableLimit = maxTableSize;
  }

  decode(block: Uint8Array, onHeader: HeaderSink): void {
    this.block = block;
    this.pos = 0;
    while (this.pos < block.length) {
      const byte = block[this.pos] as number;
      if (byte & 0x80) {
        const [name, value] = this.entry(this.integer(7));
        onHeader(name, value);
      } else if (byte & 0x40) {
        const [name, value] = this.literal(6);
        this.insert(name, value);
        onHeader(name, value);
      } else if (byte & 0x20) {
        const size = this.integer(5);
        if (size > this.maxTableSize) throw new HpackError(`table size update ${size} above the advertised ${this.maxTableSize}`);
        this.evict(size);
        this.tableLimit = size;
      } else {
        // without indexing (0000) and never indexed (0001) decode alike
        const [name, value] = this.literal(4);
        onHeader(name, value);
      }
    }
  }

  private integer(prefixBits: number): number {
    const block = this.block;
    const mask = (1 << prefixBits) - 1;
    let value = (block[this.pos++] as number) & mask;
    if (value < mask) return value;
    let shift = 0;
    for (;;) {
      if (this.pos >= block.length) throw new HpackError("truncated integer");
      const byte = block[this.pos++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) return value;
      if (shift > 28) throw new HpackError("integer too large");
    }
  }

  private string(): string {
    const huffman = ((this.block[this.pos] as number) & 0x80) !== 0;
    const length = this.integer(7);
    const start = this.pos;
    const end = start + length;
    if (end > this.block.length) throw new HpackError("truncated string");
    this.pos = end;
    if (huffman) return huffmanDecode(this.block, start, end);
    return Buffer.from(this.block.buffer, this.block.byteOffset + start, length).toString("latin1");
  }

  private literal(prefixBits: number): [string, string] {
    const index = this.integer(prefixBits);
    const name = index === 0 ? this.string() : (this.entry(index)[0] as string);
    return [name, this.string()];
  }

  private entry(index: number): readonly [string, string] {
    if (index === 0) throw new HpackError("index 0");
    if (index <= STATIC_TABLE_SIZE) return STATIC_TABLE[index - 1] as readonly [string, string];
    const entry = this.dynamic[index - STATIC_TABLE_SIZE - 1];
    if (entry === undefined) throw new HpackError(`index ${index} beyond the dynamic table (${this.dynamic.length} entries)`);
    return entry;
  }

  private insert(name: string, value: string): void {
    const size = 32 + name.length + value.length;
    if (size > this.tableLimit) {
      this.evict(0);
      return;
    }
    this.evict(this.tableLimit - size);
    this.dynamic.unshift([name, value]);
    this.size += size;
  }

  private evict(limit: number): void {
    while (this.size > limit) {
      const [name, value] = this.dynamic.pop() as [string, string];
      this.size -= 32 + name.length + value.length;
    }
  }
}

/** HPACK integer with an N-bit prefix, first byte OR-ed with `flags`. */
export function encodeInteger(value: number, prefixBits: number, flags: number): number[] {
  const max = (1 << prefixBits) - 1;
  if (value < max) return [flags | value];
  const out = [flags | max];
  let rest = value - max;
  while (rest >= 128) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** A raw (not Huffman) HPACK string literal. */
export function encodeString(text: string): number[] {
  const bytes = Buffer.from(text, "latin1");
  return [...encodeInteger(bytes.length, 7, 0), ...bytes];
}

/** An HPACK string literal, Huffman-coded when that is shorter, as nghttp2 chooses (hd_deflate's emit_string). */
export function encodeShortestString(text: string): number[] {
  const huffman = huffmanEncode(text);
  const raw = Buffer.from(text, "latin1");
  return huffman.length < raw.length ? [...encodeInteger(huffman.length, 7, 0x80), ...huffman] : [...encodeInteger(raw.length, 7, 0), ...raw];
}

/** Index of a static-table name ("content-type" → 31), 0 when absent. */
export function staticNameIndex(name: string): number {
  return STATIC_TABLE.findIndex(([n]) => n === name) + 1;
}

/** Index of a static-table name+value pair, 0 when absent. */
export function staticPairIndex(name: string, value: string): number {
  return STATIC_TABLE.findIndex(([n, v]) => n === name && v === value) + 1;
}
