/**
 * Writes on conversations (`/api/admin/conversations/...`), shared by the inbox
 * and the conversation screen. Ids stay strings all the way into the JSON.
 */
import type { ApiFetch } from "../../api/client";
import { jsonInit } from "../../api/context";
import type { ConversationSummary } from "../inbox/types";

export type SettableStatus = "open" | "pending" | "resolved" | "closed";

const base = (id: string) => `/api/admin/conversations/${encodeURIComponent(id)}`;

export function setStatus(apiFetch: ApiFetch, id: string, status: SettableStatus): Promise<ConversationSummary> {
  return apiFetch<ConversationSummary>(`${base(id)}/status`, jsonInit("POST", { status }));
}

/** `assigneeId` null: unassign. */
export function assign(apiFetch: ApiFetch, id: string, assigneeId: string | null): Promise<ConversationSummary> {
  return apiFetch<ConversationSummary>(`${base(id)}/assign`, jsonInit("POST", { assignee_id: assigneeId }));
}

/** `until`: an ISO 8601 date-time in the future. */
export function snooze(apiFetch: ApiFetch, id: string, until: string): Promise<ConversationSummary> {
  return apiFetch<ConversationSummary>(`${base(id)}/snooze`, jsonInit("POST", { until }));
}

export function setTags(apiFetch: ApiFetch, id: string, tags: string[]): Promise<{ tags: string[] }> {
  return apiFetch<{ tags: string[] }>(`${base(id)}/tags`, jsonInit("PUT", { tags }));
}

export function markRead(apiFetch: ApiFetch, id: string, upTo: string): Promise<{ read_id: string }> {
  return apiFetch<{ read_id: string }>(`${base(id)}/read`, jsonInit("POST", { up_to: upTo }));
}

export type BulkChange = { status: "resolved" | "closed" } | { assignee_id: string | null };

export function bulkUpdate(apiFetch: ApiFetch, ids: string[], change: BulkChange): Promise<{ changed: number }> {
  return apiFetch<{ changed: number }>("/api/admin/conversations/bulk", jsonInit("POST", { ids, ...change }));
}

export { base as conversationPath };
