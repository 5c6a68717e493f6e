// Progress for people, on stderr only: on a terminal one live line that is rewritten as a scenario advances and
// kept when a family ends; in a log or CI (not a TTY) plain lines, one per event.
import type { ProgressEvent } from "./orchestrator.js";

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const clock = (s: number) => {
  const m = Math.floor(s / 60);
  const sec = Math.floor(s % 60);
  return `${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
};

function text(event: ProgressEvent): string {
  const at = `[${clock(event.elapsedS)}]`;
  switch (event.kind) {
    case "family-start":
      return `${at} ${event.family} (${event.index}/${event.total}) started`;
    case "line":
      return `${at} ${event.family} (${event.index}/${event.total}) ${event.line}`;
    case "family-end": {
      const r = event.run;
      const how = r.endReason === "completed" ? "done" : r.endReason;
      return `${at} ${event.family} (${event.index}/${event.total}) ${how} in ${r.durationS.toFixed(1)} s, ${event.entries} entries${r.failure ? `: ${r.failure}` : ""}`;
    }
    case "warning":
      return `${at} warning: ${event.text}`;
  }
}

export function progressDisplay(sink: ProgressSink): (event: ProgressEvent) => void {
  if (!sink.isTTY) return (event) => void sink.write(`${text(event)}\n`);
  let live = false;
  return (event) => {
    const line = text(event);
    const width = Math.max(20, (sink.columns ?? 100) - 1);
    if (event.kind === "line") {
      sink.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      live = true;
      return;
    }
    sink.write(`${live ? "\r\x1b[2K" : ""}${line}\n`);
    live = false;
  };
}
