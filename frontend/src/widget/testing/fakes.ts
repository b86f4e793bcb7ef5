/**
 * Test doubles for what lies outside the widget: the network (fetch, a
 * WebSocket), the clock, and localStorage. Used by the widget's tests only.
 */
import type { SocketLike } from "../core/realtime";
import type { Timers } from "../core/timers";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** A fake server: `handler` answers each request; every request is recorded (JSON bodies parsed). */
export function fakeNetwork(handler: Route) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const raw = init.body;
    let body: unknown = raw;
    if (typeof raw === "string") {
      body = JSON.parse(raw) as unknown;
    }
    const request: RecordedRequest = {
      method: (init.method ?? "GET").toUpperCase(),
      url: String(input),
      headers: new Headers(init.headers),
      body,
    };
    requests.push(request);
    return handler(request);
  };
  return { fetch, requests };
}

/** fetch that fails as a dropped connection does. */
export function offlineRoute(): Response {
  throw new TypeError("Failed to fetch");
}

export class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  closedWith: number | null = null;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  static reset(): void {
    FakeSocket.instances = [];
  }

  static last(): FakeSocket {
    const socket = FakeSocket.instances[FakeSocket.instances.length - 1];
    if (!socket) {
      throw new Error("no socket was opened");
    }
    return socket;
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code = 1000): void {
    this.readyState = 3;
    this.closedWith = code;
  }

  /** The server accepts the connection. */
  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  /** The server sends a frame. */
  push(frame: unknown): void {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(frame) }));
  }

  /** The connection ends (1006: dropped; 4401: token refused). */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

interface Task {
  at: number;
  callback: () => void;
  every: number | null;
}

/** Timers driven by `advance(ms)`; `now` moves with them. */
export class ManualTimers implements Timers {
  now = 1_000_000;
  private next = 1;
  private readonly tasks = new Map<number, Task>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.tasks.set(id, { at: this.now + ms, callback, every: null });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.tasks.delete(handle as number);
  }

  setInterval(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.tasks.set(id, { at: this.now + ms, callback, every: ms });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.tasks.delete(handle as number);
  }

  /** Delays (from now) of the timers still pending, soonest first. */
  pending(): number[] {
    return [...this.tasks.values()].map((task) => task.at - this.now).sort((a, b) => a - b);
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let dueId: number | null = null;
      let due: Task | null = null;
      for (const [id, task] of this.tasks) {
        if (task.at <= end && (due === null || task.at < due.at)) {
          dueId = id;
          due = task;
        }
      }
      if (dueId === null || due === null) {
        break;
      }
      this.now = due.at;
      if (due.every === null) {
        this.tasks.delete(dueId);
      } else {
        due.at += due.every;
      }
      due.callback();
    }
    this.now = end;
  }
}

/** An in-memory Storage (what localStorage offers). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

/** Lets pending promise callbacks run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await Promise.resolve();
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
}
