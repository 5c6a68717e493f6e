// Progress on stderr: a live, rewritten line on a terminal; plain lines otherwise.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ProgressEvent } from "../bench/orchestrator.js";
import { progressDisplay } from "../bench/progress-display.js";

const events: ProgressEvent[] = [
  { kind: "family-start", family: "load", index: 1, total: 2, elapsedS: 0 },
  { kind: "line", family: "load", index: 1, total: 2, line: "scenario 1/10 grpc small", elapsedS: 1.2 },
  { kind: "line", family: "load", index: 1, total: 2, line: "scenario 2/10 rest small", elapsedS: 65.4 },
  { kind: "family-end", family: "load", index: 1, total: 2, run: { family: "load", endReason: "completed", durationS: 66 }, entries: 2, elapsedS: 66 },
];

function capture(isTTY: boolean) {
  let out = "";
  const show = progressDisplay({ isTTY, columns: 40, write: (t: string) => (out += t) });
  for (const e of events) show(e);
  return out;
}

describe("progress display", () => {
  it("not a TTY: one plain line per event, elapsed as mm:ss", () => {
    assert.deepEqual(capture(false).split("\n"), [
      "[00:00] load (1/2) started",
      "[00:01] load (1/2) scenario 1/10 grpc small",
      "[01:05] load (1/2) scenario 2/10 rest small",
      "[01:06] load (1/2) done in 66.0 s, 2 entries",
      "",
    ]);
  });

  it("a TTY: scenario lines rewrite one live line (clipped to the width), family lines stay", () => {
    const out = capture(true);
    assert.equal(out.split("\n").length, 3, "start and end lines are kept; scenario lines rewrite in place");
    assert.ok(out.includes("\r\x1b[2K[00:01] load (1/2) scenario 1/10 grpc"));
    assert.ok(!out.includes("\x1b[2K[00:01] load (1/2) scenario 1/10 grpc small"), "clipped to 39 columns");
    assert.ok(out.endsWith("\r\x1b[2K[01:06] load (1/2) done in 66.0 s, 2 entries\n"));
  });
});
