/** "Where is my order?": the lookup request from the form's two fields. Pure. */
import type { LookupRequest } from "./types";

/** The contact field holds an email when it has an "@", else a postcode. */
export function lookupRequest(orderName: string, contact: string, locale: string): LookupRequest {
  const value = contact.trim();
  const isEmail = value.includes("@");
  return {
    order_name: orderName.trim(),
    email: isEmail ? value : "",
    postcode: isEmail ? "" : value,
    locale,
  };
}

/** Only web links are shown as links (the URL is the merchant's or the carrier's text). */
export function safeLink(url: string): string | null {
  const value = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(value) ? value : null;
}
