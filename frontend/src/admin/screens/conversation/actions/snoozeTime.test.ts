import { describe, expect, it } from "vitest";
import { localInputValue, snoozeInstant, tomorrowMorning, withTag } from "./snoozeTime";

describe("snoozeInstant", () => {
  const now = new Date(2026, 4, 1, 12, 0); // local time

  it("turns a future local date-time into an ISO instant", () => {
    expect(snoozeInstant("2026-05-02T09:30", now)).toBe(new Date(2026, 4, 2, 9, 30).toISOString());
  });

  it("refuses the past, now, and anything that is not a date-time", () => {
    expect(snoozeInstant("2026-05-01T11:59", now)).toBeNull();
    expect(snoozeInstant("2026-05-01T12:00", now)).toBeNull();
    expect(snoozeInstant("tomorrow", now)).toBeNull();
    expect(snoozeInstant("", now)).toBeNull();
  });
});

describe("local values", () => {
  it("formats for the date-time field and presets tomorrow 9:00", () => {
    expect(localInputValue(new Date(2026, 0, 5, 7, 3))).toBe("2026-01-05T07:03");
    expect(localInputValue(tomorrowMorning(new Date(2026, 11, 31, 18, 45)))).toBe("2027-01-01T09:00");
  });
});

describe("withTag", () => {
  it("adds a trimmed tag once", () => {
    expect(withTag(["vip"], "  late parcel ")).toEqual(["vip", "late parcel"]);
    expect(withTag(["vip"], "VIP")).toEqual(["vip"]);
    expect(withTag(["vip"], "   ")).toEqual(["vip"]);
  });
});
