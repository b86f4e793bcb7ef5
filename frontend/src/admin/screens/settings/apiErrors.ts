/**
 * What an API refusal says, in one shape for the forms: the reason code (`code`), the server's
 * sentence (`detail`), the names a refusal lists ("refused: missing_variables (opening, name)"),
 * and the field errors of invalid input flattened to dotted paths ("A.first_response_minutes",
 * "questions.0").
 */
import { ApiError } from "../../api/client";
import { errorReason } from "../../api/context";

export interface Refusal {
  status: number;
  code: string | null;
  detail: string;
  names: string[];
  fields: Record<string, string>;
}

const NAMES = /\(([^()]*)\)\s*$/;

/** "refused: promises_money (refund, guarantee)" -> ["refund", "guarantee"]. */
export function namesOf(detail: string): string[] {
  const match = NAMES.exec(detail);
  if (match === null) return [];
  return match[1]!
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** DRF's nested field errors -> {"A.first_response_minutes": "Ensure this value is ..."}. */
export function flattenFields(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return prefix === "" ? {} : { [prefix]: value };
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string")) {
      return prefix === "" || value.length === 0 ? {} : { [prefix]: value.join(" ") };
    }
    return Object.assign({}, ...value.map((item, index) => flattenFields(item, join(prefix, String(index)))));
  }
  if (typeof value === "object" && value !== null) {
    return Object.assign(
      {},
      ...Object.entries(value as Record<string, unknown>).map(([key, item]) => flattenFields(item, join(prefix, key))),
    );
  }
  return {};
}

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

export function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError) {
    const body = (typeof error.body === "object" && error.body !== null ? error.body : {}) as Record<string, unknown>;
    const code = typeof body.code === "string" && body.code !== "" ? body.code : null;
    return {
      status: error.status,
      code,
      detail: error.reason,
      names: namesOf(error.reason),
      fields: flattenFields(body.fields),
    };
  }
  return { status: 0, code: null, detail: errorReason(error), names: [], fields: {} };
}

/**
 * The sentence for a refusal: the area's message for its code (`<area>.refused.<code>`, given the
 * refusal's names as `{names}`) when there is one, else the server's own sentence.
 */
export function refusalText(
  t: (key: string, vars?: Record<string, string | number>) => string,
  area: string,
  refusal: Refusal,
): string {
  if (refusal.code === null) return refusal.detail;
  const key = `${area}.refused.${refusal.code}`;
  const text = t(key, { names: refusal.names.join(", ") });
  return text === key ? refusal.detail : text;
}
