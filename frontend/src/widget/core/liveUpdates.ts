/**
 * The conversation's live side: the websocket (realtime.ts) and the resync
 * cursor. Events become callbacks; after every open (the first one too: a
 * message stored between the read that started or resumed the chat and the
 * socket's subscription was broadcast to no one) it asks the HTTP API for what
 * it missed (`GET .../messages?after=<cursor>`), then lets the owner send its
 * outbox. The cursor only moves on full reads and socket events
 * (`observe`), never on a POST's answer: a shop reply missed while the socket
 * was down may sit below the shopper's own newest message.
 */
import type { WidgetApi } from "./api";
import { interpretEvent } from "./chatRules";
import { isAfter } from "./ids";
import { type ConnectionStatus, RealtimeConnection, type SocketFactory } from "./realtime";
import type { Timers } from "./timers";
import type { SocketTokenResponse, WidgetMessage } from "./types";

export interface LiveDeps {
  api: Pick<WidgetApi, "messages" | "socketToken">;
  WebSocketImpl: SocketFactory;
  timers: Timers;
  now: () => number;
  random: () => number;
  /** Messages from the socket or a resync (already observed). */
  onMessages: (messages: WidgetMessage[]) => void;
  onTyping: (typing: boolean) => void;
  onStatus: (status: string) => void;
  onConnection: (status: ConnectionStatus) => void;
  /** After each open (and its resync): send what waits. */
  afterOpen: () => Promise<void>;
}

export class LiveUpdates {
  private connection: RealtimeConnection | null = null;
  private conversationId: string | null = null;
  private cursor: string | null = null;

  constructor(private readonly deps: LiveDeps) {}

  get connected(): boolean {
    return this.connection !== null;
  }

  /** Opens the socket of a conversation (closing any other) with a token already in hand. */
  connect(conversationId: string, token: SocketTokenResponse): void {
    this.stop();
    this.conversationId = conversationId; // the cursor stays: reset() when the conversation changes
    const { deps } = this;
    this.connection = new RealtimeConnection({
      WebSocketImpl: deps.WebSocketImpl,
      fetchToken: () => deps.api.socketToken(conversationId),
      timers: deps.timers,
      now: deps.now,
      random: deps.random,
      onEvent: (event, payload) => this.onEvent(event, payload),
      onOpen: () => void this.opened(),
      onStatus: deps.onConnection,
    });
    this.connection.start(token, deps.now());
  }

  /** Messages read in full (start, resume, resync) or pushed: the cursor moves past them. */
  observe(messages: readonly WidgetMessage[]): void {
    for (const message of messages) {
      if (isAfter(message.id, this.cursor)) {
        this.cursor = message.id;
      }
    }
  }

  /** Another conversation begins (or none): the cursor starts over. */
  reset(): void {
    this.cursor = null;
  }

  async resync(): Promise<void> {
    const id = this.conversationId;
    if (id === null) {
      return;
    }
    try {
      const messages = await this.deps.api.messages(id, this.cursor);
      if (this.conversationId === id) {
        this.observe(messages);
        this.deps.onMessages(messages);
      }
    } catch {
      // the next reconnect asks again
    }
  }

  send(frame: Record<string, unknown>): boolean {
    return this.connection?.send(frame) ?? false;
  }

  reconnectNow(): void {
    this.connection?.reconnectNow();
  }

  stop(): void {
    this.connection?.stop();
    this.connection = null;
  }

  private async opened(): Promise<void> {
    await this.resync(); // first: what is already on the server leaves the outbox
    await this.deps.afterOpen();
  }

  private onEvent(event: string, payload: Record<string, unknown>): void {
    const action = interpretEvent(event, payload, this.conversationId);
    if (action?.kind === "message") {
      this.observe([action.message]);
      this.deps.onMessages([action.message]);
    } else if (action?.kind === "typing") {
      this.deps.onTyping(action.typing);
    } else if (action?.kind === "status") {
      this.deps.onStatus(action.status);
    }
  }
}
