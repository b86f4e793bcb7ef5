/**
 * Authenticated JSON client for the app's own Django API.
 *
 * Every request carries `Authorization: Bearer <session token>`. When the
 * backend rejects a token that has just expired it answers 401 with
 * `X-Shopify-Retry-Invalid-Session-Request: 1`; the request is then retried
 * exactly once with a fresh token.
 *
 * Ids: the API sends every id (Shopify and database ids can exceed 2^53) as a
 * JSON string, and the response types in ./types declare them as `string`.
 * Never convert them with Number()/parseInt().
 */

export const RETRY_INVALID_SESSION_HEADER = "X-Shopify-Retry-Invalid-Session-Request";

/** A failed API call. `status` is 0 when no HTTP response was received. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  /** Human-readable reason: the body's `detail` when present. */
  readonly reason: string;
  /** The parsed JSON error body, if any (e.g. field errors). */
  readonly body: unknown;

  constructor(status: number, reason: string, body: unknown = undefined) {
    super(reason);
    this.status = status;
    this.reason = reason;
    this.body = body;
  }
}

export type TokenProvider = () => Promise<string>;

/** `apiFetch(path, init?)`: resolves to the parsed JSON body (undefined if empty). */
export type ApiFetch = <T = unknown>(path: string, init?: RequestInit) => Promise<T>;

export interface ApiClientOptions {
  /** Called before every request, and again before the single retry. */
  getToken: TokenProvider;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === "") {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function reasonFor(response: Response, body: unknown): string {
  if (typeof body === "object" && body !== null) {
    const detail = (body as { detail?: unknown }).detail;
    if (typeof detail === "string" && detail !== "") {
      return detail;
    }
  }
  return response.statusText || `HTTP ${response.status}`;
}

function assertAppPath(path: string): void {
  // The bearer token must only ever go to this app's own origin.
  if (!path.startsWith("/") || path.startsWith("//")) {
    throw new ApiError(0, `apiFetch expects an absolute path on this origin, got "${path}"`);
  }
}

export function createApiClient({ getToken }: ApiClientOptions): ApiFetch {
  async function send(path: string, init: RequestInit | undefined): Promise<Response> {
    const token = await getToken();
    const headers = new Headers(init?.headers);
    headers.set("Authorization", `Bearer ${token}`);
    if (!headers.has("Accept")) {
      headers.set("Accept", "application/json");
    }
    try {
      return await fetch(path, { ...init, headers });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") {
        throw error;
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new ApiError(0, `Network error: ${message}`);
    }
  }

  return async function apiFetch<T = unknown>(path: string, init?: RequestInit): Promise<T> {
    assertAppPath(path);
    let response = await send(path, init);
    if (response.status === 401 && response.headers.get(RETRY_INVALID_SESSION_HEADER) === "1") {
      // Only once: a second 401 is reported to the caller as is.
      response = await send(path, init);
    }

    const parsed = parseJson(await response.text());
    if (!response.ok) {
      const body = parsed.ok ? parsed.value : undefined;
      throw new ApiError(response.status, reasonFor(response, body), body);
    }
    if (!parsed.ok) {
      throw new ApiError(response.status, "The server sent a response that is not valid JSON");
    }
    return parsed.value as T;
  };
}
