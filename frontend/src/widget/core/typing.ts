/**
 * The shopper's typing signal: "start" on the first keystroke and again every
 * few seconds while typing goes on (the server forwards at most one start per
 * 2 s), "stop" after a pause or when the message is sent or cleared.
 */
import type { Timers } from "./timers";

export const TYPING_REPEAT_MS = 3_000;
export const TYPING_IDLE_MS = 3_000;

export type TypingState = "start" | "stop";

export class TypingNotifier {
  private typing = false;
  private lastStart = 0;
  private idleTimer: unknown = null;

  constructor(
    private readonly send: (state: TypingState) => void,
    private readonly timers: Pick<Timers, "setTimeout" | "clearTimeout">,
    private readonly now: () => number,
  ) {}

  /** A change in the message box; `hasText` false when it was emptied. */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing || now - this.lastStart >= TYPING_REPEAT_MS) {
      this.typing = true;
      this.lastStart = now;
      this.send("start");
    }
    this.clearIdle();
    this.idleTimer = this.timers.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    this.clearIdle();
    if (this.typing) {
      this.typing = false;
      this.send("stop");
    }
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) {
      this.timers.clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
  }
}
