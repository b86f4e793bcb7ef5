/**
 * The business-hours form as plain values: from the API's shape (`GET /api/admin/settings/hours`,
 * see support/api/hours.py), checked field by field before anything is sent, and back to the
 * API's body. The rules mirror support/rules/hours.py: "HH:MM" times, "24:00" only as an end,
 * split shifts that do not overlap, at most 6 per day, 5 holiday countries, 400 closed dates.
 */

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Day = (typeof DAYS)[number];

export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_COUNTRIES = 5;
export const MAX_CLOSED_DATES = 400;

/** GET /api/admin/settings/hours */
export interface HoursState {
  timezone: string;
  weekly: Partial<Record<Day, [string, string][]>>;
  holiday_countries: string[];
  holiday_subdivision: string | null;
  closed_dates: string[];
  greeting_enabled: boolean;
  out_of_hours_enabled: boolean;
  open_now: boolean;
  next_opening: string | null;
}

export interface Shift {
  start: string;
  end: string;
}

export interface HoursForm {
  timezone: string;
  weekly: Record<Day, Shift[]>;
  /** As typed: codes separated by commas or spaces, e.g. "DE, AT". */
  countries: string;
  subdivision: string;
  closedDates: string[];
  greetingEnabled: boolean;
  outOfHoursEnabled: boolean;
}

/** i18n keys (area `hours.`) of the errors. */
export type HoursError =
  | "hours.error.timezone"
  | "hours.error.time"
  | "hours.error.endTime"
  | "hours.error.reversed"
  | "hours.error.overlap"
  | "hours.error.tooManyShifts"
  | "hours.error.country"
  | "hours.error.tooManyCountries"
  | "hours.error.subdivisionWithoutCountry"
  | "hours.error.date"
  | "hours.error.duplicateDate"
  | "hours.error.tooManyDates";

export interface HoursErrors {
  timezone?: HoursError;
  /** Keyed "mon.0.start", "mon.0.end". */
  shifts: Record<string, HoursError>;
  /** A whole day's problem (overlapping shifts, too many). */
  days: Partial<Record<Day, HoursError>>;
  countries?: HoursError;
  subdivision?: HoursError;
  closedDates?: HoursError;
}

export function formFromHours(hours: HoursState): HoursForm {
  const weekly = {} as Record<Day, Shift[]>;
  for (const day of DAYS) {
    weekly[day] = (hours.weekly[day] ?? []).map(([start, end]) => ({ start, end }));
  }
  return {
    timezone: hours.timezone,
    weekly,
    countries: hours.holiday_countries.join(", "),
    subdivision: hours.holiday_subdivision ?? "",
    closedDates: [...hours.closed_dates].sort(),
    greetingEnabled: hours.greeting_enabled,
    outOfHoursEnabled: hours.out_of_hours_enabled,
  };
}

const TIME = /^(\d{1,2}):(\d{2})$/;

/** Minutes after midnight of "HH:MM" (1440 for "24:00" when `end`), or null when not a time. */
export function minutesOf(value: string, { end }: { end: boolean }): number | null {
  const match = TIME.exec(value.trim());
  if (match === null) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (end && hour === 24 && minute === 0) return 24 * 60;
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

/** "9:00" -> "09:00"; anything that is not a time is returned trimmed. */
export function normalizeTime(value: string): string {
  const match = TIME.exec(value.trim());
  return match === null ? value.trim() : `${match[1]!.padStart(2, "0")}:${match[2]}`;
}

/** "de, at  BY" -> ["DE", "AT", "BY"] without repeats. */
export function parseCountries(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== "");
  return [...new Set(codes)];
}

const COUNTRY = /^[A-Z]{2,3}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validateDay(day: Day, shifts: Shift[], errors: HoursErrors): void {
  if (shifts.length > MAX_INTERVALS_PER_DAY) errors.days[day] = "hours.error.tooManyShifts";
  const spans: [number, number][] = [];
  shifts.forEach((shift, index) => {
    const start = minutesOf(shift.start, { end: false });
    const end = minutesOf(shift.end, { end: true });
    if (start === null) errors.shifts[`${day}.${index}.start`] = "hours.error.time";
    if (end === null) errors.shifts[`${day}.${index}.end`] = "hours.error.endTime";
    if (start !== null && end !== null) {
      if (start >= end) errors.shifts[`${day}.${index}.end`] = "hours.error.reversed";
      else spans.push([start, end]);
    }
  });
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i += 1) {
    if (spans[i]![0] < spans[i - 1]![1]) errors.days[day] ??= "hours.error.overlap";
  }
}

export function validateHours(form: HoursForm): HoursErrors {
  const errors: HoursErrors = { shifts: {}, days: {} };
  if (form.timezone.trim() === "") errors.timezone = "hours.error.timezone";
  for (const day of DAYS) validateDay(day, form.weekly[day], errors);
  const countries = parseCountries(form.countries);
  if (countries.some((code) => !COUNTRY.test(code))) errors.countries = "hours.error.country";
  else if (countries.length > MAX_COUNTRIES) errors.countries = "hours.error.tooManyCountries";
  const subdivision = form.subdivision.trim();
  // Region codes and names are many ("BY", "NSW", "Zone A"): the server knows them.
  if (subdivision !== "" && countries.length === 0) errors.subdivision = "hours.error.subdivisionWithoutCountry";
  if (form.closedDates.length > MAX_CLOSED_DATES) errors.closedDates = "hours.error.tooManyDates";
  else if (form.closedDates.some((day) => !isIsoDate(day))) errors.closedDates = "hours.error.date";
  return errors;
}

export function hasErrors(errors: HoursErrors): boolean {
  return (
    errors.timezone !== undefined ||
    errors.countries !== undefined ||
    errors.subdivision !== undefined ||
    errors.closedDates !== undefined ||
    Object.keys(errors.shifts).length > 0 ||
    Object.keys(errors.days).length > 0
  );
}

/** A closed day to add: its error, or null when it can be added to `existing`. */
export function closedDateError(value: string, existing: string[]): HoursError | null {
  if (!isIsoDate(value)) return "hours.error.date";
  if (existing.includes(value)) return "hours.error.duplicateDate";
  if (existing.length >= MAX_CLOSED_DATES) return "hours.error.tooManyDates";
  return null;
}

/** The PUT body: every weekday (an empty list is closed), country codes upper-cased, dates sorted. */
export function hoursBody(form: HoursForm) {
  const weekly = {} as Record<Day, [string, string][]>;
  for (const day of DAYS) {
    weekly[day] = form.weekly[day].map((shift) => [normalizeTime(shift.start), normalizeTime(shift.end)]);
  }
  const subdivision = form.subdivision.trim();
  return {
    timezone: form.timezone,
    weekly,
    holiday_countries: parseCountries(form.countries),
    holiday_subdivision: subdivision === "" ? null : subdivision,
    closed_dates: [...form.closedDates].sort(),
    greeting_enabled: form.greetingEnabled,
    out_of_hours_enabled: form.outOfHoursEnabled,
  };
}

/** Which field a server refusal's code (support.rules.hours.ScheduleError) belongs to. */
export type HoursField = "timezone" | "weekly" | "countries" | "subdivision" | "closedDates" | "form";

const FIELD_OF_CODE: Record<string, HoursField> = {
  invalid_timezone: "timezone",
  invalid_weekly: "weekly",
  invalid_weekday: "weekly",
  overlapping_intervals: "weekly",
  invalid_interval: "weekly",
  reversed_interval: "weekly",
  invalid_time: "weekly",
  invalid_countries: "countries",
  unknown_country: "countries",
  unknown_subdivision: "subdivision",
  invalid_dates: "closedDates",
  invalid_date: "closedDates",
};

export function fieldOfCode(code: string | null): HoursField {
  return (code !== null && FIELD_OF_CODE[code]) || "form";
}

/**
 * Whether these are the hours of a shop that never set any (the API then shows every day open
 * 00:00-24:00 with no holidays): the onboarding checklist counts such hours as not set.
 */
export function looksUnset(hours: Pick<HoursState, "weekly" | "holiday_countries" | "closed_dates">): boolean {
  return (
    hours.holiday_countries.length === 0 &&
    hours.closed_dates.length === 0 &&
    DAYS.every((day) => {
      const shifts = hours.weekly[day] ?? [];
      return shifts.length === 1 && shifts[0]![0] === "00:00" && shifts[0]![1] === "24:00";
    })
  );
}
