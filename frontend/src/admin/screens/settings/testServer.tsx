/**
 * Test support for the settings, hours and auto-response screens: a fake server behind a stubbed
 * `fetch` (the network is the only thing replaced), and renderers that wire the real API client,
 * i18n and Polaris. Not a test file itself; imported by the `*.test.tsx` beside the screens.
 */
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
import { AdminProviders, json } from "../../../test/fakeBackend";
import App from "../../App";
import { createApiClient } from "../../api/client";
import type { MeResponse } from "../../api/types";

export { json };

export interface Call {
  method: string;
  path: string;
  /** The parsed JSON body, undefined without one. */
  body: unknown;
  headers: Headers;
}

/** What a route answers: a JSON body (200), or a function of the call giving a Response. */
export type Handler = (call: Call) => Response | Promise<Response>;
export type Answer = Handler | object | string | number | boolean | null;

export function me(role = "owner"): MeResponse {
  return {
    shop: { domain: "demo-store.myshopify.com", name: "Demo Store", currency: "EUR", timezone: "Europe/Berlin" },
    agent: { id: "9007199254740993", name: "Ada Owner", email: "ada@example.com", role },
  };
}

export interface FakeServer {
  /** Every call except the account load (`GET /api/admin/me`), in order. */
  calls: () => Call[];
  /** Every call that is not a GET. */
  writes: () => Call[];
  /** Change or add a route while the test runs. */
  answer: (route: string, answer: Answer) => void;
}

/**
 * Stub `fetch` with `routes`, keyed "METHOD /path" (query string included). `GET /api/admin/me`
 * answers the account of `role` unless given. Anything else answers 404 (and is recorded).
 */
export function fakeServer(routes: Record<string, Answer>, role = "owner"): FakeServer {
  const table = new Map<string, Answer>(Object.entries(routes));
  if (!table.has("GET /api/admin/me")) table.set("GET /api/admin/me", me(role));
  const log: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const method = (init?.method ?? "GET").toUpperCase();
      const path = String(input);
      const text = typeof init?.body === "string" ? init.body : undefined;
      const call: Call = {
        method,
        path,
        body: text === undefined ? undefined : (JSON.parse(text) as unknown),
        headers: new Headers(init?.headers),
      };
      if (!(method === "GET" && path === "/api/admin/me")) log.push(call);
      const answer = table.get(`${method} ${path}`);
      if (answer === undefined) return json({ detail: "Not found.", code: "not_found" }, 404);
      return typeof answer === "function" ? (answer as Handler)(call) : json(answer);
    }),
  );
  return {
    calls: () => [...log],
    writes: () => log.filter((call) => call.method !== "GET"),
    answer: (route, answer) => table.set(route, answer),
  };
}

const apiFetch = () => createApiClient({ getToken: () => Promise.resolve("test-session-token") });

/** The whole admin at `path` (e.g. "/hours"), as the Shopify admin would open it. */
export function renderScreen(path: string, locale = "en") {
  return render(<App apiFetch={apiFetch()} locale={locale} initialPath={path} />);
}

/** One component inside the app's providers, signed in with `role`. */
export function renderWithApi(ui: ReactElement, { role = "owner", locale = "en" } = {}) {
  return render(
    <AdminProviders me={me(role)} apiFetch={apiFetch()} locale={locale} router>
      {ui}
    </AdminProviders>,
  );
}
