/**
 * The messages on screen: the server's (deduplicated by id, ordered by id)
 * followed by the shopper's local echoes not yet confirmed. A server message
 * carrying a local echo's client_id replaces that echo under the same key, so
 * the view updates the row in place instead of adding a second one.
 */
import { compareIds, isAfter } from "./ids";
import type { WidgetAttachment, WidgetMessage } from "./types";

export type LocalStatus = "sending" | "waiting" | "failed";

export interface LocalMessage {
  client_id: string;
  body: string;
  attachments: WidgetAttachment[];
  created_at: string;
  status: LocalStatus;
  /** The API's reason when status is "failed". */
  reason?: string;
  detail?: string;
}

export type TimelineEntry =
  | { key: string; server: WidgetMessage; local?: undefined }
  | { key: string; local: LocalMessage; server?: undefined };

export function entryKey(message: { id?: string; client_id?: string }): string {
  return message.client_id ? `c:${message.client_id}` : `i:${message.id ?? ""}`;
}

export class Timeline {
  private readonly server = new Map<string, WidgetMessage>();
  private readonly serverClientIds = new Set<string>();
  private readonly locals = new Map<string, LocalMessage>();

  /** Adds messages from the server; returns those not seen before. */
  addServer(messages: readonly WidgetMessage[]): WidgetMessage[] {
    const fresh: WidgetMessage[] = [];
    for (const message of messages) {
      if (typeof message.id !== "string" || this.server.has(message.id)) {
        continue;
      }
      this.server.set(message.id, message);
      if (message.client_id) {
        this.serverClientIds.add(message.client_id);
        this.locals.delete(message.client_id);
      }
      fresh.push(message);
    }
    return fresh;
  }

  /** Shows a message the shopper wrote; ignored when the server already has it. */
  addLocal(local: LocalMessage): void {
    if (!this.serverClientIds.has(local.client_id)) {
      this.locals.set(local.client_id, local);
    }
  }

  setLocalStatus(clientId: string, status: LocalStatus, reason?: string, detail?: string): void {
    const local = this.locals.get(clientId);
    if (local) {
      this.locals.set(clientId, { ...local, status, reason, detail });
    }
  }

  hasServerClientId(clientId: string): boolean {
    return this.serverClientIds.has(clientId);
  }

  /** The highest server message id, or null. */
  lastId(): string | null {
    let last: string | null = null;
    for (const id of this.server.keys()) {
      if (isAfter(id, last)) {
        last = id;
      }
    }
    return last;
  }

  serverMessages(): WidgetMessage[] {
    return [...this.server.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  entries(): TimelineEntry[] {
    const server: TimelineEntry[] = this.serverMessages().map((message) => ({ key: entryKey(message), server: message }));
    const locals: TimelineEntry[] = [...this.locals.values()].map((local) => ({ key: entryKey(local), local }));
    return [...server, ...locals];
  }

  /** Forgets the server's messages (another conversation); local echoes stay. */
  clearServer(): void {
    this.server.clear();
    this.serverClientIds.clear();
  }
}
