/**
 * Keeps the conversation's header and controls current: a change to it (status,
 * assignee, tags, priority, an escalation or SLA step) or a new message (which
 * starts or stops the SLA clock) reloads it quietly, a
 * reconnect too (events may have been missed), and read receipts move the read
 * marks forward.
 */
import {
  CONVERSATION_ESCALATED,
  CONVERSATION_READ,
  CONVERSATION_UPDATED,
  MESSAGE_CREATED,
  RECONNECTED,
  SLA_BREACHED,
  SLA_ESCALATED,
  SLA_WARNING,
  useRealtimeEvent,
} from "../../realtime";
import { compareIds } from "./thread/messages";
import type { ConversationDetail } from "./types";

export function useConversationLive(
  conversationId: string,
  reload: () => void,
  setData: (update: (current: ConversationDetail) => ConversationDetail) => void,
): void {
  const ifThis = (payload: { conversation_id: string }) => {
    if (payload.conversation_id === conversationId) reload();
  };
  useRealtimeEvent(CONVERSATION_UPDATED, ifThis);
  useRealtimeEvent(MESSAGE_CREATED, ifThis);
  useRealtimeEvent(CONVERSATION_ESCALATED, ifThis);
  useRealtimeEvent(SLA_WARNING, ifThis);
  useRealtimeEvent(SLA_BREACHED, ifThis);
  useRealtimeEvent(SLA_ESCALATED, ifThis);
  useRealtimeEvent(RECONNECTED, reload);
  useRealtimeEvent(CONVERSATION_READ, (payload) => {
    if (payload.conversation_id !== conversationId) return;
    const field = payload.side === "shopper" ? "shopper_read_id" : "agent_read_id";
    setData((current) =>
      compareIds(payload.read_id, current[field]) > 0 ? { ...current, [field]: payload.read_id } : current,
    );
  });
}
