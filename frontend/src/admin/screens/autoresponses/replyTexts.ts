/**
 * The bot's texts a merchant may reword (`/api/admin/reply-texts`, see support/api/reply_texts.py):
 * per key the variables a wording must keep, and per language the default and the shop's override.
 * Pure helpers for the screen: grouping, the rows of one language, and the variables a draft
 * misses or invents (shown while typing; the server's check is the one that counts).
 */
import type { Vars } from "../../i18n";
import { refusalText, type Refusal } from "../settings/apiErrors";

export interface ReplyTextLanguage {
  language: string;
  default: string;
  override: string | null;
  updated_at: string | null;
  updated_by: string | null;
}

/** GET /api/admin/reply-texts: one per key. */
export interface ReplyTextKey {
  key: string;
  variables: string[];
  texts: ReplyTextLanguage[];
}

/** PUT /api/admin/reply-texts/<key>/<language> */
export interface ReplyTextEntry extends ReplyTextLanguage {
  key: string;
  variables: string[];
}

export type ReplyGroup = "hours" | "bot" | "wismo";
export const GROUPS: ReplyGroup[] = ["hours", "bot", "wismo"];

export function groupOf(key: string): ReplyGroup {
  const prefix = key.split(".")[0];
  return prefix === "hours" || prefix === "bot" ? prefix : "wismo";
}

export interface ReplyRow {
  key: string;
  variables: string[];
  text: ReplyTextLanguage;
}

/** The rows of one language, optionally only the overridden ones, grouped in listing order. */
export function rowsFor(
  listing: ReplyTextKey[],
  language: string,
  { onlyOverridden = false } = {},
): Record<ReplyGroup, ReplyRow[]> {
  const groups: Record<ReplyGroup, ReplyRow[]> = { hours: [], bot: [], wismo: [] };
  for (const item of listing) {
    const text = item.texts.find((entry) => entry.language === language);
    if (text === undefined || (onlyOverridden && text.override === null)) continue;
    groups[groupOf(item.key)].push({ key: item.key, variables: item.variables, text });
  }
  return groups;
}

/** The listing with one language of one key replaced (after a save or a reset). */
export function withText(listing: ReplyTextKey[], key: string, text: ReplyTextLanguage): ReplyTextKey[] {
  return listing.map((item) =>
    item.key !== key
      ? item
      : { ...item, texts: item.texts.map((entry) => (entry.language === text.language ? text : entry)) },
  );
}

/** The `{name}` variables a wording uses; `{{` and `}}` are literal braces. */
export function variablesIn(body: string): string[] {
  const names = new Set<string>();
  const unescaped = body.replace(/\{\{|\}\}/g, "");
  for (const match of unescaped.matchAll(/\{([^{}]*)\}/g)) names.add(match[1]!);
  return [...names];
}

/** What a draft misses and invents, against the key's variables. */
export function variableProblems(body: string, variables: string[]): { missing: string[]; unknown: string[] } {
  const used = variablesIn(body);
  return {
    missing: variables.filter((name) => !used.includes(name)),
    unknown: used.filter((name) => !variables.includes(name)),
  };
}

/** How many keys have an override in `language`. */
export function overriddenCount(listing: ReplyTextKey[], language: string): number {
  return listing.filter((item) => item.texts.some((text) => text.language === language && text.override !== null))
    .length;
}

/**
 * A refusal of a wording as a sentence: the reason for its code (see support/rules/reply_texts.py),
 * the variables it names, and for a money promise the kinds of promise in the admin's language.
 */
export function replyRefusalText(t: (key: string, vars?: Vars) => string, refusal: Refusal): string {
  const names =
    refusal.code === "promises_money"
      ? refusal.names.map((name) => {
          const key = `autoresponses.replies.promise.${name}`;
          const text = t(key);
          return text === key ? name : text;
        })
      : refusal.names.map((name) => `{${name}}`);
  return refusalText(t, "autoresponses.replies", { ...refusal, names });
}
