/**
 * The store-credit policy as the form edits it (texts, a percentage for the order share) and back
 * into the API's body. Money and shares stay decimal strings: never a float. Field errors are
 * keyed by the API's field names with its reason codes (`support/rules/credit_policy.py`), so the
 * form's own checks and a 400 from the API are shown the same way.
 */
import { CREDIT_REASONS, INSTRUMENTS, type CreditPolicy } from "./types";
import { ROLES } from "./roles";

export interface PolicyForm {
  /** Percent of the order's total, e.g. "15" for a share of 0.15. */
  maxOrderShare: string;
  /** "" for no limit. */
  maxPerGrant: string;
  maxPerCustomer30d: string;
  autoApproveBelow: string;
  reasons: string[];
  /** "" for never. */
  expiryDays: string;
  requestRole: string;
  approveRole: string;
  instrument: string;
  offerLateOrders: boolean;
  feedbackFirst: boolean;
}

/** The body of PUT /api/admin/credit/policy. */
export interface PolicyBody {
  max_order_share: string;
  max_per_grant: string | null;
  max_per_customer_30d: string | null;
  auto_approve_below: string;
  reasons: string[];
  expiry_days: number | null;
  request_role: string;
  approve_role: string;
  instrument: string;
  offer_late_orders: boolean;
  feedback_first: boolean;
}

/** Each form field's name in the API (its errors are keyed so). */
export const FIELD_NAMES: Record<keyof PolicyForm, keyof PolicyBody> = {
  maxOrderShare: "max_order_share",
  maxPerGrant: "max_per_grant",
  maxPerCustomer30d: "max_per_customer_30d",
  autoApproveBelow: "auto_approve_below",
  reasons: "reasons",
  expiryDays: "expiry_days",
  requestRole: "request_role",
  approveRole: "approve_role",
  instrument: "instrument",
  offerLateOrders: "offer_late_orders",
  feedbackFirst: "feedback_first",
};

export type FieldErrors = Partial<Record<keyof PolicyBody, string>>;

export const MAX_EXPIRY_DAYS = 3650;

/** `text` x 10^places, written without exponent or needless zeros; null when not a plain decimal. */
export function shiftDecimal(text: string, places: number): string | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null || (match[1] === "" && (match[2] ?? "") === "")) return null;
  let digits = (match[1] ?? "") + (match[2] ?? "");
  let point = (match[1] ?? "").length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+/, "") || "0";
  const fraction = digits.slice(point).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** "0.1500" -> "15", "0.0001" -> "0.01". */
export function shareToPercent(share: string): string {
  return shiftDecimal(share, 2) ?? share;
}

/** "15" -> "0.15"; null unless 0 < percent <= 100 with at most two decimals. */
export function percentToShare(percent: string): string | null {
  const text = percent.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const share = shiftDecimal(text, -2);
  if (share === null || /^0(\.0*)?$/.test(share)) return null;
  const [whole, fraction = ""] = share.split(".");
  return whole === "0" || (whole === "1" && /^0*$/.test(fraction)) ? share : null;
}

/** A money amount of 0 or more with at most two decimals (as typed, the API reads it as cents). */
export function validAmount(text: string): boolean {
  return /^\d{1,10}(\.\d{1,2})?$/.test(text.trim());
}

export function formFromPolicy(policy: CreditPolicy): PolicyForm {
  return {
    maxOrderShare: shareToPercent(policy.max_order_share),
    maxPerGrant: policy.max_per_grant ?? "",
    maxPerCustomer30d: policy.max_per_customer_30d ?? "",
    autoApproveBelow: policy.auto_approve_below,
    reasons: [...policy.reasons],
    expiryDays: policy.expiry_days === null ? "" : String(policy.expiry_days),
    requestRole: policy.request_role,
    approveRole: policy.approve_role,
    instrument: policy.instrument,
    offerLateOrders: policy.offer_late_orders,
    feedbackFirst: policy.feedback_first,
  };
}

function optionalAmount(text: string): { ok: boolean; value: string | null } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  return { ok: validAmount(trimmed), value: trimmed };
}

function expiry(text: string): { ok: boolean; value: number | null } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (!/^\d{1,4}$/.test(trimmed)) return { ok: false, value: null };
  const days = Number(trimmed); // at most four digits: exact
  return { ok: days >= 1 && days <= MAX_EXPIRY_DAYS, value: days };
}

/** The API's body, or the fields at fault (then nothing may be sent). */
export function policyBody(form: PolicyForm): { body: PolicyBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const share = percentToShare(form.maxOrderShare);
  if (share === null) errors.max_order_share = "invalid_share";
  const perGrant = optionalAmount(form.maxPerGrant);
  if (!perGrant.ok) errors.max_per_grant = "invalid_amount";
  const perCustomer = optionalAmount(form.maxPerCustomer30d);
  if (!perCustomer.ok) errors.max_per_customer_30d = "invalid_amount";
  if (!validAmount(form.autoApproveBelow)) errors.auto_approve_below = "invalid_amount";
  const reasons = CREDIT_REASONS.filter((reason) => form.reasons.includes(reason));
  if (reasons.length === 0) errors.reasons = "invalid_reasons";
  const days = expiry(form.expiryDays);
  if (!days.ok) errors.expiry_days = "invalid_expiry";
  if (!(ROLES as readonly string[]).includes(form.requestRole)) errors.request_role = "invalid_role";
  if (!(ROLES as readonly string[]).includes(form.approveRole)) errors.approve_role = "invalid_role";
  if (!(INSTRUMENTS as readonly string[]).includes(form.instrument)) errors.instrument = "invalid_instrument";
  return {
    body: {
      max_order_share: share ?? form.maxOrderShare.trim(),
      max_per_grant: perGrant.value,
      max_per_customer_30d: perCustomer.value,
      auto_approve_below: form.autoApproveBelow.trim(),
      reasons,
      expiry_days: days.value,
      request_role: form.requestRole,
      approve_role: form.approveRole,
      instrument: form.instrument,
      offer_late_orders: form.offerLateOrders,
      feedback_first: form.feedbackFirst,
    },
    errors,
  };
}

/**
 * The field errors of a 400 from the API: `{"fields": {"max_order_share": "invalid_share"}}` (or
 * DRF's lists of messages), reason codes kept as they are.
 */
export function apiFieldErrors(body: unknown): Record<string, string> {
  const fields = (body as { fields?: unknown } | null | undefined)?.fields;
  if (typeof fields !== "object" || fields === null) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof value === "string") out[name] = value;
    else if (Array.isArray(value) && typeof value[0] === "string") out[name] = value[0];
  }
  return out;
}
