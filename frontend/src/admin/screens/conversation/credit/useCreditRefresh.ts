/**
 * A key for `CreditAction`'s `refreshKey` that changes when the conversation's grants may have changed
 * elsewhere: a credit step on its timeline (a supervisor approved or rejected it), the shopper's credit
 * notice (the worker issued it) or a reconnect (events may have been missed).
 */
import { useState } from "react";
import { CONVERSATION_UPDATED, MESSAGE_CREATED, RECONNECTED, useRealtimeEvent } from "../../../realtime";
import { isCreditChange, isCreditNotice } from "./creditRules";

export function useCreditRefresh(conversationId: string): number {
  const [key, setKey] = useState(0);
  const bump = () => setKey((n) => n + 1);
  useRealtimeEvent(CONVERSATION_UPDATED, (payload) => {
    if (payload.conversation_id === conversationId && isCreditChange(payload)) bump();
  });
  useRealtimeEvent(MESSAGE_CREATED, (payload) => {
    if (payload.conversation_id === conversationId && isCreditNotice(payload)) bump();
  });
  useRealtimeEvent(RECONNECTED, bump);
  return key;
}
