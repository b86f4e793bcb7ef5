/**
 * The theme editor deep link that turns on the chat's app embed block: Shopify opens the current
 * theme's editor on its "App embeds" panel with the block activated, for the merchant to save.
 * Format (Shopify's theme app extension docs, "deep linking" for app embed blocks):
 * `https://<shop>.myshopify.com/admin/themes/current/editor?context=apps&activateAppId=<extension id>/<block handle>`.
 */

/** The app embed block's handle: extensions/chat-widget/blocks/chat-embed.liquid. */
export const CHAT_EMBED_HANDLE = "chat-embed";

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** The deep link, or null without an extension id or for a domain that is not a myshopify one. */
export function chatEmbedUrl(shopDomain: string, extensionId: string | null, handle = CHAT_EMBED_HANDLE): string | null {
  const domain = shopDomain.trim().toLowerCase();
  const id = (extensionId ?? "").trim();
  if (id === "" || !MYSHOPIFY.test(domain)) return null;
  const activate = `${encodeURIComponent(id)}/${encodeURIComponent(handle)}`;
  return `https://${domain}/admin/themes/current/editor?context=apps&activateAppId=${activate}`;
}
