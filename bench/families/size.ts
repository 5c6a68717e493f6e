// Serialized size: for every measured message (the objects the servers send, see measured-messages.ts) the
// canonical JSON bytes (the REST body) against the protobuf bytes (the gRPC message without its 5-byte
// prefix), each raw and after gzip, deflate and brotli at node:zlib's default levels, and again at the levels
// the servers really use (stack-compression.ts). Sizes are deterministic, so the profiles differ in one thing
// only: brotli at quality 11 on xlarge takes most of a minute, so quick uses the servers' quality 4 there and
// says so (levels.br and a caveat). Compression runs on the thread pool, the codecs in parallel.
// A --config run measures the config's sample messages (bench/config/config-messages.ts) with the same code.
import type { Family, FamilyContext } from "../family.js";
import type { PayloadClass } from "../model/measurement.js";
import type { EncodedSizes, SizeRatios, SizeResult } from "../model/size-result.js";
import { toCanonicalJson } from "../../proto/canonical-json.js";
import { DEFAULT_SEED } from "../../payloads/generator.js";
import { PAYLOAD_CLASSES } from "../../payloads/size-classes.js";
import { withoutDefaults } from "./proto3-defaults.js";
import { measuredMessages, type MeasuredMessage, type MessageSelection } from "./measured-messages.js";
import { measuredConfigMessages } from "../config/config-messages.js";
import { runConfig } from "../config/run-config.js";
import { compress, EXPRESS_COMPRESSION, NODE_DEFAULT_LEVELS, SERVER_LEVELS, SERVER_LEVELS_NOTE, type Codec, type Levels } from "./stack-compression.js";

const CODECS: readonly Codec[] = ["gzip", "deflate", "br"];
const MIB = 1024 * 1024;
/** Brotli quality 11 costs ~1 s on large (255 KiB) and ~45 s on xlarge (8 MiB) here; quick keeps the former. */
const QUICK_BROTLI_DEFAULT_MAX_BYTES = 1 * MIB;

/** The two encodings of a message, exactly as the servers produce them. */
export function encodeBoth(m: MeasuredMessage): { json: Buffer; protobuf: Uint8Array } {
  return {
    json: Buffer.from(JSON.stringify(toCanonicalJson(m.type, m.value)), "utf8"),
    protobuf: (m.codec ?? m.type).encode(m.value).finish(),
  };
}

/** Length of the protobuf a conforming encoder (Python, C++, Go) writes for the message: no explicitly set defaults. */
export function minimalProtobufLength(m: MeasuredMessage): number {
  return (m.codec ?? m.type).encode(withoutDefaults(m.type, m.value)).finish().length;
}

async function sizesAt(bytes: Uint8Array, levels: Levels, cache: Map<string, Promise<number>>): Promise<EncodedSizes> {
  const at = (codec: Codec): Promise<number> => {
    // Levels that coincide (gzip/deflate 6 at both node defaults and the servers') are compressed once.
    const key = `${codec}:${levels[codec]}`;
    let size = cache.get(key);
    if (!size) cache.set(key, (size = compress(codec, bytes, levels[codec]).then((out) => out.length)));
    return size;
  };
  const [gzip, deflate, br] = await Promise.all(CODECS.map(at));
  return { raw: bytes.length, gzip: gzip!, deflate: deflate!, br: br! };
}

function ratios(json: EncodedSizes, protobuf: EncodedSizes): SizeRatios {
  return {
    raw: json.raw / protobuf.raw,
    gzip: json.gzip / protobuf.gzip,
    deflate: json.deflate / protobuf.deflate,
    br: json.br / protobuf.br,
  };
}

export interface SizeOptions {
  /**
   * Messages whose JSON is larger than this get brotli at the servers' quality instead of node's default 11 in
   * the main columns (`levels.br` says which). Quick profile only: quality 11 on xlarge takes most of a minute.
   */
  brotliDefaultMaxBytes?: number;
}

/** Measures one message: raw and compressed sizes in both formats, at node defaults and at the servers' levels. */
export async function measureSize(m: MeasuredMessage, options: SizeOptions = {}): Promise<SizeResult> {
  const { json, protobuf } = encodeBoth(m);
  const defaults: Levels = { ...NODE_DEFAULT_LEVELS };
  if (json.length > (options.brotliDefaultMaxBytes ?? Infinity)) defaults.br = SERVER_LEVELS.br;
  const jsonCache = new Map<string, Promise<number>>();
  const protobufCache = new Map<string, Promise<number>>();
  const [jsonDefault, protobufDefault, jsonServer, protobufServer] = await Promise.all([
    sizesAt(json, defaults, jsonCache),
    sizesAt(protobuf, defaults, protobufCache),
    sizesAt(json, SERVER_LEVELS, jsonCache),
    sizesAt(protobuf, SERVER_LEVELS, protobufCache),
  ]);
  return {
    message: m.message,
    payload: m.payload,
    json: jsonDefault,
    protobuf: protobufDefault,
    ratio: ratios(jsonDefault, protobufDefault),
    protobufMinimalRaw: minimalProtobufLength(m),
    ...(m.role !== null ? { role: m.role } : {}),
    ...(m.call !== undefined ? { call: m.call } : {}),
    subject: m.subject,
    levels: defaults,
    atServerLevels: {
      levels: { ...SERVER_LEVELS },
      json: jsonServer,
      protobuf: protobufServer,
      ratio: ratios(jsonServer, protobufServer),
      restCompressesResponse: m.role === "response" ? json.length >= EXPRESS_COMPRESSION.thresholdBytes : null,
      note: SERVER_LEVELS_NOTE,
    },
  };
}

export interface SizeFamilyOptions {
  seed?: number;
  classes?: readonly PayloadClass[];
  roles?: MessageSelection["roles"];
  /** Quick profile: JSON size above which brotli uses the servers' quality (default 1 MiB). */
  quickBrotliDefaultMaxBytes?: number;
  /**
   * The messages to measure instead of the shop's size classes; default: the --config run's samples
   * (bench/config/run-config.ts) when there is a config, else the shop's.
   */
  messages?: () => readonly MeasuredMessage[] | null;
}

function configMessages(): readonly MeasuredMessage[] | null {
  const config = runConfig();
  return config === null ? null : measuredConfigMessages(config.messages);
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** One message measured and recorded; false when the run was aborted first. */
async function measureOne(ctx: FamilyContext, m: MeasuredMessage, sizeOptions: SizeOptions, onBrotliLevel: (r: SizeResult) => void): Promise<boolean> {
  const started = performance.now();
  // Brotli at quality 11 on xlarge cannot be interrupted; on abort stop waiting and record nothing partial.
  const result = await untilAborted(measureSize(m, sizeOptions), ctx.signal);
  if (result === null) return false;
  onBrotliLevel(result);
  ctx.record("sizes", result);
  ctx.progress(`${sizeLine(result)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

function sizeLine(r: SizeResult): string {
  return `size ${r.message} ${r.payload}: json ${r.json.raw} B / protobuf ${r.protobuf.raw} B = ${r.ratio.raw.toFixed(2)}x raw, ${r.ratio.gzip.toFixed(2)}x gzip`;
}

export function createSizeFamily(options: SizeFamilyOptions = {}): Family {
  return {
    name: "size",
    describe: "serialized size of every message and size class: canonical JSON vs protobuf, raw and gzip/deflate/brotli",
    async run(ctx: FamilyContext) {
      const seed = options.seed ?? DEFAULT_SEED;
      const selection: MessageSelection = {};
      if (options.classes) selection.classes = options.classes;
      if (options.roles) selection.roles = options.roles;
      const sizeOptions: SizeOptions = {};
      const limit = options.quickBrotliDefaultMaxBytes ?? QUICK_BROTLI_DEFAULT_MAX_BYTES;
      if (ctx.profile === "quick") sizeOptions.brotliDefaultMaxBytes = limit;
      let saidSo = false;
      const onBrotliLevel = (result: SizeResult) => {
        if (result.levels?.br !== NODE_DEFAULT_LEVELS.br && !saidSo) {
          saidSo = true;
          ctx.caveat(
            `size (quick profile): messages over ${(limit / MIB).toFixed(limit < MIB ? 3 : 0)} MiB of JSON are brotli-compressed at quality ${SERVER_LEVELS.br} ` +
              `(the servers' level), not node's default ${NODE_DEFAULT_LEVELS.br}, in the br column (sizes[].levels.br says which); the full profile uses ${NODE_DEFAULT_LEVELS.br}`,
          );
        }
      };
      const given = (options.messages ?? configMessages)();
      if (given !== null) {
        if (given.length === 0) ctx.leftOut("the config names no messages: nothing to size (add messages: [{type, samples}])");
        for (const m of given) if (ctx.signal.aborted || !(await measureOne(ctx, m, sizeOptions, onBrotliLevel))) return;
        return;
      }
      // One class at a time: xlarge's encodings are megabytes, and generating it takes seconds.
      for (const cls of selection.classes ?? PAYLOAD_CLASSES) {
        if (ctx.signal.aborted) return;
        for (const m of measuredMessages(seed, { ...selection, classes: [cls] })) {
          if (!(await measureOne(ctx, m, sizeOptions, onBrotliLevel))) return;
        }
      }
    },
  };
}

export const family: Family = createSizeFamily();
