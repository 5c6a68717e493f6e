// The multiplex family over a --config run's calls (where it applies: the gRPC target is HTTP/2, the REST target
// HTTP/1.1): per unary call and in-flight level, the same configurations as the built-in family
// (bench/multiplex/multiplex-configurations.ts) — gRPC 1 connection × N streams and k connections, REST N keep-alive
// connections, a pool of 4, a new connection per call — with the call's requests round-robin, through the same
// case runner. The head-of-line experiment needs servers that delay calls on request (x-delay-ms), which the user's
// do not: it is left out, and the report says so.
import type { Family, FamilyContext } from "../family.js";
import { multiplexConfigurations, multiplexFits } from "../multiplex/multiplex-configurations.js";
import { noKeepAliveExtra, runMultiplexCase } from "../multiplex/multiplex-case.js";
import { MULTIPLEX_PLANS, type MultiplexPlan } from "../multiplex/multiplex-plan.js";
import type { MultiplexResult } from "../model/multiplex-result.js";
import { remoteMetricsCaveat } from "../server-metrics/remote-caveat.js";
import { openRemoteServer, type RemoteServer } from "../server-metrics/remote-server.js";
import { configCallSpecs } from "./config-call-specs.js";
import { pinForLocalTargets } from "./local-target-pinning.js";
import { userApiConfig } from "./run-user-api.js";
import type { UserApiConfig } from "./user-call.js";

export interface UserApiMultiplexOptions {
  /** replaces parts of the profile's plan (tests run a short one) */
  plan?: Partial<MultiplexPlan>;
  /** where the config comes from; default the run's (run-user-api.ts) */
  config?: () => UserApiConfig | null;
}

export async function runUserApiMultiplex(ctx: FamilyContext, config: UserApiConfig, options: UserApiMultiplexOptions = {}): Promise<void> {
  const plan: MultiplexPlan = { ...MULTIPLEX_PLANS[ctx.profile], ...options.plan };
  const fuller = MULTIPLEX_PLANS.full.inFlight.filter((n) => !plan.inFlight.includes(n));
  if (ctx.profile === "quick" && fuller.length > 0) ctx.leftOut(`quick profile: ${plan.inFlight.join(" and ")} calls in flight, one repetition; --profile full adds ${fuller.join(", ")} and ${MULTIPLEX_PLANS.full.repetitions} repetitions`);
  ctx.leftOut("head-of-line experiment: it needs servers that delay a call on request (x-delay-ms), which a --config run's servers are not");
  const arms = ctx.arms.filter((a) => a.target !== null && multiplexFits(a));
  const unfit = ctx.arms.filter((a) => !arms.includes(a));
  if (unfit.length > 0) ctx.caveat(`multiplex family: no lean transports for ${unfit.map((a) => `${a.id} (${a.api} over ${a.transport})`).join(", ")}: not measured`);
  const specs = await configCallSpecs(ctx, config, { family: "multiplex family", references: false, timeoutMs: plan.timeoutMs });
  if (arms.length === 0 || specs.size === 0) return;

  const monitors = new Map<string, RemoteServer>();
  for (const arm of arms) monitors.set(arm.id, await openRemoteServer(arm));
  const caveat = remoteMetricsCaveat("multiplex family", [...monitors.values()]);
  if (caveat) ctx.caveat(caveat);
  const { restore } = pinForLocalTargets(ctx, "multiplex family");
  try {
    for (const [name, spec] of specs) {
      for (const inFlight of plan.inFlight) {
        for (const arm of arms) {
          let keepAlive: MultiplexResult | null = null;
          for (const configuration of multiplexConfigurations(inFlight, plan, arm)) {
            if (ctx.signal.aborted) return;
            ctx.progress(`multiplex ${name} ${arm.id} ${configuration.configuration} inFlight ${inFlight}`);
            const entry = await runMultiplexCase({ config: configuration, spec, target: arm.target as string, server: monitors.get(arm.id) ?? null, plan, signal: ctx.signal });
            if (configuration.configuration === "rest-keepalive") keepAlive = entry;
            if (!configuration.keepAlive && keepAlive !== null) entry.noKeepAliveExtra = noKeepAliveExtra(entry, keepAlive);
            ctx.record("multiplex", entry);
          }
        }
      }
    }
  } finally {
    restore?.();
    await Promise.all([...monitors.values()].map((s) => s.stop().catch(() => {})));
  }
}

/** The multiplex family for a --config run (the run's config unless options.config says otherwise). */
export function createUserApiMultiplexFamily(options: UserApiMultiplexOptions = {}): Family {
  return {
    name: "multiplex",
    describe: "the config's calls at equal in-flight calls: gRPC 1 conn × N streams / k conns, REST N keep-alive / pool of 4 / no keep-alive",
    run: async (ctx) => {
      const config = (options.config ?? userApiConfig)();
      if (config === null) throw new Error("the user-api multiplex family runs in a --config run only");
      await runUserApiMultiplex(ctx, config, options);
    },
  };
}
