import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "./client";

function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

function invalidSession(): Response {
  return jsonResponse({ detail: "Session token expired" }, 401, {
    "X-Shopify-Retry-Invalid-Session-Request": "1",
  });
}

/** The Headers object that fetch received on call `call` (0-based). */
function sentHeaders(fetchMock: ReturnType<typeof vi.fn>, call: number): Headers {
  const init = fetchMock.mock.calls[call]?.[1] as RequestInit;
  return new Headers(init.headers);
}

function tokens(...values: string[]) {
  const getToken = vi.fn<() => Promise<string>>();
  for (const value of values) getToken.mockResolvedValueOnce(value);
  return getToken;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the promise to reject");
}

describe("apiFetch", () => {
  it("sends the bearer token and Accept header and returns the JSON body", async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ ok: true }));
    vi.stubGlobal("fetch", fetchMock);
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    await expect(apiFetch("/api/admin/me")).resolves.toEqual({ ok: true });

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/admin/me");
    const headers = sentHeaders(fetchMock, 0);
    expect(headers.get("Authorization")).toBe("Bearer token-1");
    expect(headers.get("Accept")).toBe("application/json");
  });

  it("keeps the caller's method, body and headers", async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ id: "7" }, 201));
    vi.stubGlobal("fetch", fetchMock);
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    await apiFetch("/api/admin/notes", {
      method: "POST",
      body: '{"text":"hi"}',
      headers: { "Content-Type": "application/json" },
    });

    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"text":"hi"}');
    const headers = sentHeaders(fetchMock, 0);
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(headers.get("Authorization")).toBe("Bearer token-1");
  });

  it("retries once with a fresh token on a 401 carrying the retry header", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(invalidSession())
      .mockResolvedValueOnce(jsonResponse({ shop: "demo" }));
    vi.stubGlobal("fetch", fetchMock);
    const getToken = tokens("stale-token", "fresh-token");
    const apiFetch = createApiClient({ getToken });

    await expect(apiFetch("/api/admin/me")).resolves.toEqual({ shop: "demo" });

    expect(getToken).toHaveBeenCalledTimes(2);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[0]).toBe("/api/admin/me");
    expect(sentHeaders(fetchMock, 0).get("Authorization")).toBe("Bearer stale-token");
    expect(sentHeaders(fetchMock, 1).get("Authorization")).toBe("Bearer fresh-token");
  });

  it("does not retry a 401 without the retry header", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(jsonResponse({ detail: "Invalid session token" }, 401));
    vi.stubGlobal("fetch", fetchMock);
    const getToken = tokens("token-1", "token-2");
    const apiFetch = createApiClient({ getToken });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.status).toBe(401);
    expect(error.reason).toBe("Invalid session token");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it("does not retry a second time", async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(invalidSession())
      .mockResolvedValueOnce(invalidSession())
      .mockResolvedValueOnce(jsonResponse({ never: "reached" }));
    vi.stubGlobal("fetch", fetchMock);
    const getToken = tokens("token-1", "token-2", "token-3");
    const apiFetch = createApiClient({ getToken });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.status).toBe(401);
    expect(error.reason).toBe("Session token expired");
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it("turns an error response into an ApiError with status and the detail as reason", async () => {
    const body = { detail: "You do not have permission to perform this action." };
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse(body, 403)));
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(403);
    expect(error.reason).toBe("You do not have permission to perform this action.");
    expect(error.message).toBe("You do not have permission to perform this action.");
    expect(error.body).toEqual(body);
  });

  it("uses the status text when the error body has no detail", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(
        new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
      ),
    );
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.status).toBe(502);
    expect(error.reason).toBe("Bad Gateway");
    expect(error.body).toBeUndefined();
  });

  it("falls back to the status code when there is no status text", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse({ errors: ["x"] }, 500)));
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.status).toBe(500);
    expect(error.reason).toBe("HTTP 500");
    expect(error.body).toEqual({ errors: ["x"] });
  });

  it("reports a network failure as an ApiError with status 0", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    const error = await caught(apiFetch("/api/admin/me"));

    expect(error.status).toBe(0);
    expect(error.reason).toBe("Network error: Failed to fetch");
  });

  it("resolves to undefined for an empty success response", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    await expect(apiFetch("/api/admin/notes/1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("keeps large ids as strings", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(
        new Response('{"id": "9007199254740993"}', {
          status: 200,
          headers: { "Content-Type": "application/json" },
        }),
      ),
    );
    const apiFetch = createApiClient({ getToken: tokens("token-1") });

    const result = await apiFetch<{ id: string }>("/api/admin/things/9007199254740993");

    expect(result.id).toBe("9007199254740993");
  });

  it("refuses to send the token to another origin", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const getToken = tokens("token-1");
    const apiFetch = createApiClient({ getToken });

    const absolute = await caught(apiFetch("https://example.com/api"));
    const protocolRelative = await caught(apiFetch("//example.com/api"));

    expect(absolute.status).toBe(0);
    expect(absolute.reason).toBe(
      'apiFetch expects an absolute path on this origin, got "https://example.com/api"',
    );
    expect(protocolRelative.status).toBe(0);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(getToken).not.toHaveBeenCalled();
  });
});
