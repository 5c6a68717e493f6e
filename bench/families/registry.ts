// Every measurement family, by name. Loaded lazily so `--only size` does not pay for the load engine's imports.
import type { Family } from "../family.js";
import type { FamilyName } from "../model/report.js";
import { userApiConfig } from "../user-api/run-user-api.js";

// A --config run loads the config's calls on the user's servers (bench/user-api/); otherwise the shop's calls.
export const FAMILY_LOADERS: Record<FamilyName, () => Promise<Family>> = {
  load: async () => (userApiConfig() !== null ? (await import("../user-api/user-api-load-family.js")).createUserApiLoadFamily() : (await import("./load.js")).family),
  size: async () => (await import("./size.js")).family,
  compression: async () => (await import("./compression.js")).family,
  micro: async () => (await import("./micro.js")).family,
  multiplex: async () =>
    userApiConfig() !== null ? (await import("../user-api/user-api-multiplex-family.js")).createUserApiMultiplexFamily() : (await import("./multiplex.js")).family,
  stream: async () => (await import("./stream.js")).family,
  tls: async () => (await import("./tls.js")).family,
};
