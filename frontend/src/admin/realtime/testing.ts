/**
 * Test doubles for the network side of the socket: a fake WebSocket class
 * (each instance is recorded in `FakeWebSocket.instances`) that tests drive by
 * hand, and manual timers. Used by tests only.
 */
import type { SocketLike, Timers } from "./agentSocket";

export class FakeWebSocket implements SocketLike {
  static instances: FakeWebSocket[] = [];
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  readonly url: string;
  readyState = 0;
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  static reset(): void {
    FakeWebSocket.instances = [];
  }

  static latest(): FakeWebSocket {
    const socket = FakeWebSocket.instances.at(-1);
    if (!socket) throw new Error("no socket was opened");
    return socket;
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  /** The frames sent, parsed. */
  frames(): unknown[] {
    return this.sent.map((text) => JSON.parse(text) as unknown);
  }

  // --- driven by the test: what the server does ---
  serverOpen(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  serverSend(frame: unknown): void {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(frame) }));
  }

  serverClose(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent("close", { code }));
  }
}

/** Timers the test fires by hand. */
export class ManualTimers implements Timers {
  private next = 1;
  timeouts = new Map<number, { callback: () => void; ms: number }>();
  intervals = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++;
    this.timeouts.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timeouts.delete(handle as number);
  }

  setInterval(callback: () => void, ms: number): number {
    const id = this.next++;
    this.intervals.set(id, { callback, ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }

  /** Runs the pending timeouts (once each) and returns their delays. */
  runTimeouts(): number[] {
    const due = [...this.timeouts.values()];
    this.timeouts.clear();
    for (const { callback } of due) callback();
    return due.map(({ ms }) => ms);
  }

  tickIntervals(): void {
    for (const { callback } of [...this.intervals.values()]) callback();
  }
}
