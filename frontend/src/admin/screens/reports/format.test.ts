import { describe, expect, it } from "vitest";
import { makeI18n } from "../../i18n";
import { formatAmounts, formatDuration, formatRatio } from "./format";

const en = makeI18n("en");
const zh = makeI18n("zh-CN");

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [59.4, "59 s"],
    [59.6, "1 min"],
    [750, "13 min"],
    [3569, "59 min"],
    [3600, "1 h"],
    [5400, "1 h 30 min"],
    [7199, "2 h"],
    [84600, "1 d"],
    [183600, "2 d 3 h"],
    [172799, "2 d"],
  ])("%s seconds: %s", (seconds, text) => {
    expect(formatDuration(seconds, en.t)).toBe(text);
  });

  it("says when there is no figure, and speaks Chinese", () => {
    expect(formatDuration(null, en.t)).toBe("No data");
    expect(formatDuration(5400, zh.t)).toBe("1 小时 30 分钟");
    expect(formatDuration(null, zh.t)).toBe("暂无数据");
  });
});

describe("formatRatio", () => {
  it("is a percentage to one decimal", () => {
    expect(formatRatio(0.8765, en.formatNumber, en.t)).toBe("87.7%");
    expect(formatRatio(1, en.formatNumber, en.t)).toBe("100%");
    expect(formatRatio(null, en.formatNumber, en.t)).toBe("No data");
  });
});

describe("formatAmounts", () => {
  it("lists each currency on its own", () => {
    const rows = [
      { amount: "120.00", currency: "USD" },
      { amount: "35.5", currency: "EUR" },
    ];
    expect(formatAmounts(rows, en.formatMoney, "None")).toBe("$120.00, €35.50");
    expect(formatAmounts([], en.formatMoney, "None")).toBe("None");
  });
});
