/** GET/PUT /api/admin/credit/policy (support/api/credit.py). Money and the share are decimal strings. */
export interface CreditPolicy {
  /** 0 < share <= 1, four places, e.g. "0.1500". */
  max_order_share: string;
  /** In the shop's currency; null: no limit. */
  max_per_grant: string | null;
  max_per_customer_30d: string | null;
  auto_approve_below: string;
  reasons: string[];
  /** null: the credit never expires. */
  expiry_days: number | null;
  request_role: string;
  approve_role: string;
  instrument: string;
  offer_late_orders: boolean;
  feedback_first: boolean;
  /** The shop's currency, of the money caps. */
  currency: string;
}

/** The reason codes of `CreditReason` (support/models/credit.py), in its order. */
export const CREDIT_REASONS = [
  "late_delivery",
  "damaged_item",
  "wrong_item",
  "goodwill_feedback",
  "service_recovery",
] as const;

export const INSTRUMENTS = ["store_credit", "gift_card"] as const;
