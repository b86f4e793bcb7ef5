/**
 * Tests only (imported by the `*.test.tsx` of the panel, credit and composer folders): render one
 * component with the real API client, i18n and Polaris over a stubbed `fetch` that plays the backend.
 * Every request is recorded (method, path, query, JSON body) so a test asserts the exact requests
 * sent, and that nothing else was sent after a refusal.
 *
 * Routes are keyed `"METHOD /path"` or `"METHOD /path?query"` (the exact query wins); a list of
 * replies is answered in turn, the last one again and again. Anything unrouted is a 404.
 */
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import zhCN from "@shopify/polaris/locales/zh-CN.json";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { createApiClient } from "../../../api/client";
import { ApiProvider, MeProvider } from "../../../api/context";
import type { MeResponse } from "../../../api/types";
import { I18nProvider, languageFor } from "../../../i18n";

export interface Call {
  method: string;
  path: string;
  /** The query string without "?", "" when none. */
  query: string;
  body: unknown;
}

export type Reply = Response | ((call: Call) => Response | Promise<Response>);

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export function me(role = "agent"): MeResponse {
  return {
    shop: { domain: "demo-store.myshopify.com", name: "Demo Store", currency: "USD", timezone: "America/New_York" },
    agent: { id: "9007199254740993", name: "Ada Agent", email: "ada@example.com", role },
  };
}

function parseBody(init: RequestInit | undefined): unknown {
  if (typeof init?.body !== "string") return init?.body ?? undefined;
  try {
    return JSON.parse(init.body) as unknown;
  } catch {
    return init.body;
  }
}

export interface RenderOptions {
  routes?: Record<string, Reply | Reply[]>;
  role?: string;
  locale?: string;
}

export function renderWithServer(ui: ReactElement, { routes = {}, role = "agent", locale = "en" }: RenderOptions = {}) {
  const calls: Call[] = [];
  const turns = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "https://app.example");
    const method = (init?.method ?? "GET").toUpperCase();
    const call: Call = { method, path: url.pathname, query: url.search.replace(/^\?/, ""), body: parseBody(init) };
    calls.push(call);
    const exact = `${method} ${url.pathname}${url.search}`;
    const key = exact in routes ? exact : `${method} ${url.pathname}`;
    const entry = routes[key];
    if (entry === undefined) return json({ detail: "Not found.", code: "not_found" }, 404);
    const n = turns.get(key) ?? 0;
    turns.set(key, n + 1);
    const reply = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)]! : entry;
    return typeof reply === "function" ? reply(call) : reply.clone();
  });
  vi.stubGlobal("fetch", fetchMock);

  const apiFetch = createApiClient({ getToken: () => Promise.resolve("test-token") });
  const language = languageFor(locale);
  const wrap = (element: ReactElement) => (
    <AppProvider i18n={language === "zh-CN" ? zhCN : en}>
      <I18nProvider language={language}>
        <ApiProvider apiFetch={apiFetch}>
          <MeProvider me={me(role)}>{element}</MeProvider>
        </ApiProvider>
      </I18nProvider>
    </AppProvider>
  );
  const result = render(wrap(ui));
  /** Render `element` in place of the first (new props), inside the same providers. */
  const rerender = (element: ReactElement) => result.rerender(wrap(element));
  /** Method, path and query of each request sent: `"GET /api/admin/x?a=1"`. */
  const lines = () => calls.map((c) => `${c.method} ${c.path}${c.query ? `?${c.query}` : ""}`);
  return { ...result, rerender, calls, lines, fetchMock };
}
