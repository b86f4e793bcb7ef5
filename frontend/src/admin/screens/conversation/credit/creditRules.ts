/**
 * Pure rules of the store-credit action: reading the amount the agent typed (decimal strings, never
 * floats), whether it fits what the policy allows now, whether it will wait for a supervisor, the
 * tone of a grant's state, and the wording key of a refusal.
 */
import type { CreditAllowance, GrantState } from "./types";

/** Decimal places an amount may have in `currency`: its minor units, at most 2 (as the API). */
export function currencyDecimals(currency: string): number {
  try {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits;
    return Math.min(digits ?? 2, 2);
  } catch {
    return 2;
  }
}

/** A decimal string as an integer count of hundredths ("12.5" -> 1250n); null when not a plain
 * non-negative decimal with at most two places. */
export function toCents(value: string): bigint | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(value.trim());
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

export type AmountCheck =
  | { ok: true; amount: string }
  | { ok: false; error: "empty" | "invalid" | "not_positive" | "too_precise" | "over_max" };

/** The typed amount, checked against the allowance; `amount` is what is sent ("5" -> "5.00", "1500" for yen). */
export function checkAmount(input: string, allowance: CreditAllowance): AmountCheck {
  const value = input.trim();
  if (value === "") return { ok: false, error: "empty" };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { ok: false, error: "invalid" };
  const decimals = currencyDecimals(allowance.currency);
  if ((match[2] ?? "").length > decimals) return { ok: false, error: "too_precise" };
  const cents = toCents(value);
  if (cents === null) return { ok: false, error: "invalid" };
  if (cents <= 0n) return { ok: false, error: "not_positive" };
  const max = toCents(allowance.max_amount);
  if (max !== null && cents > max) return { ok: false, error: "over_max" };
  const whole = (cents / 100n).toString();
  const fraction = (cents % 100n).toString().padStart(2, "0").slice(0, decimals);
  return { ok: true, amount: decimals > 0 ? `${whole}.${fraction}` : whole };
}

/** Whether a request of `amount` (a checked decimal string) waits for a supervisor's approval. */
export function needsApproval(amount: string, allowance: CreditAllowance): boolean {
  if (allowance.auto_approve_up_to === null) return true;
  const cents = toCents(amount);
  const limit = toCents(allowance.auto_approve_up_to);
  return cents === null || limit === null || cents > limit;
}

export type BadgeTone = "success" | "critical" | "attention" | "info" | "warning" | undefined;

export function grantTone(state: GrantState | string): BadgeTone {
  switch (state) {
    case "issued":
      return "success";
    case "failed":
    case "rejected":
      return "critical";
    case "pending_approval":
    case "awaiting_feedback":
      return "attention";
    case "uncertain":
      return "warning";
    case "approved":
    case "issuing":
      return "info";
    default:
      return undefined;
  }
}

/** Refusal codes with their own wording (`panel.credit.refusal.<code>`); others show the API's reason. */
export const REFUSALS = [
  "role_may_not_request",
  "customer_has_no_account",
  "order_not_creditable",
  "order_not_customers",
  "reason_not_allowed",
  "currency_mismatch",
  "amount_not_positive",
  "amount_not_in_currency_units",
  "over_grant_max",
  "over_order_share",
  "over_customer_30d",
  "note_too_long",
  "note_not_text",
  "invalid_input",
] as const;

export function refusalKey(code: unknown): string | null {
  return typeof code === "string" && (REFUSALS as readonly string[]).includes(code)
    ? `panel.credit.refusal.${code}`
    : null;
}

/** Whether a live event about a conversation may have changed its grants: a credit step on its timeline
 * (`conversation.updated` whose `change` is `credit.requested`, `credit.approved`, ...) or the shopper's
 * credit notice (a bot message whose client id is `credit:<grant>:<step>`, posted once a grant is issued). */
export function isCreditChange(payload: { change?: unknown }): boolean {
  return typeof payload.change === "string" && payload.change.startsWith("credit.");
}

export function isCreditNotice(message: { kind: string; client_id: string }): boolean {
  return message.kind === "bot" && message.client_id.startsWith("credit:");
}

/** A fresh key for one click: a retried request (same key) makes one grant. */
export function newClientId(): string {
  const crypto = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `t(key)`, or `fallback` when the catalogue has no such key (`t` answers the key itself). */
export function labelOr(t: (key: string) => string, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}
