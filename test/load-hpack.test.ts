// The h2-frames driver's HPACK: RFC 7541 Appendix C examples (Huffman, dynamic table across blocks) and the
// request header blocks it sends, decoded back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { HpackDecoder } from "../bench/drivers/h2/hpack-decoder.js";
import { huffmanCodes, huffmanDecode, HuffmanError } from "../bench/drivers/h2/hpack-huffman.js";
import { requestHeaderBlocks } from "../bench/drivers/h2/h2-frame-connection.js";

function decodeAll(decoder: HpackDecoder, hex: string): [string, string][] {
  const out: [string, string][] = [];
  decoder.decode(Buffer.from(hex.replace(/\s/g, ""), "hex"), (name, value) => out.push([name, value]));
  return out;
}

test("Huffman codes are the RFC's canonical code", () => {
  const codes = huffmanCodes();
  assert.deepEqual(codes[0], { code: 0x1ff8, length: 13 });
  assert.deepEqual(codes["0".charCodeAt(0)], { code: 0x0, length: 5 });
  assert.deepEqual(codes[" ".charCodeAt(0)], { code: 0x14, length: 6 });
  assert.deepEqual(codes[256], { code: 0x3fffffff, length: 30 });
  const bytes = Buffer.from("f1e3c2e5f23a6ba0ab90f4ff", "hex");
  assert.equal(huffmanDecode(bytes, 0, bytes.length), "www.example.com");
  assert.throws(() => huffmanDecode(Buffer.from([0x00]), 0, 1), HuffmanError); // padding of zeros
});

test("RFC 7541 C.4: requests with Huffman coding share one dynamic table", () => {
  const decoder = new HpackDecoder();
  assert.deepEqual(decodeAll(decoder, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"), [
    [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"],
  ]);
  assert.deepEqual(decodeAll(decoder, "8286 84be 5886 a8eb 1064 9cbf"), [
    [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"], ["cache-control", "no-cache"],
  ]);
  assert.deepEqual(decodeAll(decoder, "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"), [
    [":method", "GET"], [":scheme", "https"], [":path", "/index.html"], [":authority", "www.example.com"], ["custom-key", "custom-value"],
  ]);
});

test("RFC 7541 C.3.1: a request without Huffman coding", () => {
  assert.deepEqual(decodeAll(new HpackDecoder(), "8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"), [
    [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"],
  ]);
});

test("the request blocks h2-frames sends decode to its headers, first with indexing then by index", () => {
  const headers: [string, string][] = [
    [":method", "POST"], [":scheme", "http"], [":path", "/shop.v1.UserService/GetUser"], [":authority", "127.0.0.1:50051"],
    ["content-type", "application/grpc"], ["te", "trailers"],
  ];
  const { first, steady } = requestHeaderBlocks(headers);
  const server = new HpackDecoder();
  const decode = (block: Buffer) => {
    const out: [string, string][] = [];
    server.decode(block, (n, v) => out.push([n, v]));
    return out;
  };
  assert.deepEqual(decode(first), headers);
  assert.deepEqual(decode(steady), headers);
  assert.deepEqual(decode(steady), headers);
  assert.ok(steady.length <= 6, `steady block is ${steady.length} bytes`);
});
