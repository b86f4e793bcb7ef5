import { describe, expect, it } from "vitest";
import {
  durationParts,
  formFromSla,
  ladderFor,
  slaBody,
  splitMinutes,
  toMinutes,
  validateSla,
  type SlaState,
} from "./slaForm";

const STATE: SlaState = {
  A: { first_response_minutes: 60, next_response_minutes: 120, resolution_minutes: 1440, business_hours: false, default: true },
  B: { first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 2880, business_hours: true, default: true },
  C: { first_response_minutes: 90, next_response_minutes: 1440, resolution_minutes: 10080, business_hours: true, default: false },
};

describe("amounts", () => {
  it.each([
    [90, { amount: "90", unit: "minutes" }],
    [120, { amount: "2", unit: "hours" }],
    [2880, { amount: "2", unit: "days" }],
    [1500, { amount: "25", unit: "hours" }],
  ] as const)("splitMinutes(%s)", (minutes, amount) => {
    expect(splitMinutes(minutes)).toEqual(amount);
  });

  it.each([
    [{ amount: "3", unit: "hours" }, 180],
    [{ amount: " 2 ", unit: "days" }, 2880],
    [{ amount: "0", unit: "minutes" }, null],
    [{ amount: "1.5", unit: "hours" }, null],
    [{ amount: "-1", unit: "minutes" }, null],
    [{ amount: "", unit: "minutes" }, null],
  ] as const)("toMinutes(%o) = %s", (amount, minutes) => {
    expect(toMinutes(amount)).toBe(minutes);
  });
});

describe("validateSla", () => {
  it("accepts the loaded targets", () => {
    expect(validateSla(formFromSla(STATE))).toEqual({});
  });

  it("flags a target that is not a whole positive number, or longer than 60 days", () => {
    const form = formFromSla(STATE);
    form.A.targets.first_response_minutes = { amount: "0.5", unit: "hours" };
    form.C.targets.resolution_minutes = { amount: "61", unit: "days" };
    expect(validateSla(form)).toEqual({
      "A.first_response_minutes": "hours.sla.error.whole",
      "C.resolution_minutes": "hours.sla.error.max",
    });
  });

  it("does not check a tier being restored to its defaults", () => {
    const form = formFromSla(STATE);
    form.B.targets.next_response_minutes = { amount: "", unit: "hours" };
    form.B.restore = true;
    expect(validateSla(form)).toEqual({});
  });
});

describe("slaBody", () => {
  it("is empty when nothing changed", () => {
    expect(slaBody(formFromSla(STATE), STATE)).toEqual({});
  });

  it("sends only the changed tiers, in minutes", () => {
    const form = formFromSla(STATE);
    form.A.targets.first_response_minutes = { amount: "30", unit: "minutes" };
    form.B.businessHours = false;
    expect(slaBody(form, STATE)).toEqual({
      A: { first_response_minutes: 30, next_response_minutes: 120, resolution_minutes: 1440, business_hours: false },
      B: { first_response_minutes: 240, next_response_minutes: 480, resolution_minutes: 2880, business_hours: false },
    });
  });

  it("sends null for a customised tier restored to defaults, nothing for one already on them", () => {
    const form = formFromSla(STATE);
    form.A.restore = true;
    form.C.restore = true;
    expect(slaBody(form, STATE)).toEqual({ C: null });
  });
});

describe("the escalation ladder", () => {
  it("comes at the breach, +25%, +50% and +100% of the target", () => {
    expect(ladderFor(60)).toEqual([
      { step: "notify_assignee", afterMinutes: 0 },
      { step: "notify_supervisors", afterMinutes: 15 },
      { step: "reassign_online", afterMinutes: 30 },
      { step: "raise_priority", afterMinutes: 60 },
    ]);
    expect(ladderFor(90).map((step) => step.afterMinutes)).toEqual([0, 23, 45, 90]);
  });

  it("splits durations into days, hours and minutes", () => {
    expect(durationParts(1590)).toEqual({ days: 1, hours: 2, minutes: 30 });
    expect(durationParts(45)).toEqual({ days: 0, hours: 0, minutes: 45 });
  });
});
