import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import App from "./App";
import { createApiClient } from "./api/client";
import { getSessionToken } from "./api/sessionToken";

const ME = {
  shop: {
    domain: "demo-store.myshopify.com",
    name: "Demo Store",
    currency: "USD",
    timezone: "America/New_York",
  },
  agent: { id: "12", name: "Ada Owner", email: "ada@example.com", role: "owner" },
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/**
 * A fake server: the dev token endpoint plus GET /api/admin/me answering
 * with `me`. Wired through the real session-token and API client code.
 */
function renderApp(me: () => Response, locale = "en") {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    if (input === "/dev/session-token") return jsonResponse({ token: "dev-token" });
    if (input === "/api/admin/me") return me();
    return jsonResponse({ detail: "Not found." }, 404);
  });
  vi.stubGlobal("fetch", fetchMock);
  const apiFetch = createApiClient({
    getToken: () => getSessionToken({ devSessionTokenUrl: "/dev/session-token" }),
  });
  render(<App apiFetch={apiFetch} locale={locale} initialPath="/no-such-screen" />);
  return fetchMock;
}

describe("App", () => {
  it("shows a skeleton, then the navigation around the screen, the session token on every call", async () => {
    const fetchMock = renderApp(() => jsonResponse(ME));

    expect(screen.getByRole("status", { name: "Loading" })).toBeDefined();

    expect(await screen.findByRole("heading", { name: "This page does not exist", level: 1 })).toBeDefined();
    const nav = screen.getByRole("navigation");
    for (const label of ["Inbox", "Approvals", "Templates", "Reports", "Settings"]) {
      expect(within(nav).getByRole("link", { name: label })).toBeDefined();
    }
    expect(within(nav).getByRole("link", { name: "Inbox" }).getAttribute("href")).toBe("/inbox");
    expect(screen.queryByRole("alert")).toBeNull();

    const meCalls = fetchMock.mock.calls.filter(([url]) => url === "/api/admin/me");
    expect(meCalls).toHaveLength(1);
    const headers = new Headers((meCalls[0]?.[1] as RequestInit).headers);
    expect(headers.get("Authorization")).toBe("Bearer dev-token");
  });

  it("follows the admin's locale: Simplified Chinese", async () => {
    renderApp(() => jsonResponse(ME), "zh-CN");

    expect(await screen.findByRole("heading", { name: "此页面不存在", level: 1 })).toBeDefined();
    expect(within(screen.getByRole("navigation")).getByRole("link", { name: "收件箱" })).toBeDefined();
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  it("shows an error banner with the API's reason and no screen", async () => {
    renderApp(() => jsonResponse({ detail: "This shop has not installed the app." }, 403));

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Could not load your account")).toBeDefined();
    expect(within(banner).getByText("This shop has not installed the app.")).toBeDefined();
    expect(within(banner).getByRole("button", { name: "Try again" })).toBeDefined();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.queryByRole("status", { name: "Loading" })).toBeNull();
  });

  it("loads again when Try again is pressed", async () => {
    const me = vi
      .fn<() => Response>()
      .mockReturnValueOnce(jsonResponse({ detail: "Temporarily unavailable." }, 503))
      .mockReturnValueOnce(jsonResponse(ME));
    renderApp(me);

    const banner = await screen.findByRole("alert");
    expect(within(banner).getByText("Temporarily unavailable.")).toBeDefined();
    fireEvent.click(within(banner).getByRole("button", { name: "Try again" }));

    expect(await screen.findByRole("heading", { name: "This page does not exist", level: 1 })).toBeDefined();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(me).toHaveBeenCalledTimes(2);
  });
});
