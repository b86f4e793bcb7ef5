/**
 * Pure rules of the thread: ordering and merging messages by id (ids are
 * decimal strings that may exceed 2^53, so they are compared as text), and
 * normalising what the socket sends.
 */
import type { MessageTranslatedPayload, WireMessage } from "../../../realtime/events";
import type { Attachment, Message } from "../types";

/** Compares two decimal id strings: negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function attachmentUrl(id: string): string {
  return `/api/admin/attachments/${encodeURIComponent(id)}`;
}

/** A message from the API or the socket, with defaults for what a payload may leave out. */
export function normalizeMessage(raw: Partial<WireMessage> & { id: string }): Message {
  const attachments: Attachment[] = (raw.attachments ?? []).map((attachment) => ({
    ...attachment,
    url: attachment.url && attachment.url.startsWith("/") ? attachment.url : attachmentUrl(attachment.id),
  }));
  return {
    id: String(raw.id),
    kind: raw.kind ?? "system",
    body: raw.body ?? "",
    agent_id: raw.agent_id ?? null,
    client_id: raw.client_id ?? "",
    created_at: raw.created_at ?? "",
    attachments,
    language: raw.language ?? "",
    machine_translated: raw.machine_translated ?? false,
    original_body: raw.original_body ?? "",
    translation: raw.translation ?? {},
  };
}

/** The thread with `incoming` added: one entry per id (the newest copy wins), oldest first. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return current;
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

export function lastMessageId(messages: Message[]): string | null {
  return messages.length === 0 ? null : messages[messages.length - 1]!.id;
}

export function applyTranslation(messages: Message[], payload: MessageTranslatedPayload): Message[] {
  let changed = false;
  const next = messages.map((message) => {
    if (message.id !== payload.message_id) return message;
    changed = true;
    return { ...message, language: payload.language ?? message.language, translation: payload.translation ?? {} };
  });
  return changed ? next : messages;
}

/**
 * The last message the agents can be said to have read up to: the newest one.
 * Null when it is not past `readId` (nothing new to mark).
 */
export function unreadUpTo(messages: Message[], readId: string): string | null {
  const last = lastMessageId(messages);
  return last !== null && compareIds(last, readId) > 0 ? last : null;
}

/** The newest agent or bot message the shopper has seen (`shopperReadId`), for a "Seen" mark. */
export function seenByShopper(messages: Message[], shopperReadId: string): string | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index]!;
    if (compareIds(message.id, shopperReadId) > 0) continue;
    if (message.kind === "agent" || message.kind === "bot") return message.id;
  }
  return null;
}
