/**
 * The reply endpoint's refusal of a promise the shop's policy does not allow: `POST
 * /api/admin/conversations/<id>/messages` answers 409 with `{detail, code: "promise_warning",
 * warnings: [{code, phrase}]}` (support/api/conversations.py) and sends nothing until the agent
 * resends with `confirm_promises: true`. `code` is one of `support.rules.promises.CODES`; `phrase`
 * is the words of the reply that promised it, as the agent wrote them.
 */
import { ApiError } from "../../../api/client";

export interface PromiseWarning {
  /** "refund", "compensation", "guarantee", "free_replacement" or "payment". */
  code: string;
  /** The promising words of the reply (the agent's text: show it as text, never as HTML). */
  phrase: string;
}

export const PROMISE_CODES = ["refund", "compensation", "guarantee", "free_replacement", "payment"] as const;

function warningOf(value: unknown): PromiseWarning | null {
  if (typeof value !== "object" || value === null) return null;
  const { code, phrase } = value as { code?: unknown; phrase?: unknown };
  return typeof code === "string" && typeof phrase === "string" ? { code, phrase } : null;
}

/** The warnings of a 409 promise refusal, or null for any other error. */
export function promiseWarningsOf(error: ApiError): PromiseWarning[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const body = error.body as { code?: unknown; warnings?: unknown } | undefined;
  if (typeof body !== "object" || body === null || body.code !== "promise_warning" || !Array.isArray(body.warnings)) {
    return null;
  }
  const warnings = body.warnings.map(warningOf).filter((w): w is PromiseWarning => w !== null);
  return warnings.length > 0 ? warnings : null;
}
