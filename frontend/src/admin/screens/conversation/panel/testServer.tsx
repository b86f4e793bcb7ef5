/**
 * Tests only (imported by the `*.test.tsx` of the panel, credit and composer folders): render one
 * component with the real API client, i18n and Polaris over a stubbed `fetch` that plays the backend.
 * Every request is recorded (method, path, query, JSON body) so a test asserts the exact requests
 * sent, and that nothing else was sent after a refusal.
 *
 * Routes are keyed `"METHOD /path"` or `"METHOD /path?query"` (the exact query wins); a list of
 * replies is answered in turn, the last one again and again. Anything unrouted is a 404.
 */
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import {
  AdminProviders,
  json,
  recordCall,
  routedReplies,
  type Reply as AnyReply,
  type RoutedCall,
} from "../../../../test/fakeBackend";
import { createApiClient } from "../../../api/client";
import type { MeResponse } from "../../../api/types";

export { json };
export type Call = RoutedCall;
export type Reply = AnyReply<Call>;

export function me(role = "agent"): MeResponse {
  return {
    shop: { domain: "demo-store.myshopify.com", name: "Demo Store", currency: "USD", timezone: "America/New_York" },
    agent: { id: "9007199254740993", name: "Ada Agent", email: "ada@example.com", role },
  };
}

export interface RenderOptions {
  routes?: Record<string, Reply | Reply[]>;
  role?: string;
  locale?: string;
}

export function renderWithServer(ui: ReactElement, { routes = {}, role = "agent", locale = "en" }: RenderOptions = {}) {
  const calls: Call[] = [];
  const answer = routedReplies<Call>(routes);
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = recordCall(input, init);
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal("fetch", fetchMock);

  const apiFetch = createApiClient({ getToken: () => Promise.resolve("test-token") });
  const wrap = (element: ReactElement) => (
    <AdminProviders me={me(role)} apiFetch={apiFetch} locale={locale}>
      {element}
    </AdminProviders>
  );
  const result = render(wrap(ui));
  /** Render `element` in place of the first (new props), inside the same providers. */
  const rerender = (element: ReactElement) => result.rerender(wrap(element));
  /** Method, path and query of each request sent: `"GET /api/admin/x?a=1"`. */
  const lines = () => calls.map((c) => `${c.method} ${c.path}${c.query ? `?${c.query}` : ""}`);
  return { ...result, rerender, calls, lines, fetchMock };
}
