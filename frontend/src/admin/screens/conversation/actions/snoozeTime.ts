/**
 * The snooze field is a browser `datetime-local` ("2026-05-02T09:30", the
 * agent's own clock); the API wants an ISO 8601 instant in the future.
 */
export function snoozeInstant(local: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const when = new Date(local);
  if (Number.isNaN(when.getTime()) || when.getTime() <= now.getTime()) return null;
  return when.toISOString();
}

/** The `datetime-local` value for `date` in the browser's time zone (e.g. to preset tomorrow 9:00). */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at 9:00 on the agent's clock: the usual snooze. */
export function tomorrowMorning(now: Date): Date {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return next;
}

/** Tags as the API takes them: trimmed, no empties, no duplicates (case-insensitive), at most 20. */
export function withTag(tags: string[], tag: string): string[] {
  const name = tag.trim().slice(0, 64);
  if (name === "" || tags.some((existing) => existing.toLowerCase() === name.toLowerCase())) return tags;
  return [...tags, name].slice(0, 20);
}
