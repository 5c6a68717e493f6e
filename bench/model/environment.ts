import { Type, type Static } from "@sinclair/typebox";

export const Environment = Type.Object({
  node: Type.String(),
  platform: Type.String(),
  arch: Type.String(),
  cpuModel: Type.String(),
  cpus: Type.Integer(),
  totalMemMb: Type.Number(),
  gitCommit: Type.Union([Type.String(), Type.Null()]),
  packages: Type.Record(Type.String(), Type.String(), { description: "exact installed versions of the libraries that shape the figures" }),
  pinned: Type.Boolean({ description: "server and load generator ran on separate CPUs (taskset)" }),
  pinning: Type.Optional(Type.String({ description: "how, or why not" })),
  serverCpus: Type.Optional(
    Type.Integer({
      minimum: 1,
      description:
        "server processes per arm the run started (--server-cpus N, default 1; node:cluster round-robin, the same N for every arm, a gateway's upstream tier N too): server CPU per call and memory are summed over them and their primary; peak RSS is the sum of each process's peak. Absent in reports written before it was recorded",
    }),
  ),
  referenceProbe: Type.Optional(
    Type.Object(
      {
        what: Type.String(),
        cpus: Type.Union([Type.String(), Type.Null()]),
        ms: Type.Array(Type.Number(), { description: "CPU ms of each probe run, at the start and after each family" }),
      },
      { description: "a fixed memory-bound reference loop, timed through the run: its spread and its change between two reports show the machine's own speed" },
    ),
  ),
});
export type Environment = Static<typeof Environment>;
