/**
 * The shopper's language for the widget's own words (chrome strings).
 *
 * Pure: the storefront's locale (the root's data-locale) wins, then the
 * browser's languages, then English. Any Chinese tag maps to Simplified
 * Chinese, the only Chinese the widget ships; a regional tag uses its base
 * language (pt-BR -> pt).
 */

export const LANGUAGES = ["en", "zh-CN", "es", "fr", "de", "pt", "it", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

const BASES: Record<string, Language> = {
  en: "en",
  zh: "zh-CN",
  es: "es",
  fr: "fr",
  de: "de",
  pt: "pt",
  it: "it",
  nl: "nl",
};

/** The supported language a BCP 47 tag names, or null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) {
    return null;
  }
  const base = tag.trim().toLowerCase().replace(/_/g, "-").split("-")[0] ?? "";
  return BASES[base] ?? null;
}

/** The first supported language among the storefront's locale and the browser's languages. */
export function pickLanguage(storefrontLocale: string | null | undefined, browserLanguages: readonly string[]): Language {
  for (const tag of [storefrontLocale, ...browserLanguages]) {
    const language = matchLanguage(tag);
    if (language !== null) {
      return language;
    }
  }
  return "en";
}

const SERVER_LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/**
 * The locale sent to the API when a chat starts: the shopper's real locale
 * (even one the widget has no strings for: the shop may still translate
 * replies), in the form the API accepts; else the widget's language.
 */
export function serverLocale(
  storefrontLocale: string | null | undefined,
  browserLanguages: readonly string[],
  fallback: Language,
): string {
  for (const tag of [storefrontLocale, ...browserLanguages]) {
    const cleaned = (tag ?? "").trim().replace(/_/g, "-");
    if (SERVER_LOCALE.test(cleaned)) {
      return cleaned;
    }
  }
  return fallback;
}

/** navigator.languages, else [navigator.language], else []. */
export function browserLanguages(nav: Pick<Navigator, "language" | "languages"> | undefined): readonly string[] {
  if (!nav) {
    return [];
  }
  if (Array.isArray(nav.languages) && nav.languages.length > 0) {
    return nav.languages;
  }
  return nav.language ? [nav.language] : [];
}
