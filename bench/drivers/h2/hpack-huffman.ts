// HPACK's Huffman code (RFC 7541 Appendix B) for decoding header strings, and for encoding the few the h2-frames
// driver sends as literals on every request (h2-frame-connection.ts: the never-indexed bearer token). The code is canonical, so the table
// is just each symbol's code length (symbols 0..255, then EOS); the codes follow by assigning consecutive values
// in (length, symbol) order. Decoding walks a binary tree built once from those codes.
// prettier-ignore
const CODE_LENGTHS: readonly number[] = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
  28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
  5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
  13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
  15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
  6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
  20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
  24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
  22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
  21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
  26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
  19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
  20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
  26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
  30, // EOS
];

const EOS = 256;

/** Canonical codes: [code, length] per symbol. */
export function huffmanCodes(): { code: number; length: number }[] {
  const order = CODE_LENGTHS.map((length, symbol) => ({ symbol, length })).sort((a, b) => a.length - b.length || a.symbol - b.symbol);
  const codes = new Array<{ code: number; length: number }>(CODE_LENGTHS.length);
  let code = 0;
  let previous = order[0]?.length ?? 0;
  for (const { symbol, length } of order) {
    code *= 2 ** (length - previous);
    previous = length;
    codes[symbol] = { code, length };
    code++;
  }
  return codes;
}

// Tree as two Int32Arrays: child[node*2 + bit]; a leaf stores -(symbol + 1).
const children = new Int32Array(2 * 2 * CODE_LENGTHS.length).fill(0);
let nodes = 1;
for (const [symbol, { code, length }] of huffmanCodes().entries()) {
  let node = 0;
  for (let i = length - 1; i >= 0; i--) {
    const bit = Math.floor(code / 2 ** i) % 2;
    const at = node * 2 + bit;
    if (i === 0) children[at] = -(symbol + 1);
    else {
      if (children[at] === 0) children[at] = nodes++;
      node = children[at] as number;
    }
  }
}

const CODES = huffmanCodes();

/** Huffman-codes latin1 text (RFC 7541 §5.2); the last byte is padded with the most significant bits of EOS (ones). */
export function huffmanEncode(text: string): number[] {
  const out: number[] = [];
  // `bits` holds the `count` bits not yet written: fewer than 8 plus one code of at most 30, within a double's 53.
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const { code, length } = CODES[text.charCodeAt(i) & 0xff] as { code: number; length: number };
    bits = bits * 2 ** length + code;
    count += length;
    while (count >= 8) {
      count -= 8;
      out.push(Math.floor(bits / 2 ** count));
      bits %= 2 ** count;
    }
  }
  if (count > 0) out.push(bits * 2 ** (8 - count) + (2 ** (8 - count) - 1));
  return out;
}

export class HuffmanError extends Error {
  override name = "HuffmanError";
}

/** Decodes a Huffman-coded string (bytes [start, end)) as latin1 text. */
export function huffmanDecode(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  let node = 0;
  let depth = 0;
  let allOnes = true;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    for (let b = 7; b >= 0; b--) {
      const bit = (byte >> b) & 1;
      const next = children[node * 2 + bit] as number;
      depth++;
      allOnes = allOnes && bit === 1;
      if (next < 0) {
        const symbol = -next - 1;
        if (symbol === EOS) throw new HuffmanError("EOS in a Huffman-coded string");
        out += String.fromCharCode(symbol);
        node = 0;
        depth = 0;
        allOnes = true;
      } else if (next === 0) {
        throw new HuffmanError("invalid Huffman code");
      } else node = next;
    }
  }
  // Padding: at most 7 bits, all ones (a prefix of EOS).
  if (depth > 7 || !allOnes) throw new HuffmanError("invalid Huffman padding");
  return out;
}
