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
import App from "../../App";
import { createApiClient } from "../../api/client";

export interface Call {
  method: string;
  path: string;
  /** The query string without "?", "" when none. */
  query: string;
  body: unknown;
  headers: Headers;
}

export type Reply = Response | ((call: Call) => Response | Promise<Response>);

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export const SHOP = {
  domain: "demo-store.myshopify.com",
  name: "Demo Store",
  currency: "USD",
  timezone: "America/New_York",
};

export function me(role: string, id = "12", name = "Ada Lovelace") {
  return { shop: SHOP, agent: { id, name, email: "ada@example.com", role } };
}

function parseBody(init: RequestInit | undefined): unknown {
  if (typeof init?.body !== "string") return init?.body ?? undefined;
  try {
    return JSON.parse(init.body) as unknown;
  } catch {
    return init.body;
  }
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
  const turns = new Map<string, number>();
  const table: Record<string, Reply | Reply[]> = { "GET /api/admin/me": () => json(me(role)), ...routes };

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "https://app.example");
    const method = (init?.method ?? "GET").toUpperCase();
    const call: Call = {
      method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      body: parseBody(init),
      headers: new Headers(init?.headers),
    };
    calls.push(call);
    const exact = `${method} ${url.pathname}${url.search}`;
    const key = exact in table ? exact : `${method} ${url.pathname}`;
    const entry = table[key];
    if (entry === undefined) return json({ detail: "Not found.", code: "not_found" }, 404);
    const n = turns.get(key) ?? 0;
    turns.set(key, n + 1);
    const reply = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)]! : entry;
    return typeof reply === "function" ? reply(call) : reply.clone();
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
