/**
 * The approval queue's rules over plain values: who may decide a grant, which requests are listed
 * where, what a decision needs, and the words for an API refusal.
 */
import { ApiError } from "../../api/client";
import { roleAtLeast } from "../credit/roles";
import type { Grant, GrantState } from "./types";

export const MAX_NOTE = 1000;

/** The policy's `approve_role` or above may approve and reject. */
export function mayDecide(role: string, approveRole: string): boolean {
  return roleAtLeast(role, approveRole);
}

/** A requester may not approve their own request (the owner may). Rejecting it is allowed. */
export function isOwnRequest(grant: Grant, agentId: string, role: string): boolean {
  return role !== "owner" && grant.requested_by !== null && grant.requested_by.id === agentId;
}

/** Approve: only a grant waiting for a supervisor. Reject: that, or one waiting for feedback. */
export function canApproveState(state: GrantState): boolean {
  return state === "pending_approval";
}

export function canRejectState(state: GrantState): boolean {
  return state === "pending_approval" || state === "awaiting_feedback";
}

export type Decision = "approve" | "reject";

/** null when the note may be sent; else the message key of what is wrong. */
export function noteProblem(decision: Decision, note: string): string | null {
  if (note.trim().length > MAX_NOTE) return "approvals.note.tooLong";
  if (decision === "reject" && note.trim() === "") return "approvals.note.required";
  return null;
}

/** The API's reason code of a refusal (`{"code": ...}`), or null. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { code?: unknown } | null | undefined;
  return typeof body?.code === "string" ? body.code : null;
}

/**
 * A refusal in words: the translation of its code under `prefix` when there is one, else the API's
 * own reason (`detail`), else the error's message.
 */
export function refusalText(t: (key: string) => string, prefix: string, error: unknown): string {
  const code = refusalCode(error);
  if (code !== null) {
    const key = `${prefix}.${code}`;
    const text = t(key);
    if (text !== key) return text;
  }
  if (error instanceof ApiError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

/** What the "Recent" view lists: one state, or every state but the queue's. */
export function recentGrants(grants: Grant[], state: GrantState | ""): Grant[] {
  return grants.filter((grant) => (state === "" ? grant.state !== "pending_approval" : grant.state === state));
}
