/** Placeholder: the reply endpoint's 409 (a promise the policy does not allow) as warnings. */
import type { ApiError } from "../../../api/client";

export interface PromiseWarning {
  code: string;
  message: string;
}

/** The warnings of a 409 promise refusal, or null for any other error. */
export function promiseWarningsOf(_error: ApiError): PromiseWarning[] | null {
  return null;
}
