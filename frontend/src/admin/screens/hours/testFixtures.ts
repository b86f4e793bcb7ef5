/** Sample API answers for the hours screen's tests. */
import type { HoursState } from "./hoursForm";
import type { SlaState } from "./slaForm";

export const HOURS: HoursState = {
  timezone: "Europe/Berlin",
  weekly: {
    mon: [
      ["09:00", "12:00"],
      ["14:00", "18:00"],
    ],
    tue: [["09:00", "18:00"]],
    wed: [["09:00", "18:00"]],
    thu: [["09:00", "18:00"]],
    fri: [["09:00", "16:00"]],
    sat: [],
    sun: [],
  },
  holiday_countries: ["DE"],
  holiday_subdivision: "BY",
  closed_dates: ["2026-12-24"],
  greeting_enabled: true,
  out_of_hours_enabled: true,
  open_now: false,
  next_opening: "2026-03-03T08:00:00Z",
};

export const SLA: SlaState = {
  A: { first_response_minutes: 60, next_response_minutes: 120, resolution_minutes: 1440, business_hours: false, default: true },
  B: { first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 2880, business_hours: true, default: true },
  C: { first_response_minutes: 480, next_response_minutes: 1440, resolution_minutes: 10080, business_hours: true, default: false },
};
