// Every measurement family, by name. Loaded lazily so `--only size` does not pay for the load engine's imports.
import type { Family } from "../family.js";
import type { FamilyName } from "../model/report.js";

export const FAMILY_LOADERS: Record<FamilyName, () => Promise<Family>> = {
  load: async () => (await import("./load.js")).family,
  size: async () => (await import("./size.js")).family,
  compression: async () => (await import("./compression.js")).family,
  micro: async () => (await import("./micro.js")).family,
  multiplex: async () => (await import("./multiplex.js")).family,
  stream: async () => (await import("./stream.js")).family,
  tls: async () => (await import("./tls.js")).family,
};
