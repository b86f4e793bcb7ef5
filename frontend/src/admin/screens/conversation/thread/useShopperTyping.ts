/**
 * Whether the shopper is typing in this conversation: on from a "start"
 * typing event, off on "stop", on their next message, or after a while without
 * news (a lost "stop" must not leave the indicator on).
 */
import { useEffect, useRef, useState } from "react";
import { MESSAGE_CREATED, TYPING, useRealtimeEvent } from "../../../realtime";

export const TYPING_TIMEOUT_MS = 8000;

export function useShopperTyping(conversationId: string): boolean {
  const [typing, setTyping] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  useEffect(() => {
    clear();
    setTyping(false);
  }, [conversationId]);

  useRealtimeEvent(TYPING, (payload) => {
    if (payload.conversation_id !== conversationId || payload.side !== "shopper") return;
    clear();
    if (payload.state === "start") {
      setTyping(true);
      timer.current = setTimeout(() => setTyping(false), TYPING_TIMEOUT_MS);
    } else {
      setTyping(false);
    }
  });

  useRealtimeEvent(MESSAGE_CREATED, (payload) => {
    if (payload.conversation_id === conversationId && payload.kind === "shopper") {
      clear();
      setTyping(false);
    }
  });

  return typing;
}
