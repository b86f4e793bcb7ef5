import { describe, expect, it } from "vitest";
import {
  addDays,
  creditMonths,
  creditQuery,
  dayLabel,
  defaultGroup,
  monthLabel,
  monthsBetween,
  periodLabel,
  reportQuery,
  reportRange,
  todayIn,
} from "./period";

describe("todayIn", () => {
  const now = new Date("2026-03-02T03:30:00Z");
  it("is the shop's date, not the browser's", () => {
    expect(todayIn("America/New_York", now)).toBe("2026-03-01");
    expect(todayIn("Asia/Shanghai", now)).toBe("2026-03-02");
    expect(todayIn("UTC", now)).toBe("2026-03-02");
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(todayIn("Mars/Olympus", now)).toBe("2026-03-02");
  });
});

describe("ranges", () => {
  it("adds days across months and leap years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("takes the last N days, today included, `to` excluded", () => {
    expect(reportRange(30, "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-02" });
    expect(reportRange(7, "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-02" });
  });

  it("covers the range with months for the credit report", () => {
    expect(creditMonths({ from: "2026-01-31", to: "2026-03-02" })).toEqual({ from: "2026-01", to: "2026-03" });
    expect(creditMonths({ from: "2026-02-01", to: "2026-03-01" })).toEqual({ from: "2026-02", to: "2026-02" });
  });

  it("writes the queries", () => {
    const range = { from: "2026-01-31", to: "2026-03-02" };
    expect(reportQuery(range, "week")).toBe("from=2026-01-31&to=2026-03-02&group=week");
    expect(creditQuery(range)).toBe("from=2026-01&to=2026-03");
  });

  it("groups by day, week or month by the length", () => {
    expect([7, 30, 90, 365].map((days) => defaultGroup(days as 7 | 30 | 90 | 365))).toEqual([
      "day",
      "day",
      "week",
      "month",
    ]);
  });
});

describe("labels", () => {
  it("labels buckets in the admin's language, whatever the browser's zone", () => {
    expect(periodLabel("2026-03-02", "day", "en")).toBe("Mar 2");
    expect(periodLabel("2026-03-01", "month", "en")).toBe("Mar 2026");
    expect(periodLabel("2026-03-02", "week", "zh-CN")).toBe("3月2日");
    expect(monthLabel("2026-12", "zh-CN")).toBe("2026年12月");
    expect(dayLabel("2026-01-31", "en")).toBe("Jan 31, 2026");
    expect(dayLabel("2026-01-31", "zh-CN")).toBe("2026年1月31日");
  });

  it("lists every month of a span", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
    expect(monthsBetween("2026-04", "2026-03")).toEqual([]);
  });
});
