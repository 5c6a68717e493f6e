// The arms of a --config run: the user's own gRPC and REST servers, at the config's targets. Ids "grpc" and "rest", so
// findings compare them as they compare the built-in pair (gRPC against the REST baseline); labels, framework and
// description say these are the user's servers, not the registry's grpc-js and express arms. The transport follows
// the URL: grpc:// and grpcs:// are HTTP/2 (TLS is recorded in `tls`, as for any --target), http:// and https:// are
// HTTP/1.1 (the REST drivers speak HTTP/1.1; an https:// server that would rather speak h2 is still loaded over 1.1).
import { armTlsRecord } from "../arm-tls-record.js";
import { targetEndpoint } from "../drivers/target-address.js";
import type { ScenarioArm } from "../load/load-scenario.js";
import type { Arm } from "../model/arm.js";
import { ARM_APIS, type ArmApi } from "../../servers/server-arm.js";

/** A config run's arms are its two targets, one per api: their ids are the apis. */
export type UserApiArmId = ArmApi;

export const USER_API_ARM_IDS: readonly UserApiArmId[] = ARM_APIS;

/** A target URL's scheme fits its arm: grpc:// or grpcs:// for gRPC, http:// or https:// for REST. */
export function targetSchemeProblem(arm: UserApiArmId, target: string): string | null {
  let scheme: string;
  try {
    scheme = new URL(target).protocol;
  } catch {
    return `${JSON.stringify(target)} is not a URL`;
  }
  const allowed = arm === "grpc" ? ["grpc:", "grpcs:"] : ["http:", "https:"];
  return allowed.includes(scheme) ? null : `${target}: a ${arm === "grpc" ? "gRPC target is grpc:// or grpcs://" : "REST target is http:// or https://"}`;
}

/** The report's arms for the config's targets (TLS per scheme, verified unless --insecure); an arm without a target is left out. */
export function userApiArms(targets: { readonly grpc?: string; readonly rest?: string }, options: { insecure?: boolean } = {}): Arm[] {
  return USER_API_ARM_IDS.flatMap((id) => {
    const target = targets[id];
    if (target === undefined) return [];
    const tls = targetEndpoint(target).tls;
    const base =
      id === "grpc"
        ? { label: "your gRPC server", api: "grpc" as const, wire: "protobuf" as const, transport: "h2c" as const }
        : { label: "your REST server", api: "rest" as const, wire: "json" as const, transport: "http/1.1" as const };
    const arm: Arm = {
      id,
      ...base,
      framework: "yours (--config target)",
      description: `the ${id === "grpc" ? "gRPC" : "REST/JSON"} server at ${target}, named by the config's targets.${id}`,
      target,
      tls: armTlsRecord(tls, options.insecure !== true),
    };
    return [arm];
  });
}

/** What scenario resolution needs of the run's arms (the registry knows nothing of the user's servers). */
export function userApiArmLookup(arms: readonly Arm[]): (id: string) => ScenarioArm | undefined {
  return (id) => {
    const arm = arms.find((a) => a.id === id);
    if (arm === undefined) return undefined;
    return { id: arm.id, api: arm.api, transport: arm.transport, wire: arm.wire, ...(arm.tls?.enabled === true ? { tls: true } : {}) };
  };
}
