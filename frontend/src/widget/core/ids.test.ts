import { describe, expect, it } from "vitest";
import { compareIds, isAfter } from "./ids";

describe("compareIds", () => {
  it("orders ids beyond 2^53 exactly (no number conversion)", () => {
    expect(compareIds("9007199254740993", "9007199254740992")).toBeGreaterThan(0);
    expect(compareIds("9007199254740992", "9007199254740993")).toBeLessThan(0);
    expect(compareIds("9007199254740993", "9007199254740993")).toBe(0);
  });

  it("compares by magnitude, not text", () => {
    expect(compareIds("10", "9")).toBeGreaterThan(0);
    expect(compareIds("007", "7")).toBe(0);
  });
});

describe("isAfter", () => {
  it("is true against null", () => {
    expect(isAfter("1", null)).toBe(true);
    expect(isAfter("1", "2")).toBe(false);
  });
});
