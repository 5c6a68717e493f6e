// How each stack really compresses, read from the installed sources (not from their documentation), so the
// size family can report sizes at the levels the servers use and the compression family knows what to expect.
//
// - compression 1.8.2 (index.js): `zlib.createGzip(opts)` / `zlib.createDeflate(opts)` with no level in opts,
//   so zlib's Z_DEFAULT_COMPRESSION (level 6); brotli gets `BROTLI_PARAM_QUALITY = 4` ("balanced speed/ratio")
//   instead of node's default 11; bodies under `threshold` (default 1024 bytes) are sent uncompressed.
// - @grpc/grpc-js 1.14.7 (build/src/compression-filter.js): `zlib.gzip(message, cb)` / `zlib.deflate(message, cb)`
//   with default options (level 6), one message at a time, only for messages the CLIENT sends when
//   `grpc.default_compression_algorithm` is set. The server side (server-interceptors.js) always writes the
//   compressed flag 0: "response compression is currently not supported". No brotli.
// - node:zlib defaults: gzip/deflate level 6 (Z_DEFAULT_COMPRESSION), brotli quality 11 (BROTLI_DEFAULT_QUALITY).
import zlib from "node:zlib";

export type Codec = "gzip" | "deflate" | "br";

/** A zlib level (gzip/deflate) or brotli quality. */
export type Levels = Record<Codec, number>;

/** node:zlib's defaults: what `zlib.gzipSync(buf)` etc. do with no options. */
export const NODE_DEFAULT_LEVELS: Levels = { gzip: 6, deflate: 6, br: zlib.constants.BROTLI_DEFAULT_QUALITY };

/** The express `compression` middleware with default options, as servers/rest/rest-app.ts installs it. */
export const EXPRESS_COMPRESSION = {
  package: "compression",
  levels: { gzip: 6, deflate: 6, br: 4 } satisfies Levels,
  /** Responses whose body is shorter than this are sent uncompressed. */
  thresholdBytes: 1024,
} as const;

/** grpc-js's per-message compression (zlib.gzip / zlib.deflate with default options). */
export const GRPC_JS_COMPRESSION = {
  package: "@grpc/grpc-js",
  levels: { gzip: 6, deflate: 6 } as const,
  compressesRequests: true,
  compressesResponses: false,
} as const;

/** The levels the servers use, per codec: gzip/deflate 6 on both stacks, brotli 4 (express only). */
export const SERVER_LEVELS: Levels = { gzip: 6, deflate: 6, br: EXPRESS_COMPRESSION.levels.br };

export const SERVER_LEVELS_NOTE =
  `express compression: gzip/deflate at zlib level 6, brotli at quality 4, bodies under ${EXPRESS_COMPRESSION.thresholdBytes} B sent ` +
  "uncompressed; grpc-js: gzip/deflate at level 6 on messages the client sends, server responses never compressed, no brotli";

/** Compresses as node:zlib does, at the given level (zlib level for gzip/deflate, quality for br); runs on the thread pool. */
export function compress(codec: Codec, bytes: Uint8Array, level: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, out: Buffer) => (err ? reject(err) : resolve(out));
    if (codec === "gzip") zlib.gzip(bytes, { level }, done);
    else if (codec === "deflate") zlib.deflate(bytes, { level }, done);
    // No size hint or window option: the middleware sets only the quality, and those options change the output.
    else zlib.brotliCompress(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level } }, done);
  });
}
