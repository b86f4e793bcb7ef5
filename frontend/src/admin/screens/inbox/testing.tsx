/**
 * Test harness for the inbox and conversation screens: the real App and API
 * client over a stubbed `fetch` (the fake server answers the dev token and
 * /api/admin/me, and hands every other request to the test's `handle`), and a
 * fake WebSocket class standing in for the network. Used by tests only.
 */
import { render } from "@testing-library/react";
import { vi } from "vitest";
import App from "../../App";
import { createApiClient } from "../../api/client";
import { getSessionToken } from "../../api/sessionToken";
import { FakeWebSocket } from "../../realtime/testing";

export const ME = {
  shop: { domain: "demo-store.myshopify.com", name: "Demo Store", currency: "USD", timezone: "UTC" },
  agent: { id: "12", name: "Ada Agent", email: "ada@example.com", role: "agent" },
};

/** GET /api/admin/agents: answered by the harness and, like /me, not listed in `requests()`. */
export const COLLEAGUES = [
  { id: "12", name: "Ada Agent", role: "agent", presence: "online" },
  { id: "14", name: "Bo Lead", role: "supervisor", presence: "away" },
];

export interface SentRequest {
  method: string;
  url: string;
  /** The parsed JSON body, the FormData as is, or undefined. */
  body: unknown;
}

export type Handler = (request: SentRequest) => Response | Promise<Response> | undefined;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function bodyOf(init: RequestInit | undefined): unknown {
  const body = init?.body;
  if (typeof body === "string") return JSON.parse(body) as unknown;
  return body ?? undefined;
}

/**
 * Renders the admin at `path` (e.g. "/inbox"). `requests()` lists what the
 * screens sent (not the token or /me calls), in order.
 */
export function renderAdmin(path: string, handle: Handler, { locale = "en" }: { locale?: string } = {}) {
  const requests: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === "/dev/session-token") return json({ token: "dev-token" });
    if (url === "/api/admin/me") return json(ME);
    if (url === "/api/admin/agents") return json(COLLEAGUES);
    const request = { method: (init?.method ?? "GET").toUpperCase(), url, body: bodyOf(init) };
    requests.push(request);
    return (await handle(request)) ?? json({ detail: "Not found." }, 404);
  });
  vi.stubGlobal("fetch", fetchMock);
  FakeWebSocket.reset();
  vi.stubGlobal("WebSocket", FakeWebSocket);
  const getToken = () => getSessionToken({ devSessionTokenUrl: "/dev/session-token" });
  const apiFetch = createApiClient({ getToken });
  render(<App apiFetch={apiFetch} getToken={getToken} locale={locale} initialPath={path} />);
  return { requests: () => [...requests], fetchMock };
}

export { FakeWebSocket };
