/**
 * Messages written but not yet accepted by the server, kept in localStorage so
 * they survive a reload or a lost connection, and sent one at a time in the
 * order they were written. The server is idempotent on client_id, so sending
 * one again after a lost response never doubles it.
 */
import { KEYS, type WidgetStorage } from "../shared/storage";
import { WidgetApiError } from "./api";
import type { WidgetAttachment, WidgetMessage } from "./types";

export interface PendingMessage {
  client_id: string;
  body: string;
  attachments: WidgetAttachment[];
  created_at: string;
}

export interface FlushHandlers {
  onSending(pending: PendingMessage): void;
  onSent(pending: PendingMessage, message: WidgetMessage): void;
  /** The server refused it for good (e.g. too long): it leaves the outbox. */
  onRefused(pending: PendingMessage, error: WidgetApiError): void;
  /** Sending stopped on a failure worth retrying; the rest waits. */
  onPaused(error: WidgetApiError): void;
}

export type FlushResult = "empty" | "paused" | "busy";

function isPending(value: unknown): value is PendingMessage {
  const item = value as PendingMessage;
  return typeof item === "object" && item !== null && typeof item.client_id === "string" && typeof item.body === "string";
}

export class Outbox {
  private flushing = false;

  constructor(
    private readonly storage: WidgetStorage,
    private readonly key: string = KEYS.outbox,
  ) {}

  list(): PendingMessage[] {
    const stored = this.storage.get<unknown[]>(this.key);
    return Array.isArray(stored)
      ? stored.filter(isPending).map((item) => ({ ...item, attachments: Array.isArray(item.attachments) ? item.attachments : [] }))
      : [];
  }

  add(pending: PendingMessage): void {
    if (!this.has(pending.client_id)) {
      this.save([...this.list(), pending]);
    }
  }

  has(clientId: string): boolean {
    return this.list().some((item) => item.client_id === clientId);
  }

  /** Removes a message (sent, refused, or seen on the server); true when it was there. */
  remove(clientId: string): boolean {
    const items = this.list();
    const rest = items.filter((item) => item.client_id !== clientId);
    if (rest.length !== items.length) {
      this.save(rest);
      return true;
    }
    return false;
  }

  get busy(): boolean {
    return this.flushing;
  }

  /**
   * Sends the waiting messages in order with `send`, one at a time, stopping at
   * the first failure worth retrying. A message written meanwhile is sent in
   * the same run. Only one run at a time ("busy" otherwise).
   */
  async flush(send: (pending: PendingMessage) => Promise<WidgetMessage>, handlers: FlushHandlers): Promise<FlushResult> {
    if (this.flushing) {
      return "busy";
    }
    this.flushing = true;
    try {
      for (;;) {
        const next = this.list()[0];
        if (!next) {
          return "empty";
        }
        handlers.onSending(next);
        try {
          const message = await send(next);
          this.remove(next.client_id);
          handlers.onSent(next, message);
        } catch (caught) {
          const error = caught instanceof WidgetApiError ? caught : new WidgetApiError(0, "network");
          if (error.retryable) {
            handlers.onPaused(error);
            return "paused";
          }
          this.remove(next.client_id);
          handlers.onRefused(next, error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private save(items: PendingMessage[]): void {
    if (items.length === 0) {
      this.storage.remove(this.key);
    } else {
      this.storage.set(this.key, items);
    }
  }
}
