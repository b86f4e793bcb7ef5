import type { AppConfig } from "../config";

/**
 * The part of Shopify's App Bridge global (loaded from Shopify's CDN in
 * production) that this module uses.
 */
export interface ShopifyGlobal {
  idToken?: () => Promise<string>;
}

declare global {
  interface Window {
    shopify?: ShopifyGlobal;
  }
}

export class SessionTokenError extends Error {
  override name = "SessionTokenError";
}

/**
 * Get a session token (a short-lived JWT identifying shop and admin user).
 *
 * - Production: App Bridge's `window.shopify.idToken()`, which caches and
 *   refreshes tokens itself, so it is called for every request.
 * - Development (no App Bridge): GET `config.devSessionTokenUrl`, which returns
 *   `{"token": "..."}`.
 * - Neither: throws a SessionTokenError.
 */
export async function getSessionToken(
  config: Pick<AppConfig, "devSessionTokenUrl">,
): Promise<string> {
  const idToken = window.shopify?.idToken;
  if (typeof idToken === "function") {
    const token = await idToken.call(window.shopify);
    if (typeof token !== "string" || token === "") {
      throw new SessionTokenError("App Bridge returned an empty session token");
    }
    return token;
  }

  const url = config.devSessionTokenUrl;
  if (url) {
    const response = await fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) {
      throw new SessionTokenError(
        `Could not get a development session token (HTTP ${response.status})`,
      );
    }
    const body: unknown = await response.json();
    const token =
      typeof body === "object" && body !== null
        ? (body as { token?: unknown }).token
        : undefined;
    if (typeof token !== "string" || token === "") {
      throw new SessionTokenError('Development session token response has no "token"');
    }
    return token;
  }

  throw new SessionTokenError(
    "No session token source: Shopify App Bridge (window.shopify.idToken) is not " +
      "loaded and no devSessionTokenUrl is configured. Open the app from the " +
      "Shopify admin, or enable the development token endpoint.",
  );
}
