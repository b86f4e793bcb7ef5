/** GET /api/admin/credit/grants -> {results: Grant[]} (GrantSerializer in support/api/credit.py). */
export type GrantState =
  | "pending_approval"
  | "awaiting_feedback"
  | "approved"
  | "rejected"
  | "issuing"
  | "uncertain"
  | "issued"
  | "failed";

export interface GrantPerson {
  id: string;
  name: string;
}

export interface Grant {
  id: string;
  state: GrantState;
  amount: string;
  currency: string;
  reason: string;
  note: string;
  instrument: string;
  order: { id: string; name: string };
  customer: GrantPerson;
  conversation_id: string | null;
  /** null: the app offered it. */
  requested_by: GrantPerson | null;
  decided_by: GrantPerson | null;
  decision_note: string;
  expires_at: string | null;
  shopify_transaction_id: string;
  error_code: string;
  error_message: string;
  requested_at: string;
  decided_at: string | null;
  issued_at: string | null;
}

export interface GrantList {
  results: Grant[];
}

/** The states shown under "Recent" (everything but the queue), in the order of the filter. */
export const DECIDED_STATES: GrantState[] = [
  "approved",
  "awaiting_feedback",
  "issuing",
  "uncertain",
  "issued",
  "rejected",
  "failed",
];
