// A --config run's options, settled once the config is loaded: its families and profile unless --only / --profile say
// otherwise, its TLS trust (targets.ca / targets.insecure) unless --ca / --insecure say otherwise, and the two arms
// its targets name ("grpc" against the "rest" baseline). Families that measure the built-in shop servers only
// (compression, stream, tls) are refused by name rather than run against servers the user did not ask for.
import type { FamilyName } from "../model/report.js";
import { parseFamilies, readCaFile, UsageError, type RunOptions } from "../run-options.js";
import { ARM_APIS } from "../../servers/server-arm.js";
import type { ResolvedConfig } from "./resolved-config.js";

/** What a config run can measure: its calls against its targets, its messages without servers. */
export const CONFIG_FAMILIES: readonly FamilyName[] = ["load", "size", "micro", "multiplex"];

/** Without `families` in the config or --only: load and multiplex when it has calls, size and micro when it has messages. */
export function defaultConfigFamilies(config: Pick<ResolvedConfig, "calls" | "messages">): FamilyName[] {
  const wanted = new Set<FamilyName>([...(config.calls.length > 0 ? (["load", "multiplex"] as const) : []), ...(config.messages.length > 0 ? (["size", "micro"] as const) : [])]);
  return CONFIG_FAMILIES.filter((f) => wanted.has(f));
}

function configFamilies(options: RunOptions, config: ResolvedConfig, only: boolean): FamilyName[] {
  const families = only ? options.families : (config.families ?? defaultConfigFamilies(config));
  const other = families.filter((f) => !CONFIG_FAMILIES.includes(f));
  if (other.length > 0) {
    const where = only ? "--only" : `${config.file}: families`;
    throw new UsageError(`${where}: ${other.join(", ")} measure${other.length === 1 ? "s" : ""} the built-in shop servers, not a config's (a config run has ${CONFIG_FAMILIES.join(", ")})`);
  }
  if (families.length === 0) throw new UsageError(`${config.file}: nothing to measure: no calls (load, multiplex) and no messages (size, micro)`);
  const loads = families.filter((f) => f === "load" || f === "multiplex");
  if (loads.length > 0 && config.calls.length === 0) throw new UsageError(`${config.file}: ${loads.join(" and ")} need${loads.length === 1 ? "s" : ""} calls, and the config has none`);
  const sizes = families.filter((f) => f === "size" || f === "micro");
  if (sizes.length > 0 && config.messages.length === 0) throw new UsageError(`${config.file}: ${sizes.join(" and ")} need${sizes.length === 1 ? "s" : ""} messages, and the config has none`);
  return parseFamilies(families.join(",")); // the fixed run order
}

/** The run's options with the config applied. */
export function applyRunConfig(options: RunOptions, config: ResolvedConfig): RunOptions {
  const given = options.config ?? { file: config.file, only: false, profile: false };
  const out: RunOptions = {
    ...options,
    profile: given.profile ? options.profile : (config.profile ?? options.profile),
    families: configFamilies(options, config, given.only),
    arms: ARM_APIS.filter((id) => config.targets[id] !== undefined),
    baseline: "rest",
    targets: {},
  };
  if (out.arms.length === 0) out.arms = ["grpc", "rest"]; // size and micro only: no servers, the usual pair named
  if (options.ca === undefined && options.insecure === undefined) {
    if (config.tls.ca !== undefined) out.ca = readCaFile(config.tls.ca);
    if (config.tls.insecure === true) out.insecure = true;
  }
  return out;
}
