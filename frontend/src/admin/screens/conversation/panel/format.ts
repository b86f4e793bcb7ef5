/**
 * Pure wording rules of the side panel: plain dates, delivery windows, status words, country and
 * language names, and which tracking links may be opened.
 */
import type { Eta } from "./card";

type T = (key: string, vars?: Record<string, string | number>) => string;

/** A plain date ("2026-12-28", the shop's calendar day) in the admin's language: "Mon, Dec 28". */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(
    date,
  );
}

/** The delivery window in words: "Expected Mon, Dec 28", "Expected Mon, Dec 28 – Thu, Dec 31",
 * or, past its last day, "Late: expected by Thu, Dec 31". */
export function etaText(eta: Eta, t: T, locale: string): string {
  const latest = formatDay(eta.latest, locale);
  if (eta.late) return t("panel.eta.late", { date: latest });
  if (eta.earliest === eta.latest) return t("panel.eta.day", { date: latest });
  return t("panel.eta.range", { from: formatDay(eta.earliest, locale), to: latest });
}

/** Where the window comes from, for the agent (how much to trust it). */
export function etaSourceText(eta: Eta, t: T): string {
  return t(`panel.eta.source.${eta.source}`);
}

/** Only web links are opened (a tracking URL is the merchant's or the carrier's text). */
export function safeTrackingUrl(url: string): string | null {
  const value = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(value) ? value : null;
}

const KNOWN: Record<string, readonly string[]> = {
  financial: ["pending", "authorized", "partially_paid", "paid", "partially_refunded", "refunded", "voided", "expired"],
  fulfillment: ["fulfilled", "partial", "partially_fulfilled", "unfulfilled", "restocked", "in_progress", "on_hold"],
  shipment: [
    "label_printed",
    "label_purchased",
    "confirmed",
    "carrier_picked_up",
    "in_transit",
    "delayed",
    "out_for_delivery",
    "attempted_delivery",
    "ready_for_pickup",
    "picked_up",
    "delivered",
    "failure",
    "not_delivered",
    "exception",
  ],
};

/** A status word from Shopify ("paid", "PAID", "in_transit") in the admin's language; an unknown
 * one as Shopify wrote it; an empty one as `empty`. */
export function statusText(group: "financial" | "fulfillment" | "shipment", value: string, t: T): string {
  const code = value.trim().toLowerCase();
  if (code === "") return t(`panel.${group}.none`);
  return KNOWN[group]?.includes(code) ? t(`panel.${group}.${code}`) : value;
}

function displayName(locale: string, type: "region" | "language", code: string): string {
  if (code.trim() === "") return "";
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "BR" -> "Brazil" (巴西); the code itself when unknown. */
export function countryName(code: string, locale: string): string {
  return displayName(locale, "region", code.toUpperCase());
}

/** "pt-BR" -> "Brazilian Portuguese"; the tag itself when unknown. */
export function languageName(tag: string, locale: string): string {
  return displayName(locale, "language", tag);
}
