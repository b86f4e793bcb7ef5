/**
 * Marks the conversation read (`POST .../read {up_to}`) while the agent has it
 * on screen: on opening, and for every newer message that arrives while the tab
 * is visible (or once it becomes visible again). Never goes backwards.
 */
import { useEffect, useRef, useState } from "react";
import { useApi } from "../../../api/context";
import { markRead } from "../conversationApi";
import type { Message } from "../types";
import { compareIds, unreadUpTo } from "./messages";

function useVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== "hidden");
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== "hidden");
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

export function useMarkRead(conversationId: string, messages: Message[] | null, readId: string): void {
  const apiFetch = useApi();
  const visible = useVisible();
  const sent = useRef(readId);
  if (compareIds(readId, sent.current) > 0) sent.current = readId;

  useEffect(() => {
    if (!visible || messages === null) return;
    const upTo = unreadUpTo(messages, sent.current);
    if (upTo === null) return;
    sent.current = upTo;
    markRead(apiFetch, conversationId, upTo).catch(() => {
      // Not marked: the next message or visit tries again.
      if (sent.current === upTo) sent.current = readId;
    });
  }, [apiFetch, conversationId, messages, visible, readId]);
}
