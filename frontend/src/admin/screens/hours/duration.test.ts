import { describe, expect, it } from "vitest";
import { makeI18n } from "../../i18n";
import { formatDuration, weekdayName } from "./duration";

describe("formatDuration", () => {
  const en = makeI18n("en").t;
  const zh = makeI18n("zh-CN").t;

  it.each([
    [0, "0 min"],
    [45, "45 min"],
    [60, "1 h"],
    [1590, "1 d 2 h 30 min"],
    [2880, "2 d"],
  ])("%s minutes -> %s", (minutes, text) => {
    expect(formatDuration(minutes, en)).toBe(text);
  });

  it("speaks Chinese", () => {
    expect(formatDuration(1590, zh)).toBe("1 天 2 小时 30 分钟");
  });
});

describe("weekdayName", () => {
  it("names weekdays in the admin's language", () => {
    expect(weekdayName("mon", "en")).toBe("Monday");
    expect(weekdayName("sun", "en")).toBe("Sunday");
    expect(weekdayName("wed", "zh-CN")).toBe("星期三");
  });
});
