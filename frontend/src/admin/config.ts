/**
 * Page configuration rendered by the Django view as
 * <script id="app-config" type="application/json">{...}</script>.
 */
export interface AppConfig {
  /** The app's Shopify API key (client id); public. */
  apiKey: string;
  /** The shop's myshopify domain, e.g. "demo-store.myshopify.com". */
  shop: string;
  /** Dev only: URL returning {"token": "..."}; null in production. */
  devSessionTokenUrl: string | null;
  /** The admin user's locale, e.g. "en". */
  locale: string;
  /**
   * The chat widget's theme app extension id (`SHOPIFY_CHAT_EXTENSION_ID`), for the theme editor
   * link that activates the chat embed; null when the server does not know it.
   */
  chatEmbedId: string | null;
}

export const APP_CONFIG_ELEMENT_ID = "app-config";

export class AppConfigError extends Error {
  override name = "AppConfigError";
}

function requireString(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value !== "string" || value === "") {
    throw new AppConfigError(`app-config: "${key}" must be a non-empty string`);
  }
  return value;
}

/** Validate an already-parsed config object. */
export function parseAppConfig(data: unknown): AppConfig {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new AppConfigError("app-config: expected a JSON object");
  }
  const record = data as Record<string, unknown>;
  const dev = record.devSessionTokenUrl;
  if (dev !== undefined && dev !== null && (typeof dev !== "string" || dev === "")) {
    throw new AppConfigError(
      'app-config: "devSessionTokenUrl" must be a non-empty string or null',
    );
  }
  const locale = record.locale;
  const chatEmbedId = record.chatEmbedId;
  if (chatEmbedId !== undefined && chatEmbedId !== null && typeof chatEmbedId !== "string") {
    throw new AppConfigError('app-config: "chatEmbedId" must be a string or null');
  }
  return {
    apiKey: requireString(record, "apiKey"),
    shop: requireString(record, "shop"),
    devSessionTokenUrl: dev ?? null,
    locale: typeof locale === "string" && locale !== "" ? locale : "en",
    chatEmbedId: typeof chatEmbedId === "string" && chatEmbedId.trim() !== "" ? chatEmbedId.trim() : null,
  };
}

/** Read and validate the config script element from the page. */
export function readAppConfig(doc: Document = document): AppConfig {
  const element = doc.getElementById(APP_CONFIG_ELEMENT_ID);
  if (element === null) {
    throw new AppConfigError(`app-config: no element with id "${APP_CONFIG_ELEMENT_ID}"`);
  }
  let data: unknown;
  try {
    data = JSON.parse(element.textContent ?? "");
  } catch {
    throw new AppConfigError("app-config: the element does not contain valid JSON");
  }
  return parseAppConfig(data);
}

/**
 * The chat embed's extension id from the page's config, or null (no config on the page, a broken
 * one, or no id configured). Screens read it here: only the settings screen needs it.
 */
export function readChatEmbedId(doc: Document = document): string | null {
  try {
    return readAppConfig(doc).chatEmbedId;
  } catch {
    return null;
  }
}
