/**
 * The API client and the signed-in account, given to every screen through context.
 *
 * - `useApi()`: the authenticated `apiFetch` (session token on every call).
 * - `useResource<T>(path)`: GET a path; `{state, reload}` with loading / ready / error.
 * - `useMe()`: the signed-in agent and shop (loaded once by `<MeGate>`).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { ApiFetch } from "./client";
import type { MeResponse } from "./types";

const ApiContext = createContext<ApiFetch | null>(null);
const TokenContext = createContext<(() => Promise<string>) | null>(null);
const MeContext = createContext<MeResponse | null>(null);

export function ApiProvider({
  apiFetch,
  getToken,
  children,
}: {
  apiFetch: ApiFetch;
  /** A fresh session token (for the agent websocket, which cannot send headers). */
  getToken?: () => Promise<string>;
  children: ReactNode;
}) {
  return (
    <ApiContext.Provider value={apiFetch}>
      <TokenContext.Provider value={getToken ?? null}>{children}</TokenContext.Provider>
    </ApiContext.Provider>
  );
}

/** The session-token provider, or null (tests without a socket). */
export function useSessionToken(): (() => Promise<string>) | null {
  return useContext(TokenContext);
}

export function useApi(): ApiFetch {
  const apiFetch = useContext(ApiContext);
  if (apiFetch === null) throw new Error("useApi() outside <ApiProvider>");
  return apiFetch;
}

export function MeProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): MeResponse {
  const me = useContext(MeContext);
  if (me === null) throw new Error("useMe() outside <MeProvider>");
  return me;
}

export type ResourceState<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; reason: string; httpStatus: number };

export function errorReason(error: unknown): string {
  return error instanceof Error && error.message !== "" ? error.message : "Unknown error";
}

function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : 0;
}

/**
 * GET `path` (null: nothing to load yet). Keeps showing the previous data while
 * reloading with `reload({quiet: true})`, e.g. after a live update.
 */
export function useResource<T>(path: string | null): {
  state: ResourceState<T>;
  reload: (options?: { quiet?: boolean }) => void;
  setData: (update: (current: T) => T) => void;
} {
  const apiFetch = useApi();
  const [state, setState] = useState<ResourceState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    if (!attempt.quiet) setState({ status: "loading" });
    apiFetch<T>(path, { signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: "error", reason: errorReason(error), httpStatus: httpStatusOf(error) });
        }
      },
    );
    return () => controller.abort();
  }, [apiFetch, path, attempt]);

  const reload = useCallback(
    (options?: { quiet?: boolean }) => setAttempt((a) => ({ n: a.n + 1, quiet: options?.quiet ?? false })),
    [],
  );
  const setData = useCallback(
    (update: (current: T) => T) =>
      setState((s) => (s.status === "ready" ? { status: "ready", data: update(s.data) } : s)),
    [],
  );
  return { state, reload, setData };
}

/** JSON body helpers for writes: `apiFetch(path, jsonInit("POST", body))`. */
export function jsonInit(method: string, body?: unknown): RequestInit {
  return body === undefined
    ? { method }
    : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}
