import { describe, expect, it } from "vitest";
import { formFromSettings, supportBody, validateSupport, type SupportSettings } from "./supportSettingsForm";

const SETTINGS: SupportSettings = {
  retention_months: 18,
  high_value_threshold: "500.00",
  checkin_after_days: 3,
  nudge_after_hours: 48,
  resolve_after_hours: 168,
  dispute_deadline_hours: 72,
};

describe("validateSupport", () => {
  it("accepts the loaded settings, and a blank threshold (off)", () => {
    expect(validateSupport(formFromSettings(SETTINGS))).toEqual({});
    expect(validateSupport({ ...formFromSettings(SETTINGS), high_value_threshold: " " })).toEqual({});
  });

  it("flags numbers out of the API's ranges, and a threshold that is not an amount", () => {
    const form = {
      ...formFromSettings(SETTINGS),
      retention_months: "0",
      nudge_after_hours: "721",
      checkin_after_days: "2.5",
      dispute_deadline_hours: "",
      high_value_threshold: "12.345",
    };
    expect(validateSupport(form)).toEqual({
      retention_months: { key: "settings.support.error.range", min: 1, max: 120 },
      nudge_after_hours: { key: "settings.support.error.range", min: 0, max: 720 },
      checkin_after_days: { key: "settings.support.error.range", min: 0, max: 60 },
      dispute_deadline_hours: { key: "settings.support.error.range", min: 1, max: 720 },
      high_value_threshold: { key: "settings.support.error.money" },
    });
  });
});

describe("supportBody", () => {
  it("is empty when nothing changed (500 and 500.00 are the same amount)", () => {
    expect(supportBody({ ...formFromSettings(SETTINGS), high_value_threshold: "500" }, SETTINGS)).toEqual({});
  });

  it("sends the changed fields only, numbers as numbers, the threshold as a string", () => {
    const form = { ...formFromSettings(SETTINGS), retention_months: " 24 ", high_value_threshold: "750.50" };
    expect(supportBody(form, SETTINGS)).toEqual({ retention_months: 24, high_value_threshold: "750.50" });
  });

  it("turns the threshold off with null, and on from null", () => {
    expect(supportBody({ ...formFromSettings(SETTINGS), high_value_threshold: "" }, SETTINGS)).toEqual({
      high_value_threshold: null,
    });
    const off = { ...SETTINGS, high_value_threshold: null };
    expect(supportBody({ ...formFromSettings(off), high_value_threshold: "0" }, off)).toEqual({ high_value_threshold: "0" });
  });
});
