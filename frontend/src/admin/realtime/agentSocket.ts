/**
 * The agent websocket: connects with a fresh session token each time, pings
 * every 25 s (the server keeps the agent's presence alive with it), reconnects
 * after a drop with capped exponential backoff and jitter, and hands every
 * server event to `onEvent`. After a reconnect it emits `reconnected`: events
 * sent while the socket was down are lost, and screens fetch what they missed
 * from the HTTP API (the database is the record).
 *
 * Everything outside (the WebSocket class, timers, randomness) is injected, so
 * the class is tested with fakes.
 */
import { reconnectDelay } from "./backoff";
import { parseFrame, RECONNECTED, type ClientFrame, type RealtimeEventName } from "./events";

export const PING_INTERVAL_MS = 25_000;

/** The part of the browser's WebSocket this class uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type SocketStatus = "idle" | "connecting" | "open" | "waiting" | "stopped";
export type Presence = "online" | "away";

export interface AgentSocketOptions {
  /** The socket URL for a token, e.g. `wss://host/ws/agent/?token=...`. */
  url: (token: string) => string;
  getToken: () => Promise<string>;
  createSocket: (url: string) => SocketLike;
  onEvent: (name: RealtimeEventName, payload: unknown) => void;
  onStatus?: (status: SocketStatus) => void;
  timers?: Timers;
  random?: () => number;
}

const OPEN = 1;

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

export class AgentSocket {
  private readonly options: AgentSocketOptions;
  private readonly timers: Timers;
  private readonly random: () => number;
  private socket: SocketLike | null = null;
  private status: SocketStatus = "idle";
  private attempt = 0;
  private generation = 0;
  private hasOpened = false;
  private presence: Presence = "online";
  private pingHandle: unknown = null;
  private retryHandle: unknown = null;

  constructor(options: AgentSocketOptions) {
    this.options = options;
    this.timers = options.timers ?? browserTimers;
    this.random = options.random ?? Math.random;
  }

  get state(): SocketStatus {
    return this.status;
  }

  start(): void {
    if (this.status !== "idle") return;
    void this.connect();
  }

  /** Close for good (the provider unmounts). */
  stop(): void {
    this.setStatus("stopped");
    this.generation += 1;
    this.clearRetry();
    this.stopPing();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      this.detach(socket);
      socket.close(1000, "bye");
    }
  }

  /** Skip the remaining backoff (the browser is back online, the tab visible again). */
  reconnectNow(): void {
    if (this.status !== "waiting") return;
    this.clearRetry();
    void this.connect();
  }

  /** Sends a frame if the socket is open; false when it is not (the frame is dropped). */
  send(frame: ClientFrame): boolean {
    const socket = this.socket;
    if (socket === null || this.status !== "open" || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  /** The agent's presence: sent now if open, and again after every (re)connect when away. */
  setPresence(status: Presence): void {
    if (status === this.presence) return;
    this.presence = status;
    this.send({ type: "presence", status });
  }

  private setStatus(status: SocketStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.setStatus("connecting");
    let socket: SocketLike;
    try {
      const token = await this.options.getToken();
      if (generation !== this.generation) return; // stopped meanwhile
      socket = this.options.createSocket(this.options.url(token));
    } catch {
      if (generation === this.generation) this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.handleOpen(socket);
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      const frame = parseFrame(event.data);
      if (frame) this.options.onEvent(frame.event, frame.payload);
    };
    socket.onclose = () => this.handleClose(socket);
    socket.onerror = () => undefined; // a close event follows
  }

  private handleOpen(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.attempt = 0;
    this.setStatus("open");
    this.startPing();
    if (this.presence !== "online") this.send({ type: "presence", status: this.presence });
    if (this.hasOpened) this.options.onEvent(RECONNECTED, {});
    this.hasOpened = true;
  }

  private handleClose(socket: SocketLike): void {
    if (socket !== this.socket) return;
    this.detach(socket);
    this.socket = null;
    this.stopPing();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.status === "stopped") return;
    this.setStatus("waiting");
    const delay = reconnectDelay(this.attempt, this.random());
    this.attempt += 1;
    this.clearRetry();
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.connect();
    }, delay);
  }

  private startPing(): void {
    this.stopPing();
    this.pingHandle = this.timers.setInterval(() => this.send({ type: "ping" }), PING_INTERVAL_MS);
  }

  private stopPing(): void {
    if (this.pingHandle !== null) this.timers.clearInterval(this.pingHandle);
    this.pingHandle = null;
  }

  private clearRetry(): void {
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
  }

  private detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }
}

/** Same origin as the page: `ws://` or `wss://` following the page's scheme. */
export function agentSocketUrl(location: Pick<Location, "protocol" | "host">, token: string): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws/agent/?token=${encodeURIComponent(token)}`;
}
