/**
 * The support settings form (`/api/admin/settings/support`, see support/api/support_settings.py):
 * whole numbers within the API's ranges, the high-value threshold as money (blank: off). The body
 * sends only the fields that changed.
 */

/** GET /api/admin/settings/support */
export interface SupportSettings {
  retention_months: number;
  /** Decimal string in the shop's currency; null: off. */
  high_value_threshold: string | null;
  checkin_after_days: number;
  nudge_after_hours: number;
  resolve_after_hours: number;
  dispute_deadline_hours: number;
}

export const WHOLE_FIELDS = [
  "retention_months",
  "checkin_after_days",
  "nudge_after_hours",
  "resolve_after_hours",
  "dispute_deadline_hours",
] as const;
export type WholeField = (typeof WHOLE_FIELDS)[number];
export type SupportField = WholeField | "high_value_threshold";

/** [min, max] of each whole-number field, as the API checks them. */
export const RANGES: Record<WholeField, [number, number]> = {
  retention_months: [1, 120],
  checkin_after_days: [0, 60],
  nudge_after_hours: [0, 720],
  resolve_after_hours: [0, 2160],
  dispute_deadline_hours: [1, 720],
};

export type SupportForm = Record<SupportField, string>;

export function formFromSettings(settings: SupportSettings): SupportForm {
  return {
    retention_months: String(settings.retention_months),
    high_value_threshold: settings.high_value_threshold ?? "",
    checkin_after_days: String(settings.checkin_after_days),
    nudge_after_hours: String(settings.nudge_after_hours),
    resolve_after_hours: String(settings.resolve_after_hours),
    dispute_deadline_hours: String(settings.dispute_deadline_hours),
  };
}

export type SupportError =
  | { key: "settings.support.error.range"; min: number; max: number }
  | { key: "settings.support.error.money" };

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

export function validateSupport(form: SupportForm): Partial<Record<SupportField, SupportError>> {
  const errors: Partial<Record<SupportField, SupportError>> = {};
  for (const field of WHOLE_FIELDS) {
    const [min, max] = RANGES[field];
    const text = form[field].trim();
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      errors[field] = { key: "settings.support.error.range", min, max };
    }
  }
  const threshold = form.high_value_threshold.trim();
  if (threshold !== "" && !MONEY.test(threshold)) errors.high_value_threshold = { key: "settings.support.error.money" };
  return errors;
}

/** The PUT body: only what changed (an empty object when nothing did). Call after validating. */
export function supportBody(form: SupportForm, settings: SupportSettings): Partial<SupportSettings> {
  const body: Partial<SupportSettings> = {};
  for (const field of WHOLE_FIELDS) {
    const value = Number(form[field].trim());
    if (value !== settings[field]) body[field] = value;
  }
  const threshold = form.high_value_threshold.trim();
  const next = threshold === "" ? null : threshold;
  const current = settings.high_value_threshold;
  if (next === null ? current !== null : current === null || Number(next) !== Number(current)) {
    body.high_value_threshold = next;
  }
  return body;
}
