/** Dates and times in the shopper's language. */

/** "14:05" / "2:05 PM" for an ISO timestamp, in the browser's time zone; "" when unreadable. */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return "";
  }
  return new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" }).format(date);
}

/** A calendar date ("2026-03-06") as the shop meant it: formatted in UTC so it never shifts a day. */
export function formatDay(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return isoDate;
  }
  return new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}
