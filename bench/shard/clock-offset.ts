// How far this host's clock is from a target's (--shard): shards on different hosts compare their windows by wall
// clock, so each estimates its offset from the same reference, the target servers they all load. The reference is
// the HTTP Date header of a REST target: whole seconds only, so one response says little; but the moment the header
// ticks to the next second is an exact instant of the server's clock. We ask every few ms for up to ~1.3 s, find
// the two responses either side of a tick, and place the tick between them: precision about half the time between
// those two requests plus half a round trip (a few ms on a LAN), said in the note. One bias remains: Node servers
// refresh their Date string from a timer, which fires late on a busy event loop, and a late tick makes this host
// look ahead; so TICKS ticks are read and the smallest offset kept. gRPC targets carry no Date header; with no REST
// target (or none answering) the offset is null and the note says why.
import http from "node:http";
import https from "node:https";
import type { RunTlsTrust } from "../run-tls.js";

export interface ClockOffset {
  /** local clock − the target's (local = reference + offset), ms; null when no target told its time */
  offsetMs: number | null;
  note: string;
}

interface Sample {
  /** local ms when the request went out / the response came back */
  sent: number;
  received: number;
  /** the Date header, ms (a whole second) */
  serverSecond: number;
}

const SAMPLE_EVERY_MS = 5;
const TICKS = 3;
const SAMPLE_FOR_MS = TICKS * 1000 + 300;

function dateOnce(origin: URL, agent: http.Agent, trust: RunTlsTrust): Promise<Sample | null> {
  return new Promise((resolve) => {
    const sent = Date.now();
    const get = origin.protocol === "https:" ? https.request : http.request;
    const req = get(
      origin,
      { method: "HEAD", path: "/", agent, timeout: 2000, ...(origin.protocol === "https:" ? { ca: trust.ca ?? undefined, rejectUnauthorized: !trust.insecure } : {}) },
      (res) => {
        const received = Date.now();
        res.resume();
        const date = res.headers.date;
        const serverSecond = typeof date === "string" ? Date.parse(date) : Number.NaN;
        resolve(Number.isNaN(serverSecond) ? null : { sent, received, serverSecond });
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
    req.end();
  });
}

/** The offset from one target's Date header ticks, or why there is none. */
async function offsetFrom(target: string, trust: RunTlsTrust): Promise<ClockOffset | string> {
  const origin = new URL(target);
  const Agent = origin.protocol === "https:" ? https.Agent : http.Agent;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const until = Date.now() + SAMPLE_FOR_MS;
    let last: Sample | null = null;
    let best = null as { offsetMs: number; precisionMs: number } | null;
    let ticks = 0;
    while (Date.now() < until) {
      const s = await dateOnce(origin, agent, trust);
      if (s === null) return `${target} sent no Date header`;
      if (last !== null && s.serverSecond === last.serverSecond + 1000) {
        // the server's clock read s.serverSecond somewhere between the two stamps, each within its request's round trip
        const a = (last.sent + last.received) / 2;
        const b = (s.sent + s.received) / 2;
        const precisionMs = (b - a) / 2 + Math.max(last.received - last.sent, s.received - s.sent) / 2;
        const offsetMs = (a + b) / 2 - s.serverSecond;
        if (best === null || offsetMs < best.offsetMs) best = { offsetMs, precisionMs };
        if (++ticks === TICKS) break;
      }
      last = s;
      await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
    }
    if (best === null) return `${target}'s Date header did not tick within ${SAMPLE_FOR_MS} ms`;
    return {
      offsetMs: Math.round(best.offsetMs * 10) / 10,
      note: `from the ticks of ${target}'s HTTP Date header to the next second (the earliest of ${ticks}), ±${best.precisionMs.toFixed(1)} ms; a server whose event loop is busy ticks late, which makes this host look ahead`,
    };
  } finally {
    agent.destroy();
  }
}

/** This host's clock offset against the first REST target that tells its time (targets: arm → URL as resolved). */
export async function estimateClockOffset(targets: Readonly<Record<string, string>>, trust: RunTlsTrust): Promise<ClockOffset> {
  const rest = Object.values(targets).filter((t) => /^https?:\/\//.test(t));
  if (rest.length === 0) return { offsetMs: null, note: "no http:// or https:// target to read a Date header from (gRPC targets send none): shards' clocks are assumed to agree (NTP)" };
  const why: string[] = [];
  for (const target of rest) {
    const result = await offsetFrom(target, trust);
    if (typeof result !== "string") return result;
    why.push(result);
  }
  return { offsetMs: null, note: `not estimated: ${why.join("; ")}; shards' clocks are assumed to agree (NTP)` };
}
