/**
 * Tests only: the pieces every admin test harness shares. The network (`fetch`) is the one thing
 * replaced; the real API client, i18n, Polaris and providers are used.
 *
 * - `json(body, status)`: a JSON Response.
 * - `parseBody(init)`: a request's JSON body (the FormData or text as is).
 * - `routedReplies(routes)`: answers for `"METHOD /path"` or `"METHOD /path?query"` keys (the exact
 *   query wins); a list of replies is answered in turn, the last one again and again; unrouted: 404.
 * - `AdminProviders`: Polaris, i18n, the API client and the signed-in account around a component.
 */
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import zhCN from "@shopify/polaris/locales/zh-CN.json";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router-dom";
import type { ApiFetch } from "../admin/api/client";
import { ApiProvider, MeProvider } from "../admin/api/context";
import type { MeResponse } from "../admin/api/types";
import { I18nProvider, languageFor } from "../admin/i18n";

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

export function parseBody(init: RequestInit | undefined): unknown {
  if (typeof init?.body !== "string") return init?.body ?? undefined;
  try {
    return JSON.parse(init.body) as unknown;
  } catch {
    return init.body;
  }
}

export interface RoutedCall {
  method: string;
  path: string;
  /** The query string without "?", "" when none. */
  query: string;
  body: unknown;
  headers: Headers;
}

export type Reply<C = RoutedCall> = Response | ((call: C) => Response | Promise<Response>);

/** `answer(call)` for a table of routes (see the module's docstring). */
export function routedReplies<C extends RoutedCall>(routes: Record<string, Reply<C> | Reply<C>[]>) {
  const turns = new Map<string, number>();
  return async function answer(call: C): Promise<Response> {
    const exact = `${call.method} ${call.path}${call.query ? `?${call.query}` : ""}`;
    const key = exact in routes ? exact : `${call.method} ${call.path}`;
    const entry = routes[key];
    if (entry === undefined) return json({ detail: "Not found.", code: "not_found" }, 404);
    const n = turns.get(key) ?? 0;
    turns.set(key, n + 1);
    const reply = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)]! : entry;
    return typeof reply === "function" ? reply(call) : reply.clone();
  };
}

/** A recorded request, parsed the way every harness records it. */
export function recordCall(input: RequestInfo | URL, init?: RequestInit): RoutedCall {
  const url = new URL(String(input), "https://app.example");
  return {
    method: (init?.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    body: parseBody(init),
    headers: new Headers(init?.headers),
  };
}

export function AdminProviders({
  me,
  apiFetch,
  locale = "en",
  router = false,
  children,
}: {
  me: MeResponse;
  apiFetch: ApiFetch;
  locale?: string;
  /** Wrap in a MemoryRouter (components with links). */
  router?: boolean;
  children: ReactNode;
}) {
  const language = languageFor(locale);
  return (
    <AppProvider i18n={language === "zh-CN" ? zhCN : en}>
      <I18nProvider language={language}>
        <ApiProvider apiFetch={apiFetch}>
          <MeProvider me={me}>{router ? <MemoryRouter>{children}</MemoryRouter> : children}</MeProvider>
        </ApiProvider>
      </I18nProvider>
    </AppProvider>
  );
}
