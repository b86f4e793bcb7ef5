/**
 * The admin's own translations (English and Simplified Chinese), following the
 * Shopify admin's locale. Messages live in ./messages/<area>.ts, one file per
 * screen or area, each with the same keys in both languages (a test checks it).
 *
 * `t("inbox.title")`, `t("inbox.count", { count: 3 })`: `{name}` placeholders
 * are replaced by the values given; a missing key shows the key itself.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { CATALOG, type Language } from "./catalog";

export type { Language } from "./catalog";
export type Vars = Record<string, string | number>;

export interface I18n {
  language: Language;
  /** BCP 47 tag for Intl formatting, e.g. "en" or "zh-CN". */
  locale: string;
  t: (key: string, vars?: Vars) => string;
  formatMoney: (amount: string | number, currency: string) => string;
  formatDateTime: (iso: string, timeZone?: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

/** The Shopify admin passes e.g. "zh-CN", "zh-cn", "en", "en-GB", "de". */
export function languageFor(locale: string | null | undefined): Language {
  const tag = (locale ?? "").toLowerCase();
  if (tag === "zh" || tag.startsWith("zh-cn") || tag.startsWith("zh-hans") || tag.startsWith("zh-sg")) {
    return "zh-CN";
  }
  return "en";
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function makeI18n(language: Language): I18n {
  const messages = CATALOG[language];
  const fallback = CATALOG.en;
  const locale = language;
  return {
    language,
    locale,
    t: (key, vars) => interpolate(messages[key] ?? fallback[key] ?? key, vars),
    formatMoney: (amount, currency) => {
      const value = typeof amount === "number" ? amount : Number(amount);
      if (!Number.isFinite(value)) return `${amount} ${currency}`;
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
      } catch {
        return `${amount} ${currency}`;
      }
    },
    formatDateTime: (iso, timeZone) => {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
      } catch {
        return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
      }
    },
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
  };
}

const I18nContext = createContext<I18n>(makeI18n("en"));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language), [language]);
  useEffect(() => {
    // Screen readers and fonts follow the page's language.
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
