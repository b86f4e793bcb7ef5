/** Report figures in words: durations, ratios and money lists, in the admin's language. */
import type { Vars } from "../../i18n";

type T = (key: string, vars?: Vars) => string;
type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

/** 45 -> "45 s", 750 -> "13 min", 5400 -> "1 h 30 min", 183600 -> "2 d 3 h"; null -> "No data". */
export function formatDuration(seconds: number | null, t: T): string {
  if (seconds === null || !Number.isFinite(seconds)) return t("reports.noData");
  const s = Math.max(0, seconds);
  if (s < 59.5) return t("reports.duration.seconds", { n: Math.round(s) });
  if (s < 3570) return t("reports.duration.minutes", { n: Math.max(1, Math.round(s / 60)) });
  if (s < 86400 - 1800) {
    let h = Math.floor(s / 3600);
    let m = Math.round((s - h * 3600) / 60);
    if (m === 60) {
      h += 1;
      m = 0;
    }
    return m === 0 ? t("reports.duration.hours", { h }) : t("reports.duration.hoursMinutes", { h, m });
  }
  let d = Math.floor(s / 86400);
  let h = Math.round((s - d * 86400) / 3600);
  if (h === 24) {
    d += 1;
    h = 0;
  }
  return h === 0 ? t("reports.duration.days", { d }) : t("reports.duration.daysHours", { d, h });
}

/** 0.8765 -> "87.7%"; null -> "No data". */
export function formatRatio(ratio: number | null, formatNumber: FormatNumber, t: T): string {
  if (ratio === null || !Number.isFinite(ratio)) return t("reports.noData");
  return formatNumber(ratio, { style: "percent", maximumFractionDigits: 1 });
}

/** Money in several currencies, never added up: "$120.00, €35.50"; none -> `empty`. */
export function formatAmounts(
  rows: { amount: string; currency: string }[],
  formatMoney: (amount: string, currency: string) => string,
  empty: string,
): string {
  return rows.length === 0 ? empty : rows.map((row) => formatMoney(row.amount, row.currency)).join(", ");
}
