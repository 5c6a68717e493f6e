// Peak RSS is per measured window: an allocation spike before the window (in the server process or in this one)
// must not show up in the window's figure. Structural only: the spike is hundreds of MB, the assertions compare
// sizes, never times.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { CallSink } from "../bench/load/call-sink.js";
import type { LoadGenerator } from "../bench/load/load-generator.js";
import { measureWindows } from "../bench/load/measure-windows.js";
import type { ServerProcess } from "../bench/server-process/server-process.js";
import type { SocketBytesMeter } from "../bench/wire/socket-bytes-meter.js";

const SPIKE_MB = 256;
const linux = process.platform === "linux";

function statusMb(pid: number | "self", key: "VmHWM" | "VmRSS"): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  assert.ok(m, `no ${key} in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

function canReset(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Reports one fast successful call every few ms until stopped (at most 10 000). */
class TickingGenerator implements LoadGenerator {
  private timer: NodeJS.Timeout | null = null;
  private calls = 0;
  start(sink: CallSink): void {
    this.timer = setInterval(() => {
      if (this.calls++ < 10_000) sink.ok(100);
    }, 2);
  }
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

const meter = { snapshot: () => ({ read: 0, written: 0 }) } as unknown as SocketBytesMeter;

function fakeServer(pid: number, lifetimePeakMb: number): ServerProcess {
  return {
    arm: "stand-in",
    api: "grpc",
    host: "127.0.0.1",
    port: 0,
    pid,
    pinnedCpus: null,
    target: "127.0.0.1:0",
    caveats: [],
    alive: true,
    exitStatus: null,
    onExit: () => {},
    cpuUsage: async () => ({ user: 0, system: 0 }),
    memory: async () => ({ rssMb: 0, peakRssMb: lifetimePeakMb }),
    stop: async () => {},
  };
}

// Allocates and touches SPIKE_MB, frees it, waits (bounded) until the RSS is back down, then says "ready".
const SPIKING_CHILD = `
const rssMb = () => Number(/^VmRSS:\\s+(\\d+)/m.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]) / 1024;
const start = rssMb();
let spike = Buffer.alloc(${SPIKE_MB} * 1024 * 1024, 1);
spike = null;
let tries = 0;
const settle = () => {
  global.gc();
  if (rssMb() < start + ${SPIKE_MB / 4} || ++tries > 200) process.stdout.write("ready\\n");
  else setTimeout(settle, 10);
};
settle();
setInterval(() => {}, 1000);
process.stdin.on("end", () => process.exit(0)).resume();
`;

describe("peak RSS per measured window", { skip: !linux && "needs /proc" }, () => {
  let child: ChildProcess;
  before(async () => {
    child = spawn(process.execPath, ["--expose-gc", "-e", SPIKING_CHILD], { stdio: ["pipe", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`spiking child exited (${code})`)));
    });
  });
  after(() => {
    child.stdin!.end();
    child.kill();
  });

  it("a spike in the server process before the window is not in the window's peak", async () => {
    const pid = child.pid!;
    const lifetime = statusMb(pid, "VmHWM");
    assert.ok(lifetime - statusMb(pid, "VmRSS") > SPIKE_MB / 2, "precondition: the child's spike was freed");
    const run = await measureWindows({ generator: new TickingGenerator(), plan: { warmupS: 0, durationS: 0.05, repetitions: 2 }, server: fakeServer(pid, lifetime), meter });
    assert.equal(run.windows.length, 2);
    for (const w of run.windows) {
      if (canReset()) {
        assert.equal(w.serverPeakRssScope, "window");
        assert.ok(w.serverPeakRssMb !== null && w.serverPeakRssMb > 0);
        assert.ok(w.serverPeakRssMb < lifetime - SPIKE_MB / 2, `window peak ${w.serverPeakRssMb} MB includes the earlier spike (lifetime ${lifetime} MB)`);
      } else {
        assert.equal(w.serverPeakRssScope, "process-lifetime");
        assert.equal(w.serverPeakRssMb, lifetime);
      }
    }
  });

  it("a spike in this process before the window is not in the window's client peak", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const start = statusMb("self", "VmRSS");
    let spike: Buffer | null = Buffer.alloc(SPIKE_MB * 1024 * 1024, 1);
    assert.equal(spike[spike.length - 1], 1);
    spike = null;
    for (let i = 0; i < 200 && statusMb("self", "VmRSS") > start + SPIKE_MB / 4; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    const lifetime = statusMb("self", "VmHWM");
    assert.ok(lifetime - statusMb("self", "VmRSS") > SPIKE_MB / 2, "precondition: the spike was freed");
    const run = await measureWindows({ generator: new TickingGenerator(), plan: { warmupS: 0, durationS: 0.05, repetitions: 1 }, server: null, meter });
    const w = run.windows[0]!;
    assert.equal(w.serverPeakRssMb, null, "no server process, no server figure");
    assert.equal(w.serverPeakRssScope, undefined);
    if (canReset()) {
      assert.equal(w.clientPeakRssScope, "window");
      assert.ok(w.clientPeakRssMb! < lifetime - SPIKE_MB / 2, `window peak ${w.clientPeakRssMb} MB includes the earlier spike (lifetime ${lifetime} MB)`);
    } else {
      assert.equal(w.clientPeakRssScope, "process-lifetime");
    }
  });

  it("where the high-water mark cannot be reset (no such pid here), the server's lifetime peak is used and labelled", async () => {
    const run = await measureWindows({ generator: new TickingGenerator(), plan: { warmupS: 0, durationS: 0.02, repetitions: 1 }, server: fakeServer(-1, 123), meter });
    assert.equal(run.windows[0]!.serverPeakRssMb, 123);
    assert.equal(run.windows[0]!.serverPeakRssScope, "process-lifetime");
  });
});
