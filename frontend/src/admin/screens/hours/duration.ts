/** A duration in minutes as people read it: "1 d 2 h 30 min" / "1 天 2 小时 30 分钟". */
import type { Vars } from "../../i18n";
import { durationParts } from "./slaForm";

export function formatDuration(minutes: number, t: (key: string, vars?: Vars) => string): string {
  const { days, hours, minutes: rest } = durationParts(minutes);
  const parts = [
    days > 0 ? t("hours.duration.days", { count: days }) : null,
    hours > 0 ? t("hours.duration.hours", { count: hours }) : null,
    rest > 0 ? t("hours.duration.minutes", { count: rest }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(" ") : t("hours.duration.minutes", { count: 0 });
}

/** The localized name of a weekday ("mon" -> "Monday" / "星期一"). */
export function weekdayName(day: string, locale: string): string {
  const index = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(day);
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, 1 + index));
}
