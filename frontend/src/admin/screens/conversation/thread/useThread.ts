/**
 * The messages of one conversation: loaded over HTTP (pages of up to 100,
 * oldest first), kept current from the socket (new messages, translations),
 * and resynced after a reconnect with `GET .../messages?after=<last id>`, since
 * the socket drops what is sent while it is down.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiFetch } from "../../../api/client";
import { errorReason, useApi } from "../../../api/context";
import { MESSAGE_CREATED, MESSAGE_TRANSLATED, RECONNECTED, useRealtimeEvent } from "../../../realtime";
import type { WireMessage } from "../../../realtime/events";
import { conversationPath } from "../conversationApi";
import type { Message } from "../types";
import { applyTranslation, lastMessageId, mergeMessages, normalizeMessage } from "./messages";

/** The API's page size for messages (support/selectors/conversations.py). */
export const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/** Every message after `after` (all of them for null), following pages until a short one. */
export async function fetchMessagesAfter(
  apiFetch: ApiFetch,
  conversationId: string,
  after: string | null,
  signal?: AbortSignal,
): Promise<Message[]> {
  let collected: Message[] = [];
  let cursor = after;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = cursor ? `?after=${encodeURIComponent(cursor)}` : "";
    const rows = await apiFetch<WireMessage[]>(`${conversationPath(conversationId)}/messages${query}`, { signal });
    collected = mergeMessages(collected, rows.map(normalizeMessage));
    const last = lastMessageId(collected);
    if (rows.length < PAGE_SIZE || last === null || last === cursor) break;
    cursor = last;
  }
  return collected;
}

export type ThreadState =
  | { status: "loading" }
  | { status: "error"; reason: string }
  | { status: "ready"; messages: Message[] };

export function useThread(conversationId: string): {
  thread: ThreadState;
  reload: () => void;
  /** Adds messages (e.g. the reply the API just stored); duplicates by id are dropped. */
  add: (messages: Message[]) => void;
} {
  const apiFetch = useApi();
  const [thread, setThread] = useState<ThreadState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<ThreadState>(thread);
  latest.current = thread;

  useEffect(() => {
    const controller = new AbortController();
    setThread({ status: "loading" });
    fetchMessagesAfter(apiFetch, conversationId, null, controller.signal).then(
      (messages) => {
        if (!controller.signal.aborted) setThread({ status: "ready", messages });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setThread({ status: "error", reason: errorReason(error) });
      },
    );
    return () => controller.abort();
  }, [apiFetch, conversationId, attempt]);

  const add = useCallback((messages: Message[]) => {
    setThread((current) =>
      current.status === "ready" ? { status: "ready", messages: mergeMessages(current.messages, messages) } : current,
    );
  }, []);

  useRealtimeEvent(MESSAGE_CREATED, (payload) => {
    if (payload.conversation_id === conversationId) add([normalizeMessage(payload)]);
  });

  useRealtimeEvent(MESSAGE_TRANSLATED, (payload) => {
    if (payload.conversation_id !== conversationId) return;
    setThread((current) =>
      current.status === "ready" ? { status: "ready", messages: applyTranslation(current.messages, payload) } : current,
    );
  });

  useRealtimeEvent(RECONNECTED, () => {
    const current = latest.current;
    if (current.status !== "ready") return; // the first load is still on its way, or failed: nothing to resync
    fetchMessagesAfter(apiFetch, conversationId, lastMessageId(current.messages)).then(add, () => undefined);
  });

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { thread, reload, add };
}
