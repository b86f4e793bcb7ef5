/**
 * When to tell the others that the agent is typing: a "start" on the first
 * keystroke and again at most every `repeatMs` while typing goes on (the
 * shopper's indicator times out otherwise), a "stop" after `idleMs` without a
 * keystroke, or when the message is sent or the composer left. Pure apart
 * from the injected clock and timers.
 */
export type TypingState = "start" | "stop";

export interface TypingSignalOptions {
  send: (state: TypingState) => void;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  repeatMs?: number;
  idleMs?: number;
}

export class TypingSignal {
  private readonly options: Required<TypingSignalOptions>;
  private lastStart = Number.NEGATIVE_INFINITY;
  private typing = false;
  private idleTimer: unknown = null;

  constructor(options: TypingSignalOptions) {
    this.options = {
      now: () => Date.now(),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      repeatMs: 3000,
      idleMs: 4000,
      ...options,
    };
  }

  /** A keystroke. */
  input(): void {
    const now = this.options.now();
    if (!this.typing || now - this.lastStart >= this.options.repeatMs) {
      this.options.send("start");
      this.lastStart = now;
      this.typing = true;
    }
    this.resetIdle();
  }

  /** Sent, cleared or left: a "stop" if a "start" went out. */
  stop(): void {
    this.clearIdle();
    if (!this.typing) return;
    this.typing = false;
    this.lastStart = Number.NEGATIVE_INFINITY;
    this.options.send("stop");
  }

  private resetIdle(): void {
    this.clearIdle();
    this.idleTimer = this.options.setTimer(() => {
      this.idleTimer = null;
      this.stop();
    }, this.options.idleMs);
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) this.options.clearTimer(this.idleTimer);
    this.idleTimer = null;
  }
}
