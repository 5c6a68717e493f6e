// The lean gRPC drivers' policy for a lane whose connection is gone: calls queue while one reconnect is under
// way and go out on it; a reconnect is tried at most every 100 ms after a failed one, and meanwhile calls fail
// as "refused" after a tick, so a closed loop against a dead server cannot spin; once the transport is closing
// they fail as "reset".
import { transportErrorCode } from "./error-code.js";
import type { CallDone } from "./transport.js";

export const RECONNECT_BACKOFF_MS = 100;

export class LaneReconnect {
  private connecting = false;
  private lastFailure = 0;
  private readonly waiting: CallDone[] = [];

  constructor(
    /** opens the lane's connection and installs it */
    private readonly connect: () => Promise<void>,
    /** sends a queued call again once the connection is back */
    private readonly resend: (done: CallDone) => void,
    private readonly closing: () => boolean,
  ) {}

  /** Opens the lane's connection (the first time too); a failure starts the back-off. */
  async open(): Promise<void> {
    this.connecting = true;
    try {
      await this.connect();
    } catch (error) {
      this.lastFailure = Date.now();
      throw error;
    } finally {
      this.connecting = false;
    }
  }

  /** A call for a lane without a usable connection. */
  send(done: CallDone): void {
    if (this.closing()) {
      setImmediate(done, "reset");
      return;
    }
    this.waiting.push(done);
    if (this.connecting) return;
    if (Date.now() - this.lastFailure < RECONNECT_BACKOFF_MS) {
      const failed = this.waiting.splice(0);
      setTimeout(() => failed.forEach((d) => d("refused")), 1);
      return;
    }
    this.open().then(
      () => {
        for (const d of this.waiting.splice(0)) this.resend(d);
      },
      (error: unknown) => {
        const code = transportErrorCode(error);
        for (const d of this.waiting.splice(0)) d(code);
      },
    );
  }
}
