// A --config run's `messages` as the size and micro families measure them: each sample file is one measured message,
// labelled with its type and the file (sizes[].payload / micro[].payload carry the file as the config names it, where
// the shop's messages carry their size class). The micro family's worker threads load the protos and read the samples
// again from this spec (a protobufjs Root does not cross threads), through the same two functions as the main thread.
import type protobuf from "protobufjs";
import { CanonicalJsonError, fromCanonicalJson, type JsonValue } from "../../proto/canonical-json.js";
import type { MeasuredMessage } from "../families/measured-messages.js";
import { loadProtoRoot } from "./proto-root.js";
import { readDataFile } from "./read-config-file.js";
import type { ResolvedConfig, ResolvedMessage } from "./resolved-config.js";

/** What a worker needs to build a config's measured messages itself: plain data, cloneable. */
export interface ConfigMessageSpec {
  protos: { files: string[]; importPaths: string[] };
  messages: { name: string; samples: { file: string; path: string }[] }[];
}

export function configMessageSpec(config: Pick<ResolvedConfig, "protos" | "messages">): ConfigMessageSpec {
  return { protos: config.protos, messages: config.messages.map((m) => ({ name: m.name, samples: m.samples.map(({ file, path }) => ({ file, path })) })) };
}

/** A sample file → the in-memory message; throws an Error whose message says what does not fit (no file name). */
export function readMessageSample(type: protobuf.Type, path: string): object {
  const read = readDataFile(path);
  if ("problem" in read) throw new Error(read.problem);
  try {
    const value = fromCanonicalJson(type, read.value as JsonValue);
    const problem = type.verify(type.fromObject(value)); // fromObject first: int64 beyond 2^53 is a decimal string here
    if (problem !== null) throw new CanonicalJsonError(`${type.name}: ${problem}`);
    return value;
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new Error(`not a canonical JSON ${type.fullName.replace(/^\./, "")}: ${error.message}`);
    throw error;
  }
}

/** The measured messages of resolved config messages: one per sample, in config order. */
export function measuredConfigMessages(messages: readonly ResolvedMessage[]): MeasuredMessage[] {
  return messages.flatMap((m) =>
    m.samples.map((s) => ({
      message: m.name,
      type: m.type,
      payload: s.file,
      role: null,
      subject: `${m.name} from the sample file ${s.file} (--config messages)`,
      value: s.value,
      codec: null,
    })),
  );
}

/** In a worker: the same measured messages, from the spec (protos loaded and samples read anew). */
export function loadConfigMessages(spec: ConfigMessageSpec): MeasuredMessage[] {
  const root = loadProtoRoot(spec.protos.files, spec.protos.importPaths);
  return measuredConfigMessages(
    spec.messages.map((m) => {
      const type = root.lookupType(m.name);
      return { name: m.name, type, samples: m.samples.map((s) => ({ ...s, value: readMessageSample(type, s.path) })) };
    }),
  );
}
