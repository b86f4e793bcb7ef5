/**
 * GET /api/admin/conversations/<id>/credit (`ConversationCreditSerializer` in support/api/credit.py):
 * what store credit the conversation may be offered now, and its grants. Money is decimal strings in
 * the allowance's `currency` (the order's); ids are strings.
 */
import type { Grant } from "../../approvals/types";
import type { CreditPolicy } from "../../credit/types";

export type { Grant, GrantState } from "../../approvals/types";

export interface CreditAllowance {
  /** The Shopify order id. */
  order_id: string;
  order_name: string;
  currency: string;
  order_total: string | null;
  granted_on_order: string;
  /** The most one request is granted now; "0.00" with a refusal. */
  max_amount: string;
  /** Up to this a request is approved at once; null: every request waits for a supervisor. */
  auto_approve_up_to: string | null;
  limits: {
    order_share_left: string;
    /** null: no cap. */
    per_grant: string | null;
    customer_30d_left: string | null;
  };
  reasons: string[];
  /** Days from approval; null: never expires. */
  expiry_days: number | null;
  feedback_first: boolean;
  may_request: boolean;
  /** Why nothing may be requested now (a request's refusal code). */
  refusal: string | null;
}

export interface CreditOrderChoice {
  id: string;
  name: string;
  created_at: string | null;
}

export interface ConversationCredit {
  policy: CreditPolicy;
  orders: CreditOrderChoice[];
  /** null: the customer has no order. */
  allowance: CreditAllowance | null;
  may_approve: boolean;
  grants: Grant[];
}

/** POST /api/admin/conversations/<id>/credit (`CreditRequestSerializer`). */
export interface CreditRequestBody {
  order_id: string;
  amount: string;
  currency: string;
  reason: string;
  note: string;
  client_id: string;
}
