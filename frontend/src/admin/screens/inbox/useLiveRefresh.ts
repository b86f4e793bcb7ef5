/**
 * Keeps the inbox current: any event that can change a row or add one (a new
 * message, a conversation change, an escalation, an SLA step, an agent having
 * read a conversation) reloads the page
 * quietly, at most once per `delayMs` however many events arrive; so does a
 * reconnect, after which events may have been missed.
 */
import { useEffect, useRef } from "react";
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

export const REFRESH_DELAY_MS = 400;

export function useLiveRefresh(refresh: () => void, delayMs = REFRESH_DELAY_MS): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const schedule = () => {
    if (timer.current !== null) return; // one reload covers every event until it runs
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  };

  useRealtimeEvent(MESSAGE_CREATED, schedule);
  useRealtimeEvent(CONVERSATION_UPDATED, schedule);
  useRealtimeEvent(CONVERSATION_ESCALATED, schedule);
  useRealtimeEvent(SLA_WARNING, schedule);
  useRealtimeEvent(SLA_BREACHED, schedule);
  useRealtimeEvent(SLA_ESCALATED, schedule);
  useRealtimeEvent(CONVERSATION_READ, (payload) => {
    if (payload.side === "agent") schedule(); // the unread marker; a shopper's reads do not show here
  });
  useRealtimeEvent(RECONNECTED, schedule);
}
