import { describe, expect, it, vi } from "vitest";
import { getSessionToken, SessionTokenError } from "./sessionToken";

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

describe("getSessionToken", () => {
  it("uses App Bridge's shopify.idToken() when it is loaded", async () => {
    const idToken = vi.fn().mockResolvedValue("app-bridge-token");
    window.shopify = { idToken };
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);

    await expect(getSessionToken({ devSessionTokenUrl: "/dev/session-token" })).resolves.toBe(
      "app-bridge-token",
    );
    expect(idToken).toHaveBeenCalledTimes(1);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("fetches the development token URL when App Bridge is absent", async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ token: "dev-token" }));
    vi.stubGlobal("fetch", fetchMock);

    await expect(getSessionToken({ devSessionTokenUrl: "/dev/session-token" })).resolves.toBe(
      "dev-token",
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith("/dev/session-token", {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  });

  it("reports a failing development token endpoint", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse({ detail: "no" }, 403)));

    const result = getSessionToken({ devSessionTokenUrl: "/dev/session-token" });
    await expect(result).rejects.toBeInstanceOf(SessionTokenError);
    await expect(result).rejects.toThrow(
      "Could not get a development session token (HTTP 403)",
    );
  });

  it("rejects a development token response without a token", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(jsonResponse({ token: "" })));

    await expect(getSessionToken({ devSessionTokenUrl: "/dev/session-token" })).rejects.toThrow(
      'Development session token response has no "token"',
    );
  });

  it("throws a clear error when there is neither App Bridge nor a dev URL", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);

    const result = getSessionToken({ devSessionTokenUrl: null });
    await expect(result).rejects.toBeInstanceOf(SessionTokenError);
    await expect(result).rejects.toThrow(
      "No session token source: Shopify App Bridge (window.shopify.idToken) is not " +
        "loaded and no devSessionTokenUrl is configured. Open the app from the " +
        "Shopify admin, or enable the development token endpoint.",
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("ignores a shopify global without idToken", async () => {
    window.shopify = {};
    await expect(getSessionToken({ devSessionTokenUrl: null })).rejects.toBeInstanceOf(
      SessionTokenError,
    );
  });
});
