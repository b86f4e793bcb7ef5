/** Sample API answers for the settings screen's tests. */
import type { Delivery } from "./FailedWebhooksCard";
import type { DataExport } from "./PrivacyExportsCard";
import type { SupportSettings } from "./supportSettingsForm";
import type { TranslationSettings } from "./TranslationCard";

export const SUPPORT: SupportSettings = {
  retention_months: 18,
  high_value_threshold: "500.00",
  checkin_after_days: 3,
  nudge_after_hours: 48,
  resolve_after_hours: 168,
  dispute_deadline_hours: 72,
};

export const TRANSLATION: TranslationSettings = {
  provider: "deepl",
  enabled: true,
  switched_on: true,
  agent_language: "en",
  key_set: true,
  reason: null,
};

export const EXPORTS: DataExport[] = [
  {
    id: "41",
    customer_id: "9007199254740993",
    requested_at: "2026-02-10T09:00:00Z",
    completed_at: "2026-02-10T09:00:05Z",
  },
  { id: "40", customer_id: "7001", requested_at: "2026-02-09T09:00:00Z", completed_at: null },
];

export const FAILED: Delivery[] = [
  {
    id: "9007199254740999",
    topic: "orders/updated",
    status: "failed",
    attempts: 5,
    last_error: "ValueError: order total missing",
    received_at: "2026-02-11T08:00:00Z",
    processed_at: null,
  },
];

const open = [["09:00", "17:00"]] as [string, string][];
export const HOURS_SET = {
  timezone: "Europe/Berlin",
  weekly: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: [], sun: [] },
  holiday_countries: ["DE"],
  holiday_subdivision: null,
  closed_dates: [],
  greeting_enabled: true,
  out_of_hours_enabled: true,
  open_now: true,
  next_opening: null,
};

const always = [["00:00", "24:00"]] as [string, string][];
export const HOURS_NEVER_SET = {
  ...HOURS_SET,
  weekly: { mon: always, tue: always, wed: always, thu: always, fri: always, sat: always, sun: always },
  holiday_countries: [],
};

/** The page's app-config element, as the Django view renders it. */
export function pageConfig(chatEmbedId: string | null): () => void {
  const script = document.createElement("script");
  script.id = "app-config";
  script.type = "application/json";
  script.textContent = JSON.stringify({
    apiKey: "test-api-key",
    shop: "demo-store.myshopify.com",
    locale: "en",
    devSessionTokenUrl: null,
    chatEmbedId,
  });
  document.head.append(script);
  return () => script.remove();
}
