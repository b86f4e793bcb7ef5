/**
 * The report's period over plain values: the presets, "today" in the shop's time zone, and the
 * query each report takes. Days are `YYYY-MM-DD` strings of the shop's calendar, computed in UTC
 * so no local clock or daylight saving moves them. `to` is excluded, as the API reads it.
 */
import type { Group } from "./types";

export const PRESETS = [7, 30, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];
export const GROUPS: Group[] = ["day", "week", "month"];

/** The shop's date now, e.g. "2026-03-02" (UTC when the zone is unknown). */
export function todayIn(timeZone: string, now: Date): string {
  const parts = (zone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(now)
      .reduce<Record<string, string>>((out, part) => ({ ...out, [part.type]: part.value }), {});
  let found: Record<string, string>;
  try {
    found = parts(timeZone);
  } catch {
    found = parts("UTC");
  }
  return `${found.year}-${found.month}-${found.day}`;
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The last `preset` days up to and including today: `[from, to)`. */
export function reportRange(preset: Preset, today: string): { from: string; to: string } {
  const to = addDays(today, 1);
  return { from: addDays(to, -preset), to };
}

/** The months of the credit report that cover a range (`to` excluded). */
export function creditMonths(range: { from: string; to: string }): { from: string; to: string } {
  return { from: range.from.slice(0, 7), to: addDays(range.to, -1).slice(0, 7) };
}

/** The bucket that suits a preset: days for a month, weeks for a quarter, months for a year. */
export function defaultGroup(preset: Preset): Group {
  if (preset >= 365) return "month";
  return preset >= 90 ? "week" : "day";
}

export function reportQuery(range: { from: string; to: string }, group: Group): string {
  return new URLSearchParams({ from: range.from, to: range.to, group }).toString();
}

export function creditQuery(range: { from: string; to: string }): string {
  return new URLSearchParams(creditMonths(range)).toString();
}

/** A bucket's label: "Mar 2" for a day or week (its first day), "Mar 2026" for a month. */
export function periodLabel(period: string, group: Group, locale: string): string {
  const [year, month, day = 1] = period.split("-").map(Number) as [number, number, number?];
  const date = new Date(Date.UTC(year, month - 1, day));
  const options: Intl.DateTimeFormatOptions =
    group === "month" ? { month: "short", year: "numeric" } : { month: "short", day: "numeric" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
}

/** A day with its year: "Jan 31, 2026". */
export function dayLabel(day: string, locale: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** "2026-03" -> "Mar 2026". */
export function monthLabel(month: string, locale: string): string {
  return periodLabel(`${month}-01`, "month", locale);
}

/** Every month from `first` to `last` (both YYYY-MM, included). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const end = last;
  for (let guard = 0; guard < 600; guard += 1) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    if (label > end) break;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
