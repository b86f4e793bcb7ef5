/**
 * Tests only: render the real admin app at one screen, over a stubbed `fetch` that plays the
 * backend. Every request is recorded (method, path, query, JSON body) so a test can assert the exact
 * requests sent, and that nothing else was sent after a refusal.
 *
 * Routes are keyed `"METHOD /path"` or `"METHOD /path?query"` (the exact query wins); a list of
 * replies is answered in turn, the last one again and again. Anything unrouted is a 404.
 */
import { render } from "@testing-library/react";
import { vi } from "vitest";
import { json, recordCall, routedReplies, type Reply as AnyReply, type RoutedCall } from "../../../test/fakeBackend";
import App from "../../App";
import { createApiClient } from "../../api/client";

export { json };
export type Call = RoutedCall;
export type Reply = AnyReply<Call>;

export const SHOP = {
  domain: "demo-store.myshopify.com",
  name: "Demo Store",
  currency: "USD",
  timezone: "America/New_York",
};

export function me(role: string, id = "12", name = "Ada Lovelace") {
  return { shop: SHOP, agent: { id, name, email: "ada@example.com", role } };
}

export interface ScreenOptions {
  path: string;
  role?: string;
  locale?: string;
  routes: Record<string, Reply | Reply[]>;
  /** Pass the token provider to the app (the CSV download needs it). */
  withToken?: boolean;
}

export function renderScreen({ path, role = "owner", locale = "en", routes, withToken = false }: ScreenOptions) {
  const calls: Call[] = [];
  const answer = routedReplies<Call>({ "GET /api/admin/me": () => json(me(role)), ...routes });

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = recordCall(input, init);
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal("fetch", fetchMock);

  const getToken = () => Promise.resolve("test-token");
  const apiFetch = createApiClient({ getToken });
  render(<App apiFetch={apiFetch} locale={locale} initialPath={path} {...(withToken ? { getToken } : {})} />);

  /** The requests after the account was loaded (what the screen sent). */
  const sent = () => calls.filter((c) => !(c.method === "GET" && c.path === "/api/admin/me"));
  /** Method, path and query of each request the screen sent: `"GET /api/admin/x?a=1"`. */
  const lines = () => sent().map((c) => `${c.method} ${c.path}${c.query ? `?${c.query}` : ""}`);
  return { calls, sent, lines, fetchMock };
}
