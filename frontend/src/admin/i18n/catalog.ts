/** Every area's messages merged into one dictionary per language. */
import approvals from "./messages/approvals";
import autoresponses from "./messages/autoresponses";
import common from "./messages/common";
import conversation from "./messages/conversation";
import credit from "./messages/credit";
import hours from "./messages/hours";
import inbox from "./messages/inbox";
import panel from "./messages/panel";
import reports from "./messages/reports";
import settings from "./messages/settings";
import templates from "./messages/templates";
import type { AreaMessages } from "./messages/types";

export type Language = "en" | "zh-CN";
export const LANGUAGES: Language[] = ["en", "zh-CN"];

export const AREAS: Record<string, AreaMessages> = {
  approvals,
  autoresponses,
  common,
  conversation,
  credit,
  hours,
  inbox,
  panel,
  reports,
  settings,
  templates,
};

function merge(language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const area of Object.values(AREAS)) Object.assign(out, area[language]);
  return out;
}

export const CATALOG: Record<Language, Record<string, string>> = {
  en: merge("en"),
  "zh-CN": merge("zh-CN"),
};
