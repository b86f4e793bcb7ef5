import { describe, expect, it } from "vitest";
import {
  closedDateError,
  fieldOfCode,
  formFromHours,
  hasErrors,
  hoursBody,
  isIsoDate,
  looksUnset,
  minutesOf,
  normalizeTime,
  parseCountries,
  validateHours,
  type HoursForm,
  type HoursState,
} from "./hoursForm";

const HOURS: HoursState = {
  timezone: "Europe/Berlin",
  weekly: {
    mon: [
      ["09:00", "12:00"],
      ["14:00", "18:00"],
    ],
    tue: [["09:00", "18:00"]],
    wed: [],
    thu: [],
    fri: [["09:00", "24:00"]],
    sat: [],
    sun: [],
  },
  holiday_countries: ["DE"],
  holiday_subdivision: "BY",
  closed_dates: ["2026-12-31", "2026-12-24"],
  greeting_enabled: true,
  out_of_hours_enabled: false,
  open_now: false,
  next_opening: "2026-03-03T09:00:00+01:00",
};

function form(overrides: Partial<HoursForm> = {}): HoursForm {
  return { ...formFromHours(HOURS), ...overrides };
}

describe("formFromHours / hoursBody", () => {
  it("round-trips the API's shape, every weekday present, dates sorted", () => {
    expect(hoursBody(formFromHours(HOURS))).toEqual({
      timezone: "Europe/Berlin",
      weekly: {
        mon: [
          ["09:00", "12:00"],
          ["14:00", "18:00"],
        ],
        tue: [["09:00", "18:00"]],
        wed: [],
        thu: [],
        fri: [["09:00", "24:00"]],
        sat: [],
        sun: [],
      },
      holiday_countries: ["DE"],
      holiday_subdivision: "BY",
      closed_dates: ["2026-12-24", "2026-12-31"],
      greeting_enabled: true,
      out_of_hours_enabled: false,
    });
  });

  it("pads times, upper-cases countries and sends a blank region as null", () => {
    const weekly = { ...form().weekly, sat: [{ start: "9:30", end: " 13:00 " }] };
    const body = hoursBody(form({ weekly, countries: "de, at AT", subdivision: "  " }));
    expect(body.weekly.sat).toEqual([["09:30", "13:00"]]);
    expect(body.holiday_countries).toEqual(["DE", "AT"]);
    expect(body.holiday_subdivision).toBeNull();
  });

  it("fills weekdays the API left out as closed", () => {
    expect(formFromHours({ ...HOURS, weekly: { mon: [["08:00", "16:00"]] } }).weekly.sun).toEqual([]);
  });
});

describe("times", () => {
  it.each([
    ["09:00", false, 540],
    ["9:05", false, 545],
    ["23:59", false, 1439],
    ["24:00", true, 1440],
    ["24:00", false, null],
    ["24:01", true, null],
    ["12:60", false, null],
    ["noon", false, null],
    ["", false, null],
  ])("minutesOf(%s, end=%s) = %s", (value, end, minutes) => {
    expect(minutesOf(value, { end })).toBe(minutes);
  });

  it("normalizes only real times", () => {
    expect(normalizeTime("7:00")).toBe("07:00");
    expect(normalizeTime(" x ")).toBe("x");
  });
});

describe("validateHours", () => {
  it("accepts the loaded hours", () => {
    const errors = validateHours(form());
    expect(hasErrors(errors)).toBe(false);
    expect(errors).toEqual({ shifts: {}, days: {} });
  });

  it("flags each bad time at its field, a reversed shift at its end", () => {
    const weekly = {
      ...form().weekly,
      mon: [
        { start: "9am", end: "12:00" },
        { start: "14:00", end: "25:00" },
      ],
      tue: [{ start: "18:00", end: "09:00" }],
    };
    expect(validateHours(form({ weekly }))).toEqual({
      shifts: { "mon.0.start": "hours.error.time", "mon.1.end": "hours.error.endTime", "tue.0.end": "hours.error.reversed" },
      days: {},
    });
  });

  it("flags overlapping shifts and too many shifts on their day", () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` }));
    const weekly = {
      ...form().weekly,
      wed: [
        { start: "13:00", end: "18:00" },
        { start: "09:00", end: "13:30" },
      ],
      thu: seven,
    };
    expect(validateHours(form({ weekly })).days).toEqual({
      wed: "hours.error.overlap",
      thu: "hours.error.tooManyShifts",
    });
  });

  it("flags the zone, countries, the region and the dates", () => {
    expect(validateHours(form({ timezone: " " })).timezone).toBe("hours.error.timezone");
    expect(validateHours(form({ countries: "DE, Germany" })).countries).toBe("hours.error.country");
    expect(validateHours(form({ countries: "DE AT CH FR IT ES" })).countries).toBe("hours.error.tooManyCountries");
    expect(validateHours(form({ countries: "", subdivision: "BY" })).subdivision).toBe(
      "hours.error.subdivisionWithoutCountry",
    );
    expect(validateHours(form({ countries: "FR", subdivision: "Zone A" })).subdivision).toBeUndefined();
    expect(validateHours(form({ closedDates: ["2026-02-30"] })).closedDates).toBe("hours.error.date");
  });
});

describe("closed dates", () => {
  it("checks real ISO dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("24/12/2026")).toBe(false);
  });

  it("refuses a bad or repeated date", () => {
    expect(closedDateError("2026-12-24", ["2026-12-31"])).toBeNull();
    expect(closedDateError("2026-12-31", ["2026-12-31"])).toBe("hours.error.duplicateDate");
    expect(closedDateError("", [])).toBe("hours.error.date");
  });
});

describe("parseCountries", () => {
  it("splits on commas and spaces, upper-cases, drops repeats", () => {
    expect(parseCountries(" de,at ;  DE fr")).toEqual(["DE", "AT", "FR"]);
    expect(parseCountries("")).toEqual([]);
  });
});

describe("fieldOfCode", () => {
  it.each([
    ["invalid_timezone", "timezone"],
    ["overlapping_intervals", "weekly"],
    ["unknown_country", "countries"],
    ["unknown_subdivision", "subdivision"],
    ["invalid_date", "closedDates"],
    ["invalid_switch", "form"],
    [null, "form"],
  ])("%s -> %s", (code, field) => {
    expect(fieldOfCode(code)).toBe(field);
  });
});

describe("looksUnset", () => {
  const always = Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [["00:00", "24:00"]]]),
  ) as HoursState["weekly"];

  it("is true for the always-open hours of a shop that never set any", () => {
    expect(looksUnset({ weekly: always, holiday_countries: [], closed_dates: [] })).toBe(true);
  });

  it("is false once anything differs", () => {
    expect(looksUnset(HOURS)).toBe(false);
    expect(looksUnset({ weekly: always, holiday_countries: ["DE"], closed_dates: [] })).toBe(false);
    expect(looksUnset({ weekly: { ...always, sun: [] }, holiday_countries: [], closed_dates: [] })).toBe(false);
  });
});
