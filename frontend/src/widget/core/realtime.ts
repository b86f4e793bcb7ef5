/**
 * The widget's websocket (support/consumers.py WidgetConsumer): opened with
 * `<socket_url>?token=<socket_token>`, kept alive with {"type":"ping"} every
 * 25 s, and reopened after a drop with a capped, jittered backoff. A token
 * older than ~9 minutes (the server accepts 10), or one the server refused,
 * is replaced with a fresh one before the next attempt.
 *
 * The socket only notifies: after every reconnect the owner asks the HTTP API
 * for what it missed (onOpen(true)).
 */
import type { SocketTokenResponse } from "./types";
import type { Timers } from "./timers";

export const PING_INTERVAL_MS = 25_000;
export const TOKEN_MAX_AGE_MS = 9 * 60_000;
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;
/** Close code the server uses for a refused token. */
export const REFUSED_CODE = 4401;

/** The delay before reconnect attempt `attempt` (0-based): half fixed, half random, capped. Pure. */
export function reconnectDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** What the widget needs of a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = new (url: string) => SocketLike;

export type ConnectionStatus = "connecting" | "open" | "closed";

export interface RealtimeOptions {
  WebSocketImpl: SocketFactory;
  /** A fresh token from POST .../socket-token. */
  fetchToken: () => Promise<SocketTokenResponse>;
  timers: Timers;
  now: () => number;
  random: () => number;
  onEvent: (event: string, payload: Record<string, unknown>) => void;
  /** After each successful open; `reconnected` is false only for the first. */
  onOpen: (reconnected: boolean) => void;
  onStatus: (status: ConnectionStatus) => void;
}

const OPEN = 1;

export function socketUrl(base: string, token: string): string {
  return `${base}${base.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;
}

export class RealtimeConnection {
  private socket: SocketLike | null = null;
  private token: SocketTokenResponse | null = null;
  private issuedAt = 0;
  private needsFreshToken = false;
  private attempt = 0;
  private openedBefore = false;
  private stopped = true;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;

  constructor(private readonly options: RealtimeOptions) {}

  /** Starts with a token the caller already has (e.g. from the start response). */
  start(token: SocketTokenResponse, issuedAt: number): void {
    this.stop();
    this.stopped = false;
    this.token = token;
    this.issuedAt = issuedAt;
    this.needsFreshToken = false;
    this.attempt = 0;
    this.openedBefore = false;
    void this.connect();
  }

  /** Sends a frame when the socket is open; false otherwise (nothing is queued). */
  send(frame: Record<string, unknown>): boolean {
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  get isOpen(): boolean {
    return this.socket !== null && this.socket.readyState === OPEN;
  }

  /** Back online: try now instead of waiting out the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.socket !== null) {
      return;
    }
    this.clearRetry();
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
    this.clearPing();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onclose = socket.onmessage = socket.onerror = null;
      socket.close(1000);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.socket !== null) {
      return;
    }
    this.options.onStatus("connecting");
    if (this.token === null || this.needsFreshToken || this.options.now() - this.issuedAt > TOKEN_MAX_AGE_MS) {
      try {
        const fresh = await this.options.fetchToken();
        if (this.stopped) {
          return;
        }
        this.token = fresh;
        this.issuedAt = this.options.now();
        this.needsFreshToken = false;
      } catch {
        if (!this.stopped) {
          this.options.onStatus("closed");
          this.scheduleRetry();
        }
        return;
      }
    }
    if (this.stopped || this.socket !== null || this.token === null) {
      return;
    }
    this.open(this.token);
  }

  private open(token: SocketTokenResponse): void {
    const socket = new this.options.WebSocketImpl(socketUrl(token.socket_url, token.socket_token));
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      const reconnected = this.openedBefore;
      this.openedBefore = true;
      this.startPing();
      this.options.onStatus("open");
      this.options.onOpen(reconnected);
    };
    socket.onmessage = (event: MessageEvent) => this.receive(event.data);
    socket.onerror = () => undefined; // a close follows
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.clearPing();
      // Refused (4401), or dropped before it ever opened (a refused handshake
      // reaches the browser as 1006): the next attempt asks for a fresh token.
      if (event.code === REFUSED_CODE || !opened) {
        this.needsFreshToken = true;
      }
      this.options.onStatus("closed");
      this.scheduleRetry();
    };
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") {
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== "object" || frame === null) {
      return;
    }
    const { event, payload } = frame as { event?: unknown; payload?: unknown };
    if (typeof event !== "string" || event === "pong") {
      return;
    }
    this.options.onEvent(event, typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {});
  }

  private scheduleRetry(): void {
    if (this.stopped) {
      return;
    }
    this.clearRetry();
    const delay = reconnectDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private startPing(): void {
    this.clearPing();
    this.pingTimer = this.options.timers.setInterval(() => this.send({ type: "ping" }), PING_INTERVAL_MS);
  }

  private clearPing(): void {
    if (this.pingTimer !== null) {
      this.options.timers.clearInterval(this.pingTimer);
      this.pingTimer = null;
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      this.options.timers.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }
}
