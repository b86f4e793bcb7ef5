/** The chat's rules as pure functions: unread counts, what a realtime event means, what a start changes. */
import type { StoredConversation } from "../shared/storage";
import { isAfter } from "./ids";
import type { ConversationRef, WidgetMessage } from "./types";

const CLOSED_STATUSES = new Set(["resolved", "closed"]);

export function isClosed(status: string): boolean {
  return CLOSED_STATUSES.has(status);
}

/** The shop's messages (agent, bot, system) after the shopper's read id. */
export function countUnread(messages: readonly WidgetMessage[], readId: string | null): number {
  return messages.filter((message) => message.kind !== "shopper" && isAfter(message.id, readId)).length;
}

export type RealtimeAction =
  | { kind: "message"; message: WidgetMessage }
  | { kind: "typing"; typing: boolean }
  | { kind: "status"; status: string }
  | null;

function isMessage(value: unknown): value is WidgetMessage {
  const message = value as WidgetMessage;
  return typeof message === "object" && message !== null && typeof message.id === "string" && typeof message.kind === "string";
}

/** What a websocket event means for this conversation (null: nothing, or another conversation's). */
export function interpretEvent(event: string, payload: Record<string, unknown>, conversationId: string | null): RealtimeAction {
  const conversation = payload.conversation_id;
  if (typeof conversation === "string" && conversation !== conversationId) {
    return null;
  }
  if (event === "message.created" && isMessage(payload)) {
    return { kind: "message", message: payload };
  }
  if (event === "typing" && payload.side !== "shopper") {
    return { kind: "typing", typing: payload.state === "start" };
  }
  if (event === "conversation.updated" && payload.change === "conversation.status_changed" && typeof payload.to === "string" && payload.to) {
    return { kind: "status", status: payload.to };
  }
  return null;
}

export interface StartPlan {
  record: StoredConversation;
  /** The start resumed the stored conversation. */
  same: boolean;
  /** The conversation to ask a rating for. */
  ratingFor: string | null;
}

/**
 * After POST /conversations: the record to store and the rating to ask. A
 * different conversation than the stored one means the old one was resolved
 * or closed: its rating is asked if the shop had replied there.
 */
export function planStart(
  previous: StoredConversation | null,
  conversation: ConversationRef,
  ratingFor: string | null,
  isRated: (id: string) => boolean,
): StartPlan {
  const same = previous !== null && previous.id === conversation.id;
  let ask = ratingFor;
  if (previous !== null && !same && previous.replied && !isRated(previous.id)) {
    ask = previous.id;
  }
  if (isClosed(conversation.status) && !isRated(conversation.id)) {
    ask = conversation.id;
  }
  return {
    record: {
      id: conversation.id,
      status: conversation.status,
      readId: same ? previous.readId : null,
      replied: same ? previous.replied : false,
    },
    same,
    ratingFor: ask,
  };
}
